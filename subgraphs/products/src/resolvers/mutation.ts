import { mutationPayload } from '#kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import {
  readCategoryCreateInput,
  readCategoryUpdateInput,
  readIdArgument,
  readMembershipInput,
  readProductCreateInput,
  readProductUpdateInput,
  readVariantsCreateInput,
  readVariantsUpdateInput,
} from '../services/catalog-input.ts';
import { addProductsToCategory, createCategory, removeProductsFromCategory, updateCategory } from '../services/category-write.service.ts';
import { archiveProduct, createProduct, updateProduct } from '../services/product-write.service.ts';
import { withSchemaFields } from '../services/schema-fields.ts';
import { createVariants, updateVariants } from '../services/variant-write.service.ts';

/**
 * A mutation's payload: what the service returned, or its userErrors with their fields named as the
 * client sent them (`args` are the mutation's argument names). Who may call is the permission table's
 * business (staff), checked before any of this runs.
 */
const payload = <T extends object>(args: readonly string[], work: () => Promise<T>, empty: { [K in keyof T]: null }) =>
  mutationPayload(() => withSchemaFields(args, work), empty);

const NO_PRODUCT = { product: null };
const NO_VARIANTS = { product: null, productVariants: null };
const NO_CATEGORY = { category: null };
const MEMBERSHIP = ['categoryId', 'productIds'];

export const Mutation: MutationResolvers = {
  productCreate: (_, { input }, ctx) =>
    payload(['input'], async () => ({ product: await createProduct(ctx, readProductCreateInput(input)) }), NO_PRODUCT),

  productUpdate: (_, { id, input }, ctx) =>
    payload(['id', 'input'], async () => ({ product: await updateProduct(ctx, ...readProductUpdateInput(id, input)) }), NO_PRODUCT),

  productVariantsCreate: (_, { productId, variants }, ctx) =>
    payload(['productId', 'variants'], () => createVariants(ctx, ...readVariantsCreateInput(productId, variants)), NO_VARIANTS),

  productVariantsUpdate: (_, { productId, variants }, ctx) =>
    payload(['productId', 'variants'], () => updateVariants(ctx, ...readVariantsUpdateInput(productId, variants)), NO_VARIANTS),

  productArchive: (_, { id }, ctx) =>
    payload(['id'], async () => ({ product: await archiveProduct(ctx, readIdArgument(id, 'Product', 'id')) }), NO_PRODUCT),

  categoryCreate: (_, { input }, ctx) =>
    payload(['input'], async () => ({ category: await createCategory(ctx, readCategoryCreateInput(input)) }), NO_CATEGORY),

  categoryUpdate: (_, { id, input }, ctx) =>
    payload(['id', 'input'], async () => ({ category: await updateCategory(ctx, ...readCategoryUpdateInput(id, input)) }), NO_CATEGORY),

  categoryProductsAdd: (_, { categoryId, productIds }, ctx) =>
    payload(MEMBERSHIP, async () => ({ category: await addProductsToCategory(ctx, ...readMembershipInput(categoryId, productIds)) }), NO_CATEGORY),

  categoryProductsRemove: (_, { categoryId, productIds }, ctx) =>
    payload(MEMBERSHIP, async () => ({ category: await removeProductsFromCategory(ctx, ...readMembershipInput(categoryId, productIds)) }), NO_CATEGORY),
};
