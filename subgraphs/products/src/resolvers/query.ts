import { clientError, ClientErrorCode, parseGlobalId } from '#kit';
import { Category } from '../entities/category.entity.ts';
import { ProductVariant } from '../entities/product-variant.entity.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { listCategories } from '../services/category-listing.service.ts';
import { activeProductByHandle } from '../services/catalog-rows.ts';
import { listProducts } from '../services/product-listing.service.ts';
import { rememberPageVariants } from '../services/page-variants.ts';
import { readHandleArgument, readProductPage } from '../services/product-page.ts';
import { connectionNodesSelect } from './connection-selection.ts';
import { listingVariantColumns } from './variant-selection.ts';

/** `id` or `handle`, exactly one: anything else is ambiguous, so the client hears about it. */
function readIdOrHandle(args: { id?: string | null; handle?: string | null }, type: string) {
  if ((args.id == null) === (args.handle == null)) {
    throw clientError(ClientErrorCode.BAD_USER_INPUT, 'Give exactly one of `id` or `handle`.', ['id']);
  }
  return args.id != null
    ? { id: parseGlobalId(args.id, type), handle: null }
    : { id: null, handle: readHandleArgument(args.handle!, 'handle') };
}

export const Query: QueryResolvers = {
  products: async (_, args, ctx, info) => {
    const page = readProductPage(args);
    const categoryHandle = args.categoryHandle == null ? null : readHandleArgument(args.categoryHandle, 'categoryHandle');
    // A listing that shows variants gets them in the page's own statement.
    const variants = connectionNodesSelect(info, 'variants') ? listingVariantColumns(info) : undefined;
    const connection = await listProducts(ctx.read, page, { categoryHandle }, { variants });
    // Variants on this page ask for their product; it is already here.
    for (const product of connection.nodes) {
      ctx.loaders.productById.prime(product.id, product);
      const variants = connection.variants?.get(product.id);
      if (!variants) continue;
      ctx.loaders.variantsByProductId.prime(product.id, variants);
      rememberPageVariants(product, variants);
    }
    return connection;
  },
  product: async (_, args, ctx) => {
    const { id, handle } = readIdOrHandle(args, 'Product');
    // Archived products are off the storefront; the loader (shared with references) still finds them.
    const product = id !== null ? await ctx.loaders.productById.load(id) : await activeProductByHandle(ctx.read, handle!);
    return product?.status === 'ACTIVE' ? product : null;
  },
  productVariantBySku: async (_, { sku }, ctx) => {
    const wanted = sku.trim();
    if (wanted.length < 1 || wanted.length > 64) throw clientError(ClientErrorCode.BAD_USER_INPUT, 'A SKU is 1 to 64 characters.', ['sku']);
    // Exact, on the unique index: SKUs are identifiers, and a scanner reads them as printed.
    const variant = await ctx.em.findOne(ProductVariant, { sku: wanted });
    if (!variant) return null;
    const product = await ctx.loaders.productById.load(variant.product.id);
    return product?.status === 'ACTIVE' ? variant : null;
  },
  categories: (_, args, ctx) => listCategories(ctx.em, args),
  category: async (_, args, ctx) => {
    const { id, handle } = readIdOrHandle(args, 'Category');
    return id !== null ? ctx.loaders.categoryById.load(id) : ctx.em.findOne(Category, { handle });
  },
};

