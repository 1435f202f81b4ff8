/**
 * What a cached response depends on, and which changes make it stale, in one vocabulary of tags:
 *
 * - `<subgraph>`: anything read from that subgraph (`products`, `inventory`);
 * - `<subgraph>:query`: a root field of that subgraph (a listing, a lookup);
 * - `<subgraph>:<Type>:<id>`: one entity read from that subgraph by reference, e.g. a variant's stock
 *   (`inventory:ProductVariant:<uuid>`), whatever the client selected (the gateway's fetch names it, even
 *   when the operation never asks for the id);
 * - `*`: every entry (flushed when invalidation may have missed something).
 *
 * A response's tags come from the subgraph fetches its query plan made (`tagsOfFetch`); a change's from the
 * event announcing it (`tagsOfEvent`) or from a mutation the gateway itself sent (`<subgraph>`).
 */
export const ALL = '*';

/** Ids are global ids (`gid://commerce/ProductVariant/<uuid>`) at the gateway and bare uuids in events: tags use the last part. */
const localId = (id: unknown) => (typeof id === 'string' || typeof id === 'number' ? String(id).slice(String(id).lastIndexOf('/') + 1) : undefined);

/** The tags one subgraph fetch adds to its response: the subgraph, and each entity it was asked for, or `:query`. */
export function tagsOfFetch(subgraph: string, variables: Record<string, unknown> | undefined): string[] {
  const representations = variables?.representations;
  if (!Array.isArray(representations)) return [subgraph, `${subgraph}:query`];
  const tags = [subgraph];
  for (const representation of representations) {
    const { __typename: type, id } = (representation ?? {}) as { __typename?: unknown; id?: unknown };
    const local = localId(id);
    // A reference without a plain `id` key cannot be named: the whole subgraph's reads stand for it.
    tags.push(typeof type === 'string' && local ? `${subgraph}:${type}:${local}` : `${subgraph}:query`);
  }
  return tags;
}

/** Whether a subgraph request is a mutation (the gateway's plans name them `mutation Name__subgraph__0` or leave them anonymous). */
export const isMutationDocument = (query: string | undefined) => !!query && /^\s*mutation\b/.test(query);

const PRODUCT_EVENTS = [
  'products.product.created',
  'products.product.updated',
  'products.product.archived',
  'products.variants.created',
  'products.variants.updated',
  'products.category.created',
  'products.category.updated',
] as const;
const STOCK_EVENTS = [
  'inventory.stock.reserved',
  'inventory.stock.committed',
  'inventory.stock.released',
  'inventory.stock.restocked',
  'inventory.stock.adjusted',
] as const;

/** The domain events the response cache consumes (subgraphs/products/README.md, subgraphs/inventory/README.md). */
export const INVALIDATING_EVENTS: readonly string[] = [...PRODUCT_EVENTS, ...STOCK_EVENTS];

/**
 * The tags an event invalidates.
 *
 * - Any catalog change (a price, a title, an archive, a new product or variant, a category or its products)
 *   invalidates everything read from products: a price moves a product in a listing sorted by price, a
 *   title in a search, a new product enters listings it is not in yet, so no finer tag would be right.
 *   Catalog writes are staff edits, rare next to reads.
 * - A stock change (reserved, committed, released, restocked, adjusted: every checkout, payment, expiry,
 *   cancellation, return and staff adjustment) invalidates only the variants it names, and inventory's root
 *   reads; a listing without those variants stays cached. These are the frequent ones.
 * - A payload that does not say which variants (a malformed line) invalidates all of inventory.
 *
 * A mutation sent through a gateway also invalidates its subgraph at once (index.ts), before its event arrives.
 */
export function tagsOfEvent(type: string, payload: unknown): string[] {
  if ((PRODUCT_EVENTS as readonly string[]).includes(type)) return ['products'];
  if ((STOCK_EVENTS as readonly string[]).includes(type)) {
    const lines = (payload as { lines?: unknown } | null)?.lines;
    if (!Array.isArray(lines)) return ['inventory'];
    const tags = new Set(['inventory:query']);
    for (const line of lines) {
      const variant = localId((line as { variantId?: unknown } | null)?.variantId);
      if (!variant) return ['inventory'];
      tags.add(`inventory:ProductVariant:${variant}`);
    }
    return [...tags];
  }
  return [];
}
