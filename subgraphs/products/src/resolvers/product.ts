import { money, readPageSize, toConnection, toGlobalId, tryParseGlobalId } from '#kit';
import type { ProductResolvers } from '../generated/resolvers-types.ts';

export const Product: ProductResolvers = {
  __resolveReference: (ref, ctx) => {
    const id = tryParseGlobalId(ref.id, 'Product');
    return id === null ? null : ctx.loaders.productById.load(id);
  },
  id: (product) => toGlobalId('Product', product.id),
  variants: async (product, args, ctx) => {
    const limit = readPageSize(args.first);
    const variants = await ctx.loaders.variantsByProductId.load(product.id);
    return toConnection(variants, limit, (variant) => [variant.position, variant.id], false);
  },
  priceRange: (product) => ({
    minVariantPrice: money(product.priceMinMinor, product.currencyCode),
    maxVariantPrice: money(product.priceMaxMinor, product.currencyCode),
  }),
  categories: (product, _, ctx) => ctx.loaders.categoriesByProductId.load(product.id),
};
