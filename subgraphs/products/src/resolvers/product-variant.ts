import { money, toGlobalId, tryParseGlobalId } from '#kit';
import type { ProductVariantResolvers } from '../generated/resolvers-types.ts';

export const ProductVariant: ProductVariantResolvers = {
  __resolveReference: (ref, ctx) => {
    const id = tryParseGlobalId(ref.id, 'ProductVariant');
    return id === null ? null : ctx.loaders.variantById.load(id);
  },
  id: (variant) => toGlobalId('ProductVariant', variant.id),
  price: (variant) => money(variant.priceMinor, variant.currencyCode),
  weight: (variant) => ({ value: variant.weightGrams, unit: 'GRAMS' }),
  product: async (variant, _, ctx) => {
    const product = await ctx.loaders.productById.load(variant.product.id);
    // The foreign key guarantees the row; its absence means the data changed under this request.
    if (!product) throw new Error(`Product ${variant.product.id} of variant ${variant.id} not found`);
    return product;
  },
  selectedOptions: (variant) => variant.selectedOptions,
};
