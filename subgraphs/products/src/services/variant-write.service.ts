import { DomainError, type RequestContext } from '#kit';
import { ProductVariant, type SelectedOptionValue, type TaxClass } from '../entities/product-variant.entity.ts';
import { Product } from '../entities/product.entity.ts';
import { CatalogEvent, emitCatalogEvent, variantsPayload } from './catalog-events.ts';
import {
  CatalogErrorCode,
  checkPriceMinor,
  checkSelectedOptions,
  checkSku,
  checkTaxClass,
  checkTitle,
  checkWeightGrams,
  MAX_VARIANTS,
  variantTitleOf,
} from './catalog-rules.ts';
import { PRODUCT_COLUMNS } from './product-listing.service.ts';
import { refusingDuplicates } from './unique-violation.ts';

export interface NewVariantInput {
  sku: string;
  /** Defaults to the option values joined by " / ", or "Default Title" without options. */
  title?: string;
  priceMinor: number;
  /** The price's currency; when given, it must be the product's (a product is priced in one currency). */
  currencyCode?: string;
  weightGrams: number;
  selectedOptions?: SelectedOptionValue[];
  /** STANDARD when omitted. */
  taxClass?: TaxClass;
}

/** Changes to one variant; omitted fields keep their value. */
export interface VariantChanges {
  /** The variant's local uuid. */
  id: string;
  sku?: string;
  /** When omitted but selectedOptions is given, the title becomes the new option values. */
  title?: string;
  priceMinor?: number;
  currencyCode?: string;
  weightGrams?: number;
  selectedOptions?: SelectedOptionValue[];
  taxClass?: TaxClass;
}

export interface VariantsWritten {
  /** The product as the write left it: a new price range and updatedAt. */
  product: Product;
  /** The variants written, in the order asked (named as the mutations' payloads name them). */
  productVariants: ProductVariant[];
}

const field = (index: number, name: string) => ['variants', String(index), name];

function checkBatchSize(count: number): void {
  if (count === 0 || count > MAX_VARIANTS) {
    throw new DomainError(CatalogErrorCode.INVALID, `Give 1 to ${MAX_VARIANTS} variants.`, ['variants']);
  }
}

/** Checks new variants one by one, and their SKUs against each other (the database checks the rest). */
export function checkNewVariants(variants: readonly NewVariantInput[]): void {
  const skus = new Set<string>();
  variants.forEach((variant, index) => {
    checkSku(variant.sku, field(index, 'sku'));
    if (skus.has(variant.sku)) throw new DomainError(CatalogErrorCode.TAKEN, `SKU ${variant.sku} appears twice.`, field(index, 'sku'));
    skus.add(variant.sku);
    if (variant.title !== undefined) checkTitle(variant.title, field(index, 'title'));
    checkPriceMinor(variant.priceMinor, field(index, 'priceMinor'));
    checkWeightGrams(variant.weightGrams, field(index, 'weightGrams'));
    checkSelectedOptions(variant.selectedOptions ?? [], field(index, 'selectedOptions'));
    if (variant.taxClass !== undefined) checkTaxClass(variant.taxClass, field(index, 'taxClass'));
  });
}

/** A product is priced in one currency (a composite foreign key holds its variants to it). */
export function checkVariantCurrencies(variants: readonly { currencyCode?: string }[], currencyCode: string): void {
  variants.forEach((variant, index) => {
    if (variant.currencyCode !== undefined && variant.currencyCode !== currencyCode) {
      throw new DomainError(
        CatalogErrorCode.CURRENCY_MISMATCH,
        `This product is priced in ${currencyCode}; a price in ${variant.currencyCode} cannot be stored.`,
        field(index, 'currencyCode'),
      );
    }
  });
}

/** The row of a new variant of `product` at `position`. */
export function newVariantRow(product: Product, variant: NewVariantInput, position: number) {
  const options = variant.selectedOptions ?? [];
  return {
    id: crypto.randomUUID(),
    product,
    sku: variant.sku,
    title: variant.title?.trim() ?? variantTitleOf(options),
    priceMinor: variant.priceMinor,
    currencyCode: product.currencyCode,
    weightGrams: variant.weightGrams,
    selectedOptions: options,
    taxClass: variant.taxClass ?? 'STANDARD',
    position,
  };
}

/**
 * Adds variants after a product's existing ones. The product row is locked first, so concurrent writes
 * to one product's variants take turns: positions never collide, the 100-variant limit holds, and the
 * price range is recomputed from every variant committed so far.
 */
export async function createVariants(ctx: RequestContext, productId: string, variants: NewVariantInput[]): Promise<VariantsWritten> {
  checkBatchSize(variants.length);
  checkNewVariants(variants);
  return refusingDuplicates(() =>
    ctx.transaction(async (tx) => {
      const product = await lockProduct(tx, productId);
      checkVariantCurrencies(variants, product.currencyCode);
      const [existing] = await tx.em.execute<{ count: number; next: number }[]>(
        'select count(*)::int as count, coalesce(max(position) + 1, 0)::int as next from product_variant where product_id = ?',
        [productId],
      );
      const { count, next } = existing!;
      if (count + variants.length > MAX_VARIANTS) {
        throw new DomainError(CatalogErrorCode.INVALID, `A product has at most ${MAX_VARIANTS} variants; this one has ${count}.`, ['variants']);
      }
      const created = variants.map((variant, index) => tx.em.create(ProductVariant, newVariantRow(product, variant, next + index)));
      await tx.em.flush();
      const refreshed = await refreshPriceRange(tx, productId);
      await emitCatalogEvent(tx, CatalogEvent.VARIANTS_CREATED, variantsPayload(productId, created));
      return { product: refreshed, productVariants: created };
    }),
  );
}

