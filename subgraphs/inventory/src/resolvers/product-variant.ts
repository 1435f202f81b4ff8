import { parseGlobalId, toGlobalId } from '#kit';
import { stockAtActiveLocations } from '../services/stock-availability.service.ts';
import type { ProductVariantResolvers } from '../generated/resolvers-types.ts';

/** The fields inventory contributes to the products subgraph's ProductVariant. */
export const ProductVariant: ProductVariantResolvers = {
  // No query here: whatever the gateway asks for next is loaded for all representations at once.
  __resolveReference: (ref) => ({ variantId: parseGlobalId(ref.id, 'ProductVariant') }),
  id: (variant) => toGlobalId('ProductVariant', variant.variantId),
  quantityAvailable: (variant, _args, ctx) => ctx.loaders.availableOnlineByVariantId.load(variant.variantId),
  availableForSale: async (variant, _args, ctx) => (await ctx.loaders.availableOnlineByVariantId.load(variant.variantId)) > 0,
  stockLevels: async (variant, _args, ctx) =>
    (await stockAtActiveLocations(ctx.loaders, variant.variantId)).map(({ level }) => level),
};
