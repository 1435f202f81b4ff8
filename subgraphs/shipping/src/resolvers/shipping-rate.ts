import { money, toGlobalId } from '#kit';
import type { ShippingRateResolvers } from '../generated/resolvers-types.ts';

export const ShippingRate: ShippingRateResolvers = {
  id: (rate) => toGlobalId('ShippingRate', rate.id),
  price: (rate) => (rate.kind === 'FLAT' && rate.priceMinor != null ? money(rate.priceMinor, rate.currencyCode) : null),
  minimumSubtotal: (rate) =>
    rate.kind === 'FREE_OVER' && rate.minimumSubtotalMinor != null ? money(rate.minimumSubtotalMinor, rate.currencyCode) : null,
  weightBands: async (rate, _args, ctx) =>
    ((await ctx.loaders.rateTable()).bandsByRate.get(rate.id) ?? []).map((band) => ({
      maxWeightGrams: band.maxWeightGrams,
      price: money(band.priceMinor, rate.currencyCode),
    })),
};
