import { toGlobalId } from '#kit';
import type { ShippingZoneResolvers } from '../generated/resolvers-types.ts';

export const ShippingZone: ShippingZoneResolvers = {
  id: (zone) => toGlobalId('ShippingZone', zone.id),
  /** One entry per country; a country listed whole has no province codes, whatever else is listed. */
  regions: async (zone, _args, ctx) => {
    const byCountry = new Map<string, { countryCode: string; provinceCodes: string[]; whole: boolean }>();
    for (const region of (await ctx.loaders.rateTable()).regionsByZone.get(zone.id) ?? []) {
      const entry = byCountry.get(region.countryCode) ?? { countryCode: region.countryCode, provinceCodes: [], whole: false };
      if (region.provinceCode) entry.provinceCodes.push(region.provinceCode);
      else entry.whole = true;
      byCountry.set(region.countryCode, entry);
    }
    return [...byCountry.values()].map(({ countryCode, provinceCodes, whole }) => ({ countryCode, provinceCodes: whole ? [] : provinceCodes }));
  },
  rates: async (zone, _args, ctx) => (await ctx.loaders.rateTable()).ratesByZone.get(zone.id) ?? [],
};
