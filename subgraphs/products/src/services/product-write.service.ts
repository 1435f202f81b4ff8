import { DomainError, type RequestContext } from '#kit';
import { Category } from '../entities/category.entity.ts';
import { ProductCategory } from '../entities/product-category.entity.ts';
import { ProductVariant } from '../entities/product-variant.entity.ts';
import { Product } from '../entities/product.entity.ts';
import { CatalogEvent, emitCatalogEvent, variantsPayload } from './catalog-events.ts';
import {
  CatalogErrorCode,
  checkCurrency,
  checkDescription,
  checkHandle,
  checkTitle,
  handleOrDerived,
  MAX_VARIANTS,
} from './catalog-rules.ts';
import { PRODUCT_COLUMNS } from './product-listing.service.ts';
import { refusingDuplicates } from './unique-violation.ts';
import { checkNewVariants, checkVariantCurrencies, newVariantRow, type NewVariantInput } from './variant-write.service.ts';

export type { NewVariantInput } from './variant-write.service.ts';

export interface NewProductInput {
  /** Derived from the title when omitted ("Merino Wool Sweater" → "merino-wool-sweater"). */
  handle?: string;
  title: string;
  description?: string;
  /** Every variant of a product is priced in this currency (USD by default). */
  currencyCode?: string;
  variants: NewVariantInput[];
  /** Categories to place the product in, by handle (seeds, tests)… */
  categoryHandles?: string[];
  /** …or by local uuid (the API). */
  categoryIds?: string[];
}

/** Changes to a product; omitted fields keep their value. */
export interface ProductChanges {
  handle?: string;
  title?: string;
  description?: string;
}

/**
 * Creates a product with its variants and category memberships in one transaction, with its events. A
 * product always has at least one variant (as in Shopify), so its price range is never empty.
 */
export async function createProduct(ctx: RequestContext, input: NewProductInput): Promise<Product> {
  checkTitle(input.title, ['title']);
  const handle = handleOrDerived(input.handle, input.title, ['handle']);
  if (input.description !== undefined) checkDescription(input.description, ['description']);
  const currencyCode = input.currencyCode ?? 'USD';
  checkCurrency(currencyCode, ['currencyCode']);
  if (input.variants.length === 0 || input.variants.length > MAX_VARIANTS) {
    throw new DomainError(CatalogErrorCode.INVALID, `A product has 1 to ${MAX_VARIANTS} variants.`, ['variants']);
  }
  checkNewVariants(input.variants);
  checkVariantCurrencies(input.variants, currencyCode);
  const prices = input.variants.map((variant) => variant.priceMinor);

  return refusingDuplicates(() =>
    ctx.transaction(async (tx) => {
      const categories = await findCategories(tx, input.categoryHandles ?? [], input.categoryIds ?? []);
      const product = tx.em.create(Product, {
        id: crypto.randomUUID(),
        handle,
        title: input.title.trim(),
        description: input.description ?? '',
        currencyCode,
        priceMinMinor: Math.min(...prices),
        priceMaxMinor: Math.max(...prices),
      });
      const variants = input.variants.map((variant, position) => tx.em.create(ProductVariant, newVariantRow(product, variant, position)));
      for (const category of categories) tx.em.create(ProductCategory, { product, category });
      await tx.em.flush();
      await emitCatalogEvent(tx, CatalogEvent.PRODUCT_CREATED, { productId: product.id, handle });
      await emitCatalogEvent(tx, CatalogEvent.VARIANTS_CREATED, variantsPayload(product.id, variants));
      return product;
    }),
  );
}

/** Changes a product's own fields. No change, no write and no event. */
export async function updateProduct(ctx: RequestContext, productId: string, changes: ProductChanges): Promise<Product> {
  if (changes.handle !== undefined) checkHandle(changes.handle, ['handle']);
  if (changes.title !== undefined) checkTitle(changes.title, ['title']);
  if (changes.description !== undefined) checkDescription(changes.description, ['description']);
  return refusingDuplicates(() =>
    ctx.transaction(async (tx) => {
      const product = await tx.em.findOne(Product, { id: productId });
      if (!product) throw new DomainError(CatalogErrorCode.NOT_FOUND, 'No such product.', ['id']);
      const next = {
        handle: changes.handle ?? product.handle,
        title: changes.title?.trim() ?? product.title,
        description: changes.description ?? product.description,
      };
      if (next.handle === product.handle && next.title === product.title && next.description === product.description) return product;
      // Only these columns are written: a concurrent variant write's price range is not overwritten.
      tx.em.assign(product, { ...next, updatedAt: new Date() });
      await tx.em.flush();
      await emitCatalogEvent(tx, CatalogEvent.PRODUCT_UPDATED, { productId });
      return product;
    }),
  );
}

/**
 * Takes a product off the storefront. Its rows stay: orders reference its variants, and `_entities`
 * still resolves it. Archiving an archived product is a no-op without an event, so a retry is harmless.
 */
export async function archiveProduct(ctx: RequestContext, productId: string): Promise<Product> {
  return ctx.transaction(async (tx) => {
    const [archived] = await tx.em.execute<Record<string, unknown>[]>(
      `update product p set status = 'ARCHIVED', updated_at = now() where p.id = ? and p.status = 'ACTIVE' returning ${PRODUCT_COLUMNS}`,
      [productId],
    );
    if (archived) {
      await emitCatalogEvent(tx, CatalogEvent.PRODUCT_ARCHIVED, { productId });
      return tx.em.map(Product, archived);
    }
    const product = await tx.em.findOne(Product, { id: productId });
    if (!product) throw new DomainError(CatalogErrorCode.NOT_FOUND, 'No such product.', ['id']);
    return product;
  });
}

/** The categories named by handle or id, each once; any name that matches none is NOT_FOUND. */
async function findCategories(tx: RequestContext, handles: readonly string[], ids: readonly string[]): Promise<Category[]> {
  if (handles.length === 0 && ids.length === 0) return [];
  const found = await tx.em.find(Category, { $or: [{ handle: { $in: [...handles] } }, { id: { $in: [...ids] } }] });
  const missingHandles = handles.filter((handle) => !found.some((category) => category.handle === handle));
  if (missingHandles.length) throw new DomainError(CatalogErrorCode.NOT_FOUND, `No category ${missingHandles.join(', ')}.`, ['categoryHandles']);
  const missingId = ids.findIndex((id) => !found.some((category) => category.id === id));
  if (missingId >= 0) throw new DomainError(CatalogErrorCode.NOT_FOUND, 'No such category.', ['categoryIds', String(missingId)]);
  return found;
}
