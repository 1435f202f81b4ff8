import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '#kit';
import { Category } from '../entities/category.entity.ts';
import { ProductCategory } from '../entities/product-category.entity.ts';
import { ProductVariant, type SelectedOptionValue } from '../entities/product-variant.entity.ts';
import { Product } from '../entities/product.entity.ts';
import {
  checkCurrency,
  checkHandle,
  checkPriceMinor,
  checkTitle,
  checkWeightGrams,
  MAX_VARIANTS,
} from './catalog-rules.ts';

export interface NewVariantInput {
  sku: string;
  /** Defaults to the option values joined by " / ", or "Default Title" without options. */
  title?: string;
  priceMinor: number;
  weightGrams: number;
  selectedOptions?: SelectedOptionValue[];
}

export interface NewProductInput {
  handle: string;
  title: string;
  description?: string;
  /** Every variant of a product is priced in this currency (USD by default). */
  currencyCode?: string;
  variants: NewVariantInput[];
  categoryHandles?: string[];
}

export interface NewCategoryInput {
  handle: string;
  title: string;
  description?: string;
}

export async function createCategory(em: EntityManager, input: NewCategoryInput): Promise<Category> {
  checkHandle(input.handle, ['handle']);
  checkTitle(input.title, ['title']);
  return withUniqueHandles(async () => {
    const category = em.create(Category, {
      id: crypto.randomUUID(),
      handle: input.handle,
      title: input.title.trim(),
      description: input.description ?? '',
    });
    await em.flush();
    return category;
  });
}

/**
 * Creates a product with its variants and category memberships in one transaction. A product always has
 * at least one variant (as in Shopify), so its price range is never empty.
 */
export async function createProduct(em: EntityManager, input: NewProductInput): Promise<Product> {
  checkHandle(input.handle, ['handle']);
  checkTitle(input.title, ['title']);
  const currencyCode = input.currencyCode ?? 'USD';
  checkCurrency(currencyCode, ['currencyCode']);
  if (input.variants.length === 0 || input.variants.length > MAX_VARIANTS) {
    throw new DomainError('INVALID', `A product has 1 to ${MAX_VARIANTS} variants.`, ['variants']);
  }
  const skus = new Set<string>();
  input.variants.forEach((variant, index) => {
    const field = (name: string) => ['variants', String(index), name];
    if (variant.sku.trim() === '' || variant.sku.length > 64) throw new DomainError('INVALID', 'A SKU is 1 to 64 characters.', field('sku'));
    if (skus.has(variant.sku)) throw new DomainError('TAKEN', `SKU ${variant.sku} appears twice.`, field('sku'));
    skus.add(variant.sku);
    checkPriceMinor(variant.priceMinor, field('priceMinor'));
    checkWeightGrams(variant.weightGrams, field('weightGrams'));
    for (const option of variant.selectedOptions ?? []) {
      if (option.name.trim() === '' || option.value.trim() === '') {
        throw new DomainError('INVALID', 'Option names and values cannot be blank.', field('selectedOptions'));
      }
    }
  });
  const prices = input.variants.map((variant) => variant.priceMinor);

  return withUniqueHandles(() =>
    em.transactional(async (tx) => {
      const categoryHandles = [...new Set(input.categoryHandles ?? [])];
      const categories = categoryHandles.length ? await tx.find(Category, { handle: { $in: categoryHandles } }) : [];
      const missing = categoryHandles.filter((handle) => !categories.some((category) => category.handle === handle));
      if (missing.length) throw new DomainError('NOT_FOUND', `No category ${missing.join(', ')}.`, ['categoryHandles']);

      const product = tx.create(Product, {
        id: crypto.randomUUID(),
        handle: input.handle,
        title: input.title.trim(),
        description: input.description ?? '',
        currencyCode,
        priceMinMinor: Math.min(...prices),
        priceMaxMinor: Math.max(...prices),
      });
      input.variants.forEach((variant, position) => {
        const options = variant.selectedOptions ?? [];
        tx.create(ProductVariant, {
          id: crypto.randomUUID(),
          product,
          sku: variant.sku,
          title: variant.title ?? (options.length ? options.map((option) => option.value).join(' / ') : 'Default Title'),
          priceMinor: variant.priceMinor,
          currencyCode,
          weightGrams: variant.weightGrams,
          selectedOptions: options,
          position,
        });
      });
      for (const category of categories) tx.create(ProductCategory, { product, category });
      return product;
    }),
  );
}

/**
 * Changes a variant's price and the product's denormalised price range together. The product row is
 * locked first, so two concurrent price changes on one product recompute the range one after the other
 * and the last one sees both prices.
 */
export async function updateVariantPrice(em: EntityManager, variantId: string, priceMinor: number): Promise<void> {
  checkPriceMinor(priceMinor, ['priceMinor']);
  await em.transactional(async (tx) => {
    const locked = await tx.execute<{ id: string }[]>(
      `update product set updated_at = now()
       where id = (select product_id from product_variant where id = ?) returning id`,
      [variantId],
    );
    const productId = locked[0]?.id;
    if (!productId) throw new DomainError('NOT_FOUND', 'No such variant.', ['variantId']);
    await tx.execute(`update product_variant set price_minor = ?, updated_at = now() where id = ?`, [priceMinor, variantId]);
    await refreshPriceRanges(tx, [productId]);
  });
}

/** Recomputes the denormalised price range of products from their variants. */
export async function refreshPriceRanges(em: EntityManager, productIds: readonly string[]): Promise<void> {
  if (productIds.length === 0) return;
  await em.execute(
    `update product p set price_min_minor = s.lo, price_max_minor = s.hi, updated_at = now()
     from (
       select product_id, min(price_minor) as lo, max(price_minor) as hi
       from product_variant where product_id in (?) group by product_id
     ) s
     where p.id = s.product_id`,
    [productIds],
  );
}

async function withUniqueHandles<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      // Both unique columns a caller chooses, handle and SKU, are named by the constraint PostgreSQL reports.
      const onSku = /sku/.test(error.message);
      throw new DomainError('TAKEN', onSku ? 'A SKU is already in use.' : 'The handle is already in use.', [onSku ? 'variants' : 'handle']);
    }
    throw error;
  }
}
