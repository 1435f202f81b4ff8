import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMinorUnits } from '#kit';
import { isLoopback } from '#kit/metrics.ts';
import { startStripeLocal, type StripeLocal } from '../stripe-local/src/server.ts';
import { buildBenchCatalog } from '../bench/src/catalog.ts';
import { gatewayClient, logIn, productCursor, readyCarts, sendOk, type Fixtures, type GatewayClient } from '../bench/src/fixtures.ts';
import { readCounters } from '../bench/src/measure.ts';
import { cpuDeltaWithReaped } from '../bench/src/procfs.ts';
import { failureOf, loadManifest, OPERATIONS, toHttpRequest, type OperationCall } from '../bench/src/operations.ts';
import { parseOptions } from '../bench/src/options.ts';
import { cpuTable, ratiosOf, recordOf, restartsOf, resultsTable } from '../bench/src/report.ts';
import { startTestSupergraph, type TestSupergraph } from './support/supergraph.ts';

/**
 * What is deterministic about `npm run bench`'s operations, pinned without timing: each runs through the
 * in-process supergraph (production gateway, committed manifests) as the benchmark sends it, and the SQL
 * statements and subgraph fetches it causes (read from the subgraphs' GET /metrics, as the benchmark reads
 * them) do not grow with the page or the cart, and stay within these ceilings. Raising a ceiling is a
 * decision about the system's cost, to make on purpose.
 */
const CEILINGS: Record<string, { statements: number; fetches: number }> = {
  // The test supergraph's gateway has no response cache: listing-cached costs here what listing does.
  listing: { statements: 3, fetches: 2 },
  'listing-cached': { statements: 3, fetches: 2 },
  'listing-pages': { statements: 3, fetches: 2 },
  product: { statements: 4, fetches: 2 },
  search: { statements: 3, fetches: 2 },
  cart: { statements: 5, fetches: 5 },
  'add-to-cart': { statements: 13, fetches: 7 },
  checkout: { statements: 20, fetches: 6 },
};

const root = resolve(import.meta.dirname, '..');
const manifest = loadManifest(root);
let system: TestSupergraph;
let local: StripeLocal;
let client: GatewayClient;
let fixtures: Fixtures;

beforeAll(async () => {
  // Checkout creates a PaymentIntent: stripe-local plays Stripe, as in the flow tests (tests/support/commerce.ts).
  local = await startStripeLocal({ webhookSecret: 'whsec_bench_operations' });
  process.env.STRIPE_SECRET_KEY = 'sk_test_bench_operations';
  process.env.STRIPE_WEBHOOK_SECRET = 'whsec_bench_operations';
  process.env.STRIPE_API_URL = local.url;
  system = await startTestSupergraph({ seed: 'small', production: true });
  client = gatewayClient(system.url, manifest);
  const listing = await sendOk(client, { operation: 'ProductListing', variables: { first: 24 }, method: 'POST' });
  const products = listing.products.nodes as { handle: string; variants: { nodes: { id: string; quantityAvailable: number }[] } }[];
  const variantIds = products.flatMap((p) => p.variants.nodes).filter((v) => v.quantityAvailable > 5).map((v) => v.id);
  fixtures = {
    token: await logIn(client),
    handles: products.map((p) => p.handle),
    searchTerms: ['wool', 'leather boot', 'mug'],
    variantIds,
    addVariantIds: variantIds,
    pages: [{ after: listing.products.pageInfo.endCursor, sortKey: 'TITLE', reverse: false }],
    readCarts: await readyCarts(client, 2, variantIds),
    writeCarts: await readyCarts(client, 2, variantIds, { offset: 6 }),
    checkoutCarts: await readyCarts(client, 3, variantIds, { offset: 12 }),
  };
});

afterAll(async () => {
  await system?.close();
  await local?.close();
  for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_URL']) delete process.env[name];
});

