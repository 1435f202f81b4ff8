import { DomainError, type RequestContext } from '#kit';
import { Category } from '../entities/category.entity.ts';
import { CatalogEvent, emitCatalogEvent } from './catalog-events.ts';
import { CatalogErrorCode, checkDescription, checkHandle, checkTitle, handleOrDerived } from './catalog-rules.ts';
import { refusingDuplicates } from './unique-violation.ts';

export interface NewCategoryInput {
  /** Derived from the title when omitted. */
  handle?: string;
  title: string;
  description?: string;
}

/** Changes to a category; omitted fields keep their value. */
export interface CategoryChanges {
  handle?: string;
  title?: string;
  description?: string;
}

/** As Shopify's collectionAddProducts: enough for a season's merchandising, small enough for one statement. */
export const MAX_MEMBERSHIP_BATCH = 250;

export async function createCategory(ctx: RequestContext, input: NewCategoryInput): Promise<Category> {
  checkTitle(input.title, ['title']);
  const handle = handleOrDerived(input.handle, input.title, ['handle']);
  if (input.description !== undefined) checkDescription(input.description, ['description']);
  return refusingDuplicates(() =>
    ctx.transaction(async (tx) => {
      const category = tx.em.create(Category, {
        id: crypto.randomUUID(),
        handle,
        title: input.title.trim(),
        description: input.description ?? '',
      });
      await tx.em.flush();
      await emitCatalogEvent(tx, CatalogEvent.CATEGORY_CREATED, { categoryId: category.id });
      return category;
    }),
  );
}

/** Changes a category's own fields. No change, no write and no event. */
export async function updateCategory(ctx: RequestContext, categoryId: string, changes: CategoryChanges): Promise<Category> {
  if (changes.handle !== undefined) checkHandle(changes.handle, ['handle']);
  if (changes.title !== undefined) checkTitle(changes.title, ['title']);
  if (changes.description !== undefined) checkDescription(changes.description, ['description']);
  return refusingDuplicates(() =>
    ctx.transaction(async (tx) => {
      const category = await findCategory(tx, categoryId, ['id']);
      const next = {
        handle: changes.handle ?? category.handle,
        title: changes.title?.trim() ?? category.title,
        description: changes.description ?? category.description,
      };
      if (next.handle === category.handle && next.title === category.title && next.description === category.description) return category;
      tx.em.assign(category, next);
      await tx.em.flush();
      await emitCatalogEvent(tx, CatalogEvent.CATEGORY_UPDATED, { categoryId });
      return category;
    }),
  );
}

/**
 * Puts products in a category. Adding is a delta, not a replacement, so two people merchandising the
 * same category at once both get their products in; a product already there is left as it is.
 */
export async function addProductsToCategory(ctx: RequestContext, categoryId: string, productIds: readonly string[]): Promise<Category> {
  checkMembershipBatch(productIds);
  const wanted = [...new Set(productIds)];
  return ctx.transaction(async (tx) => {
    const category = await findCategory(tx, categoryId, ['categoryId']);
    const existing = await tx.em.execute<{ id: string }[]>('select id from product where id in (?)', [wanted]);
    const missing = productIds.findIndex((id) => !existing.some((row) => row.id === id));
    if (missing >= 0) throw new DomainError(CatalogErrorCode.NOT_FOUND, 'No such product.', ['productIds', String(missing)]);
    const added = await tx.em.execute<{ product_id: string }[]>(
      `insert into product_category (product_id, category_id) select unnest(array[?]::uuid[]), ?
       on conflict do nothing returning product_id`,
      [wanted, categoryId],
    );
    if (added.length > 0) await emitCatalogEvent(tx, CatalogEvent.CATEGORY_UPDATED, { categoryId });
    return category;
  });
}

/** Takes products out of a category; ids of products not in it change nothing (a retry is harmless). */
export async function removeProductsFromCategory(ctx: RequestContext, categoryId: string, productIds: readonly string[]): Promise<Category> {
  checkMembershipBatch(productIds);
  return ctx.transaction(async (tx) => {
    const category = await findCategory(tx, categoryId, ['categoryId']);
    const removed = await tx.em.execute<{ product_id: string }[]>(
      'delete from product_category where category_id = ? and product_id in (?) returning product_id',
      [categoryId, [...new Set(productIds)]],
    );
    if (removed.length > 0) await emitCatalogEvent(tx, CatalogEvent.CATEGORY_UPDATED, { categoryId });
    return category;
  });
}

function checkMembershipBatch(productIds: readonly string[]): void {
  if (productIds.length === 0 || productIds.length > MAX_MEMBERSHIP_BATCH) {
    throw new DomainError(CatalogErrorCode.INVALID, `Give 1 to ${MAX_MEMBERSHIP_BATCH} products.`, ['productIds']);
  }
}

async function findCategory(tx: RequestContext, categoryId: string, field: readonly string[]): Promise<Category> {
  const category = await tx.em.findOne(Category, { id: categoryId });
  if (!category) throw new DomainError(CatalogErrorCode.NOT_FOUND, 'No such category.', field);
  return category;
}
