import type { RequestContext } from '#kit';

/**
 * The events the catalog emits, each in the transaction of the change it reports. Payloads carry local
 * uuids (not global ids) and stay small: a subscriber that needs more asks the products subgraph. The
 * shapes are a contract with other subgraphs (inventory subscribes to VARIANTS_CREATED): add fields,
 * never rename or remove one.
 */
export const CatalogEvent = {
  PRODUCT_CREATED: 'products.product.created',
  PRODUCT_UPDATED: 'products.product.updated',
  PRODUCT_ARCHIVED: 'products.product.archived',
  VARIANTS_CREATED: 'products.variants.created',
  VARIANTS_UPDATED: 'products.variants.updated',
  CATEGORY_CREATED: 'products.category.created',
  CATEGORY_UPDATED: 'products.category.updated',
} as const;
export type CatalogEventType = (typeof CatalogEvent)[keyof typeof CatalogEvent];

export interface ProductCreatedPayload {
  productId: string;
  handle: string;
}
export interface ProductChangedPayload {
  productId: string;
}
/** VARIANTS_CREATED and VARIANTS_UPDATED: the variants created or changed, not every variant of the product. */
export interface VariantsPayload {
  productId: string;
  variants: { id: string; sku: string }[];
}
export interface CategoryChangedPayload {
  categoryId: string;
}

export interface CatalogEventPayloads {
  'products.product.created': ProductCreatedPayload;
  'products.product.updated': ProductChangedPayload;
  'products.product.archived': ProductChangedPayload;
  'products.variants.created': VariantsPayload;
  'products.variants.updated': VariantsPayload;
  'products.category.created': CategoryChangedPayload;
  'products.category.updated': CategoryChangedPayload;
}

/** `ctx.emit`, typed by event, so a payload cannot drift from its documented shape. */
export function emitCatalogEvent<T extends CatalogEventType>(ctx: RequestContext, type: T, payload: CatalogEventPayloads[T]): Promise<void> {
  return ctx.emit(type, payload);
}

/** The VARIANTS_* payload of some variants of one product. */
export function variantsPayload(productId: string, variants: readonly { id: string; sku: string }[]): VariantsPayload {
  return { productId, variants: variants.map(({ id, sku }) => ({ id, sku })) };
}