/** Sends a call as the benchmark does and returns the answer's failure (null) and the subgraphs' work. */
async function workOf(call: OperationCall): Promise<{ failure: string | null; statements: number; fetches: number }> {
  const before = await readCounters(system.urls);
  const request = toHttpRequest(call, manifest, fixtures.token);
  const response = await fetch(`${new URL(system.url).origin}${request.path}`, { method: request.method, headers: request.headers, ...(request.body ? { body: request.body } : {}) });
  const failure = failureOf(response.status, await response.text());
  const after = await readCounters(system.urls);
  let statements = 0;
  let fetches = 0;
  for (const [name, counters] of Object.entries(after)) {
    statements += counters.statements - before[name]!.statements;
    fetches += counters.requests - before[name]!.requests;
  }
  return { failure, statements, fetches };
}

describe("the benchmark's operations", () => {
  for (const operation of OPERATIONS) {
    it(`${operation.name}: succeeds, and its SQL statements and subgraph fetches stay the same from one request to the next, within the ceiling`, async () => {
      const first = await workOf(operation.call(0, fixtures));
      const second = await workOf(operation.call(1, fixtures));
      expect(first.failure).toBeNull();
      expect(second.failure).toBeNull();
      expect({ statements: second.statements, fetches: second.fetches }).toEqual({ statements: first.statements, fetches: first.fetches });
      expect(first.statements).toBeLessThanOrEqual(CEILINGS[operation.name]!.statements);
      expect(first.fetches).toBeLessThanOrEqual(CEILINGS[operation.name]!.fetches);
    });
  }

  it('a listing of 4 products costs what a listing of 24 does', async () => {
    const small = await workOf({ operation: 'ProductListing', variables: { first: 4 }, method: 'POST', signedIn: true });
    const large = await workOf({ operation: 'ProductListing', variables: { first: 24 }, method: 'POST', signedIn: true });
    expect(small.failure).toBeNull();
    expect(large).toEqual(small);
    const search4 = await workOf({ operation: 'ProductSearch', variables: { query: 'wool', first: 4 }, method: 'POST', signedIn: true });
    const search24 = await workOf({ operation: 'ProductSearch', variables: { query: 'wool', first: 24 }, method: 'POST', signedIn: true });
    expect(search24).toEqual(search4);
  });

  it('a cart of 9 lines costs what a cart of 3 does to read', async () => {
    const [small, large] = await readyCarts(client, 2, fixtures.variantIds, { offset: 30 });
    const more = fixtures.variantIds.slice(0, 6).map((merchandiseId) => ({ merchandiseId, quantity: 1 }));
    await sendOk(client, { operation: 'CartLinesAdd', variables: { cartId: large, lines: more }, method: 'POST' });
    const read3 = await workOf({ operation: 'Cart', variables: { id: small }, method: 'POST' });
    const read9 = await workOf({ operation: 'Cart', variables: { id: large }, method: 'POST' });
    expect(read3.failure).toBeNull();
    expect(read9).toEqual(read3);
  });

  it('forges listing cursors in the form the products subgraph hands out', async () => {
    for (const sortKey of ['TITLE', 'PRICE'] as const) {
      const page = await sendOk(client, { operation: 'ProductListing', variables: { first: 3, sortKey }, method: 'POST' });
      const last = page.products.nodes.at(-1);
      const id = last.id.split('/').at(-1);
      const expected = sortKey === 'TITLE' ? productCursor('title', last.title, id) : productCursor('price', parseMinorUnits(last.priceRange.minVariantPrice.amount, 'USD')!, id);
      expect(page.products.pageInfo.endCursor).toBe(expected);
    }
  });
});

