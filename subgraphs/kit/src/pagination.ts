import { ClientErrorCode, clientError } from './errors.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Validates `first`: a page is 1..MAX_PAGE_SIZE items; absent means DEFAULT_PAGE_SIZE. */
export function readPageSize(first: number | null | undefined, field = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw clientError(
      ClientErrorCode.BAD_USER_INPUT,
      `\`${field}\` must be an integer between 0 and ${MAX_PAGE_SIZE}.`,
      [field],
    );
  }
  return first;
}

/**
 * Cursors are keyset positions: the sort values of the last row seen, so pages stay stable while rows
 * are inserted, and the next page is an index range scan rather than an OFFSET.
 */
export type CursorValues = readonly (string | number | null)[];

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Decodes a cursor holding exactly `arity` values; anything else is the client's error. */
export function decodeCursor(cursor: string, arity: number, field = 'after'): CursorValues {
  const invalid = () => clientError(ClientErrorCode.BAD_USER_INPUT, `\`${field}\` is not a valid cursor.`, [field]);
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw invalid();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(values) ||
    values.length !== arity ||
    !values.every((v) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
  ) {
    throw invalid();
  }
  return values as CursorValues;
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Builds a Relay connection from rows fetched with `limit + 1`: the extra row, if present, only tells
 * that a next page exists.
 */
export function toConnection<T>(
  rows: readonly T[],
  limit: number,
  cursorOf: (row: T, index: number) => CursorValues,
  hasPreviousPage: boolean,
): Connection<T> {
  const page = rows.slice(0, limit);
  const cursorAt = (index: number) => (index >= 0 && index < page.length ? encodeCursor(cursorOf(page[index]!, index)) : null);
  let edges: Connection<T>['edges'] | undefined;
  // Cursors are encoded when a field asks for them: a listing reads `nodes` and the end cursor, and encoding
  // one per product and per variant (JSON, then base64) was a twentieth of what the products subgraph allocated.
  return {
    get edges() {
      return (edges ??= page.map((node, index) => ({ node, cursor: cursorAt(index)! })));
    },
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage,
      get startCursor() {
        return cursorAt(0);
      },
      get endCursor() {
        return cursorAt(page.length - 1);
      },
    },
  };
}