/**
 * Changes variants of one product in one statement, under the product's row lock (see createVariants),
 * then recomputes the price range. A variant that is not the product's is NOT_FOUND, and nothing changes.
 */
export async function updateVariants(ctx: RequestContext, productId: string, changes: VariantChanges[]): Promise<VariantsWritten> {
  checkBatchSize(changes.length);
  checkVariantChanges(changes);
  return refusingDuplicates(() =>
    ctx.transaction(async (tx) => {
      const product = await lockProduct(tx, productId);
      checkVariantCurrencies(changes, product.currencyCode);
      const records = changes.map((change) => ({
        id: change.id,
        sku: change.sku,
        title: change.title?.trim() ?? (change.selectedOptions ? variantTitleOf(change.selectedOptions) : undefined),
        price_minor: change.priceMinor,
        weight_grams: change.weightGrams,
        selected_options: change.selectedOptions,
        tax_class: change.taxClass,
      }));
      // Omitted fields are absent from the JSON, so they read as NULL and coalesce keeps the stored value.
      const rows = await tx.em.execute<Record<string, unknown>[]>(
        `update product_variant v set
           sku = coalesce(c.sku, v.sku),
           title = coalesce(c.title, v.title),
           price_minor = coalesce(c.price_minor, v.price_minor),
           weight_grams = coalesce(c.weight_grams, v.weight_grams),
           selected_options = coalesce(c.selected_options, v.selected_options),
           tax_class = coalesce(c.tax_class, v.tax_class),
           updated_at = now()
         from jsonb_to_recordset(?::jsonb) as c(id uuid, sku text, title text, price_minor integer, weight_grams integer,
                                                selected_options jsonb, tax_class text)
         where v.id = c.id and v.product_id = ?
         returning v.*`,
        [JSON.stringify(records), productId],
      );
      const byId = new Map(rows.map((row) => [row.id as string, tx.em.map(ProductVariant, row)]));
      const updated = changes.map((change, index) => {
        const variant = byId.get(change.id);
        if (!variant) throw new DomainError(CatalogErrorCode.NOT_FOUND, 'This product has no such variant.', field(index, 'id'));
        return variant;
      });
      const refreshed = await refreshPriceRange(tx, productId);
      await emitCatalogEvent(tx, CatalogEvent.VARIANTS_UPDATED, variantsPayload(productId, updated));
      return { product: refreshed, productVariants: updated };
    }),
  );
}

/** Changes one variant's price: `updateVariants` for a single price, with the same lock and range refresh. */
export async function updateVariantPrice(ctx: RequestContext, variantId: string, priceMinor: number): Promise<void> {
  checkPriceMinor(priceMinor, ['priceMinor']);
  const [row] = await ctx.em.execute<{ product_id: string }[]>('select product_id from product_variant where id = ?', [variantId]);
  if (!row) throw new DomainError(CatalogErrorCode.NOT_FOUND, 'No such variant.', ['variantId']);
  await updateVariants(ctx, row.product_id, [{ id: variantId, priceMinor }]);
}

function checkVariantChanges(changes: readonly VariantChanges[]): void {
  const ids = new Set<string>();
  const skus = new Set<string>();
  changes.forEach((change, index) => {
    if (ids.has(change.id)) throw new DomainError(CatalogErrorCode.INVALID, 'This variant appears twice.', field(index, 'id'));
    ids.add(change.id);
    if (change.sku !== undefined) {
      checkSku(change.sku, field(index, 'sku'));
      if (skus.has(change.sku)) throw new DomainError(CatalogErrorCode.TAKEN, `SKU ${change.sku} appears twice.`, field(index, 'sku'));
      skus.add(change.sku);
    }
    if (change.title !== undefined) checkTitle(change.title, field(index, 'title'));
    if (change.priceMinor !== undefined) checkPriceMinor(change.priceMinor, field(index, 'priceMinor'));
    if (change.weightGrams !== undefined) checkWeightGrams(change.weightGrams, field(index, 'weightGrams'));
    if (change.selectedOptions !== undefined) checkSelectedOptions(change.selectedOptions, field(index, 'selectedOptions'));
    if (change.taxClass !== undefined) checkTaxClass(change.taxClass, field(index, 'taxClass'));
  });
}

/**
 * Locks a product's row for the rest of the transaction: every write to its variants goes through here
 * first, so they serialise per product. Statements after it see everything committed before the lock.
 */
async function lockProduct(tx: RequestContext, productId: string): Promise<Product> {
  const [row] = await tx.em.execute<Record<string, unknown>[]>(
    `select ${PRODUCT_COLUMNS} from product p where p.id = ? for update`,
    [productId],
  );
  if (!row) throw new DomainError(CatalogErrorCode.NOT_FOUND, 'No such product.', ['productId']);
  return tx.em.map(Product, row);
}

/**
 * Recomputes a product's denormalised price range from its variants (PRICE sorting reads it) and marks
 * the product changed. Called under the product's lock, so it sees every variant committed before.
 */
async function refreshPriceRange(tx: RequestContext, productId: string): Promise<Product> {
  const [row] = await tx.em.execute<Record<string, unknown>[]>(
    `update product p set price_min_minor = s.lo, price_max_minor = s.hi, updated_at = now()
     from (select min(price_minor) as lo, max(price_minor) as hi from product_variant where product_id = ?) s
     where p.id = ?
     returning ${PRODUCT_COLUMNS}`,
    [productId, productId],
  );
  return tx.em.map(Product, row!);
}
