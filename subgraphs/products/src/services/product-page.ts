import { clientError, ClientErrorCode, decodeCursor, isUuid, readPageSize, type CursorValues } from '#kit';
import type { ProductSortKeys } from '../generated/resolvers-types.ts';

/**
 * How a product list is ordered. Every order is a keyset on (sort value, id), both in the same direction,
 * so a page continues with a row comparison `(value, id) > (cursor value, cursor id)` on a btree index and
 * never repeats or skips a row, however rows tie on the sort value.
 */
export type ProductOrder = 'title' | 'price' | 'created' | 'rank';

interface OrderSpec {
  /** SQL for the sort value; `p` is the product row, `q` the tsquery (rank only). */
  expression: string;
  /** Cast applied to the cursor value bound in the keyset comparison. */
  cast: string;
  /** Natural direction (before `reverse`). */
  descending: boolean;
  /** Whether a cursor value decoded from a client's string can be this order's value. */
  accepts(value: unknown): boolean;
}

const INT4_MAX = 2_147_483_647;
const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const ORDERS: Record<ProductOrder, OrderSpec> = {
  title: {
    expression: 'p.title',
    cast: 'text',
    descending: false,
    accepts: (v) => typeof v === 'string' && !v.includes('\u0000'),
  },
  price: {
    expression: 'p.price_min_minor',
    cast: 'integer',
    descending: false,
    accepts: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= INT4_MAX,
  },
  created: {
    expression: 'p.created_at',
    cast: 'timestamptz',
    descending: false,
    accepts: (v) => typeof v === 'string' && ISO_MILLIS.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v,
  },
  // ts_rank is a float4; rounding it to a fixed-scale numeric makes the value a cursor carries compare
  // exactly equal to the value recomputed for the next page.
  rank: {
    expression: 'round(ts_rank(p.search, q)::numeric, 6)',
    cast: 'numeric',
    descending: true,
    accepts: (v) => typeof v === 'string' && /^\d{1,6}(\.\d{1,6})?$/.test(v),
  },
};

export const MAX_QUERY_LENGTH = 256;

export interface ProductPage {
  limit: number;
  order: ProductOrder;
  descending: boolean;
  /** Search terms, or null for no search. */
  query: string | null;
  after: { value: string | number; id: string } | null;
}

export interface ProductPageArgs {
  first?: number | null;
  after?: string | null;
  query?: string | null;
  sortKey?: ProductSortKeys | null;
  reverse?: boolean | null;
}

/** Validates a products connection's arguments; each bad one is reported on its own field. */
export function readProductPage(args: ProductPageArgs): ProductPage {
  const limit = readPageSize(args.first);
  const query = readSearchQuery(args.query);
  const order = orderFor(args.sortKey ?? 'RELEVANCE', query);
  const descending = ORDERS[order].descending !== Boolean(args.reverse);
  const after = args.after == null ? null : readProductCursor(args.after, order);
  return { limit, order, descending, query, after };
}

function orderFor(sortKey: ProductSortKeys, query: string | null): ProductOrder {
  switch (sortKey) {
    case 'TITLE':
      return 'title';
    case 'PRICE':
      return 'price';
    case 'CREATED_AT':
      return 'created';
    case 'RELEVANCE':
      // Without search terms there is no rank; title order is the documented, stable stand-in.
      return query === null ? 'title' : 'rank';
  }
}

export function readSearchQuery(query: string | null | undefined): string | null {
  if (query == null) return null;
  if (query.length > MAX_QUERY_LENGTH || query.includes('\u0000')) {
    throw clientError(
      ClientErrorCode.BAD_USER_INPUT,
      `\`query\` must be at most ${MAX_QUERY_LENGTH} characters of text.`,
      ['query'],
    );
  }
  const trimmed = query.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A product cursor is [order, sort value, id]. Naming the order lets a cursor taken under one sortKey be
 * refused under another, instead of being compared against the wrong column.
 */
export function productCursor(order: ProductOrder, value: string | number, id: string): CursorValues {
  return [order, value, id];
}

function readProductCursor(cursor: string, order: ProductOrder): ProductPage['after'] {
  const [tag, value, id] = decodeCursor(cursor, 3);
  if (tag !== order || !ORDERS[order].accepts(value) || typeof id !== 'string' || !isUuid(id)) {
    throw clientError(ClientErrorCode.BAD_USER_INPUT, '`after` is not a valid cursor for this sortKey.', ['after']);
  }
  return { value: value as string | number, id };
}

/**
 * The cursor value of a row: the sort value as PostgreSQL returned it, except for timestamps, which come
 * back as text in the server's format and are taken from the mapped product as ISO-8601 instead (read
 * only in that order: a product's timestamps parse when first read).
 */
export function cursorValueOf(order: ProductOrder, raw: unknown, product: { readonly createdAt: Date }): string | number {
  if (order === 'created') return product.createdAt.toISOString();
  if (order === 'price') return Number(raw);
  return String(raw);
}

/** A free-text argument naming something (a handle): refused only when it cannot be stored text at all. */
export function readHandleArgument(value: string, field: string): string {
  if (value.length > 255 || value.includes('\u0000')) {
    throw clientError(ClientErrorCode.BAD_USER_INPUT, `\`${field}\` is not a valid handle.`, [field]);
  }
  return value;
}
