import { toGlobalId, tryParseGlobalId } from '#kit';
import type { CategoryResolvers } from '../generated/resolvers-types.ts';
import { readProductPage } from '../services/product-page.ts';

export const Category: CategoryResolvers = {
  __resolveReference: (ref, ctx) => {
    const id = tryParseGlobalId(ref.id, 'Category');
    return id === null ? null : ctx.loaders.categoryById.load(id);
  },
  id: (category) => toGlobalId('Category', category.id),
  products: (category, args, ctx) =>
    ctx.loaders.categoryProducts.load({ categoryId: category.id, page: readProductPage({ ...args, query: null }) }),
};
