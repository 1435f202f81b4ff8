import { money, readPageSize, toConnection, toGlobalId, tryParseGlobalId } from '#kit';
import type { ProductVariant } from '../entities/product-variant.entity.ts';
import type { ProductResolvers } from '../generated/resolvers-types.ts';
import type { ProductsContext } from '../context.ts';
import { pageVariantsOf } from '../services/page-variants.ts';

const variantConnection = (variants: ProductVariant[], limit: number) => toConnection(variants, limit, (variant) => [variant.position, variant.id], false);

// Apart from the resolver: a closure over `limit` there would cost a context at every call, page or not.
async function loadVariantConnection(loaders: ProductsContext['loaders'], productId: string, limit: number) {
  return variantConnection(await loaders.variantsByProductId.load(productId), limit);
}

export const Product: ProductResolvers = {
  __resolveReference: (ref, ctx) => {
    const id = tryParseGlobalId(ref.id, 'Product');
    return id === null ? null : ctx.loaders.productById.load(id);
  },
  id: (product) => toGlobalId('Product', product.id),
  variants: (product, args, ctx) => {
    const limit = readPageSize(args.first);
    const onPage = pageVariantsOf(product);
    if (onPage) return variantConnection(onPage, limit);
    return loadVariantConnection(ctx.loaders, product.id, limit);
  },
  priceRange: (product) => ({
    minVariantPrice: money(product.priceMinMinor, product.currencyCode),
    maxVariantPrice: money(product.priceMaxMinor, product.currencyCode),
  }),
  categories: (product, _, ctx) => ctx.loaders.categoriesByProductId.load(product.id),
};
