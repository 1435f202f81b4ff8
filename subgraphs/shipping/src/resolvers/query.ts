import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { QUOTE_INPUT_PATHS, readParcel } from '../services/parcel.ts';
import { quoteShipping } from '../services/shipping-quote.service.ts';

export const Query: QueryResolvers = {
  shippingZones: async (_root, _args, ctx) => (await ctx.loaders.rateTable()).zones,
  shippingQuote: (_root, { input }, ctx) => quoteShipping(ctx, readParcel(input, QUOTE_INPUT_PATHS)),
};
