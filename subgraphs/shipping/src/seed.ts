import { randomUUID } from 'node:crypto';
import type { RequestContext } from '#kit';
import { ShippingRateBand } from './entities/shipping-rate-band.entity.ts';
import { ShippingRate } from './entities/shipping-rate.entity.ts';
import { ShippingZoneRegion } from './entities/shipping-zone-region.entity.ts';
import { ShippingZone } from './entities/shipping-zone.entity.ts';
import { SEED_ZONES, type SeedZone } from './seed-rates.ts';

/**
 * Seeds the demo rate table (seed-rates.ts; the same for `small` and `full`) when no zone exists,
 * otherwise leaves the table alone. One transaction under an advisory lock, so two processes seeding
 * at once cannot both find it empty; one multi-row INSERT per table.
 */
export async function seedShipping(ctx: RequestContext, zones: readonly SeedZone[] = SEED_ZONES): Promise<{ created: boolean }> {
  return ctx.transaction(async ({ em: tx }) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('shipping.seed'))`);
    const [state] = await tx.execute<{ occupied: boolean }[]>(`select exists (select 1 from shipping_zone) as occupied`);
    if (state?.occupied) return { created: false };

    const rows = {
      zones: [] as { id: string; name: string }[],
      regions: [] as { id: string; zoneId: string; countryCode: string; provinceCode: null }[],
      rates: [] as Omit<ShippingRate, 'createdAt'>[],
      bands: [] as ShippingRateBand[],
    };
    for (const zone of zones) {
      const zoneId = randomUUID();
      rows.zones.push({ id: zoneId, name: zone.name });
      for (const countryCode of zone.countries) rows.regions.push({ id: randomUUID(), zoneId, countryCode, provinceCode: null });
      for (const { bands = [], ...rate } of zone.rates) {
        const rateId = randomUUID();
        rows.rates.push({
          ...rate,
          id: rateId,
          zoneId,
          priceMinor: rate.priceMinor ?? null,
          minimumSubtotalMinor: rate.minimumSubtotalMinor ?? null,
        });
        for (const [maxWeightGrams, priceMinor] of bands) rows.bands.push({ id: randomUUID(), rateId, maxWeightGrams, priceMinor });
      }
    }
    await tx.insertMany(ShippingZone, rows.zones);
    await tx.insertMany(ShippingZoneRegion, rows.regions);
    await tx.insertMany(ShippingRate, rows.rates);
    if (rows.bands.length > 0) await tx.insertMany(ShippingRateBand, rows.bands);
    return { created: true };
  });
}