describe("the benchmark's pure parts", () => {
  it('reads its flags, with --quick as a smaller default', () => {
    expect(parseOptions([])).toMatchObject({ products: 10_000, duration: 20, warmup: 5, connections: [10, 50], quick: false });
    expect(parseOptions(['--quick'])).toMatchObject({ products: 300, duration: 3, quick: true });
    expect(parseOptions(['--quick', '--products', '50', '--connections', '4', '--only', 'listing,cart', '--faults'])).toMatchObject({ products: 50, connections: [4], only: ['listing', 'cart'], faults: true });
    expect(() => parseOptions(['--duration', 'ten'])).toThrow(/--duration/);
    expect(() => parseOptions(['--what'])).toThrow(/unknown flag/);
  });

  it('builds a catalog of 3 variants per product, with unique handles and SKUs, the same every time', () => {
    const catalog = buildBenchCatalog(500);
    expect(catalog.variants).toHaveLength(1500);
    expect(new Set(catalog.products.map((p) => p.handle)).size).toBe(500);
    expect(new Set(catalog.variants.map((v) => v.sku)).size).toBe(1500);
    expect(new Set(catalog.variants.map((v) => `${v.productId} ${v.title}`)).size).toBe(1500);
    expect(buildBenchCatalog(500).products[499]).toEqual(catalog.products[499]);
  });

  it('counts GraphQL errors and userErrors in a 200 as failures', () => {
    expect(failureOf(200, '{"data":{"products":{"nodes":[]}}}')).toBeNull();
    expect(failureOf(200, '{"data":{"cartLinesAdd":{"userErrors":[]}}}')).toBeNull();
    expect(failureOf(200, '{"errors":[{"message":"x","extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}')).toBe('GraphQL INTERNAL_SERVER_ERROR');
    expect(failureOf(200, '{"data":{"cartLinesAdd":{"userErrors":[{"__typename":"UserError","code":"NOT_ENOUGH_STOCK","field":null}]}}}')).toBe('userError NOT_ENOUGH_STOCK');
    expect(failureOf(429, '')).toBe('HTTP 429');
  });

  it("serves the subgraphs' /metrics to loopback callers only", () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['10.0.0.5', '::ffff:10.0.0.5', '2001:db8::1', undefined].map(isLoopback)).toEqual([false, false, false, false]);
  });

  it("counts an ended PostgreSQL backend's CPU from the round's start only", () => {
    // pid 1: the postmaster, its reaped children's CPU included (+900: backend 3 ended with 1000 spent,
    // 100 of it before the round); 2: a backend still running; 3: ended during the round.
    const before = new Map([[1, 5000], [2, 300], [3, 100]]);
    const after = new Map([[1, 5900], [2, 350]]);
    expect(cpuDeltaWithReaped(before, after)).toBe(900 + 50 - 100);
  });

  it('reports ratios between rounds at the same concurrency', () => {
    const load = (perSecond: number) => ({ requests: perSecond, sent: perSecond, seconds: 1, perSecond, p50: 1, p90: 2, p99: 3, errors: 0, errorKinds: {}, cache: {}, transportErrors: 0 });
    const cost = { nodeCpuMs: 100, nodeCpuMsByProcess: { products: 60, gateway: 40 }, postgresCpuMs: 100, benchCpuMs: 10, subgraphs: { products: { requests: 100, statements: 200 } }, rss: {}, pids: { products: [7] } };
    const records = [recordOf('listing', 10, load(100), cost), recordOf('memory-supergraph', 10, load(400), cost), recordOf('listing', 50, load(50), cost)];
    expect(records[0]).toMatchObject({ nodeCpuMsPerRequest: 1, postgresCpuShare: 0.5, sqlPerOperation: 2, fetchesPerOperation: 1 });
    expect(ratiosOf(records)).toEqual([{ label: expect.stringMatching(/^listing uncached ÷ \(b\)/), connections: 10, value: 0.25 }]);
    expect(resultsTable(records)).toContain('| listing | 10 | 100 | 1 | 2 | 3 | 0 | 1.00 | 50% | 2.0 | 1.0 | – |');
    expect(cpuTable(records)).toContain('| listing ×10 | 0.60 | 0.40 | 1.00 |');
    expect(restartsOf(records)).toEqual([]);
    expect(restartsOf([...records, recordOf('cart', 10, load(10), { ...cost, pids: { products: [8] } })])).toEqual(['products: pid 7 → 8 by the end of cart ×10']);
  });
});
