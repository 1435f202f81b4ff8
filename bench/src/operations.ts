/**
 * The storefront operations the benchmark drives, as the web client sends them in production: persisted
 * operations of schema/persisted/web.json, by hash, with `apollographql-client-name: web`. The test
 * (tests/bench-operations.test.ts) runs these same definitions through the in-process supergraph.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixtures } from './fixtures.ts';

export const CLIENT = 'web';
export const LISTING_PAGE_SIZE = 24;

export interface PersistedOperation {
  id: string;
  name: string;
  body: string;
}

export function loadManifest(root: string, client = CLIENT): Map<string, PersistedOperation> {
  const manifest = JSON.parse(readFileSync(join(root, 'schema', 'persisted', `${client}.json`), 'utf8')) as { operations: PersistedOperation[] };
  return new Map(manifest.operations.map((op) => [op.name, op]));
}

/** One request: the operation, its variables, how it travels, and whether a customer sends it. */
export interface OperationCall {
  operation: string;
  variables: Record<string, unknown>;
  method: 'GET' | 'POST';
  /** Sent with the customer's Bearer token (a signed-in shopper: the shared response cache never answers). */
  signedIn?: boolean;
}

export interface BenchOperation {
  name: string;
  /** What the row means, for the report. */
  description: string;
  /** The n-th request of a round (n counts from 0 for the whole round, across connections). */
  call(n: number, fixtures: Fixtures): OperationCall;
  /** Rounds bounded by a pool of single-use fixtures (checkout): how many requests there are. */
  pool?(fixtures: Fixtures): number;
}

const at = <T>(items: readonly T[], n: number): T => {
  if (items.length === 0) throw new Error('no fixtures for this operation');
  return items[n % items.length]!;
};

export const OPERATIONS: readonly BenchOperation[] = [
  {
    name: 'listing',
    description: 'ProductListing, first page (24 products, variants, prices, stock), POST, signed in: the response cache never answers',
    call: () => ({ operation: 'ProductListing', variables: { first: LISTING_PAGE_SIZE }, method: 'POST', signedIn: true }),
  },
  {
    name: 'listing-cached',
    description: 'the same first page, anonymous GET: answered from the shared response cache',
    call: () => ({ operation: 'ProductListing', variables: { first: LISTING_PAGE_SIZE }, method: 'GET' }),
  },
  {
    name: 'listing-pages',
    description: 'ProductListing after a rotating cursor, by TITLE or PRICE, either direction, anonymous POST: each page asked once, so the cache misses',
    call: (n, f) => {
      const page = at(f.pages, n);
      return { operation: 'ProductListing', variables: { first: LISTING_PAGE_SIZE, ...page }, method: 'POST' };
    },
  },
  {
    name: 'product',
    description: 'ProductPage by a rotating handle (categories, up to 100 variants with stock), POST, signed in: computed every time',
    call: (n, f) => ({ operation: 'ProductPage', variables: { handle: at(f.handles, n) }, method: 'POST', signedIn: true }),
  },
  {
    name: 'search',
    description: 'ProductSearch, rotating terms, 24 results with stock, POST, signed in: computed every time',
    call: (n, f) => ({ operation: 'ProductSearch', variables: { query: at(f.searchTerms, n), first: LISTING_PAGE_SIZE }, method: 'POST', signedIn: true }),
  },
  {
    name: 'cart',
    description: 'Cart by id, rotating over pre-created carts of 3 lines with an address and shipping chosen',
    call: (n, f) => ({ operation: 'Cart', variables: { id: at(f.readCarts, n) }, method: 'POST' }),
  },
  {
    name: 'add-to-cart',
    description: 'CartLinesAdd: one unit of a rotating variant (20+ units in the warehouse) to a rotating pre-created cart',
    call: (n, f) => ({
      operation: 'CartLinesAdd',
      variables: { cartId: at(f.writeCarts, n), lines: [{ merchandiseId: at(f.addVariantIds, n * 7 + Math.floor(n / f.writeCarts.length)), quantity: 1 }] },
      method: 'POST',
    }),
  },
  {
    name: 'checkout',
    description: 'CheckoutComplete of a fresh ready cart each (reserves stock, creates the PaymentIntent at stripe-local)',
    call: (n, f) => {
      // load.ts stops short of the pool's end; past it (never, then) a cart's checkout would be repeated.
      const cartId = at(f.checkoutCarts, n);
      return { operation: 'CheckoutComplete', variables: { cartId, idempotencyKey: `bench-${cartId}` }, method: 'POST' };
    },
    pool: (f) => f.checkoutCarts.length,
  },
];

/** The request a call becomes: path (GET carries the operation in the query string), headers and body. */
export function toHttpRequest(call: OperationCall, manifest: Map<string, PersistedOperation>, token: string | undefined): { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string } {
  const op = manifest.get(call.operation);
  if (!op) throw new Error(`schema/persisted/${CLIENT}.json has no ${call.operation}`);
  const extensions = { persistedQuery: { version: 1, sha256Hash: op.id } };
  // As a browser sends it: the gateway gzips the answers its shared cache serves or keeps.
  const headers: Record<string, string> = { 'apollographql-client-name': CLIENT, 'accept-encoding': 'gzip, deflate, br' };
  if (call.signedIn) {
    if (!token) throw new Error(`${call.operation}: a signed-in call needs the customer's token`);
    headers.authorization = `Bearer ${token}`;
  }
  if (call.method === 'GET') {
    const query = new URLSearchParams({ operationName: op.name, variables: JSON.stringify(call.variables), extensions: JSON.stringify(extensions) });
    return { method: 'GET', path: `/graphql?${query}`, headers };
  }
  headers['content-type'] = 'application/json';
  return { method: 'POST', path: '/graphql', headers, body: JSON.stringify({ operationName: op.name, variables: call.variables, extensions }) };
}

/** A 2xx answer can still be a failure: GraphQL `errors`, or a mutation's `userErrors`. */
export function failureOf(status: number, body: string, encoding?: string): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}`;
  // autocannon hands the body over as text, so gzip cannot be read back; the gateway gzips only what its cache
  // served or kept: answers without errors (and never a mutation's).
  if (encoding === 'gzip') return null;
  if (body.includes('"errors"')) {
    try {
      const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
      if (parsed.errors?.length) return `GraphQL ${parsed.errors[0]?.extensions?.code ?? 'error'}`;
    } catch {
      return 'unparsable body';
    }
  }
  const userError = /"userErrors":\[\{[^\]]*?"code":"([A-Z_]+)"/.exec(body);
  if (userError) return `userError ${userError[1]}`;
  return null;
}
