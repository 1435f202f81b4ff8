import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, readSchema } from '#kit';
import { eventually, testKeyRing } from '#kit/testing/index.ts';
import { composeSupergraph } from '../../gateway/src/compose.ts';
import { loadManifests, manifestOf, parseManifest, type PersistedOperation } from '../../gateway/src/safelist/index.ts';
import { createGatewayServer, type GatewayServer } from '../../gateway/src/server.ts';
import type { ResponseCacheOptions } from '../../gateway/src/cache/index.ts';
import { subgraphs as allSubgraphs } from '../../subgraphs/index.ts';
import { STAFF, startTestSupergraph, type TestSupergraph } from '../support/supergraph.ts';

/**
 * The gateway's shared response cache, end to end: the whole system (seeded), and beside the test harness's own
 * gateway (development mode: it plays "another replica" through which staff and shoppers change things) gateways
 * in production mode with the cache, running the committed manifests of schema/persisted plus a staff tool's
 * manifest (its catalog and stock writes as persisted mutations). Reads are the web and mobile clients' persisted
 * queries over GET, as a CDN would send them.
 */
let system: TestSupergraph;
let memory: { server: GatewayServer; url: string };
const subgraphRequests: Record<string, number> = {};

const PRODUCT_VARIANTS_UPDATE = 'mutation PriceUpdate($productId: ID!, $variants: [ProductVariantUpdateInput!]!) { productVariantsUpdate(productId: $productId, variants: $variants) { productVariants { id price { amount } } userErrors { code message } } }';
const INVENTORY_ADJUST = 'mutation StockAdjust($input: InventoryAdjustQuantityInput!) { inventoryAdjustQuantity(input: $input) { stockLevel { available } userErrors { code message } } }';
const staffTools = parseManifest(manifestOf([PRODUCT_VARIANTS_UPDATE, INVENTORY_ADJUST]), 'staff-tools');

async function startCachingGateway(responseCache: ResponseCacheOptions) {
  const supergraph = composeSupergraph(allSubgraphs.map((definition) => ({ name: definition.name, url: system.urls[definition.name]!, sdl: readSchema(definition) })));
  const manifests = new Map(loadManifests(fileURLToPath(new URL('../../schema/persisted', import.meta.url))));
  manifests.set('staff-tools', staffTools);
  const server = await createGatewayServer({
    supergraph,
    keys: testKeyRing('gateway'),
    log: createLogger('gateway'),
    safelist: { manifests, enforce: true },
    hardening: { production: true },
    responseCache,
  });
  const url = await server.listen(0);
  // The cache serves once its events consumer runs.
  await eventually(async () => server.responseCache.active(), Boolean, 30_000);
  return { server, url };
}

beforeAll(async () => {
  system = await startTestSupergraph({ seed: 'small' });
  for (const [name, subgraph] of Object.entries(system.subgraphs)) {
    subgraphRequests[name] = 0;
    subgraph.server.httpServer.on('request', () => void (subgraphRequests[name] = subgraphRequests[name]! + 1));
  }
  memory = await startCachingGateway({ events: { url: system.databaseUrl, queue: 'gateway.response-cache.memory' } });
});
afterAll(async () => {
  await memory?.server.close();
  await system?.close();
});

type Client = 'web' | 'mobile' | 'staff-tools';
const operations = new Map<string, PersistedOperation>();
function operation(client: Client, name: string): PersistedOperation {
  const key = `${client}:${name}`;
  if (!operations.has(key)) {
    const list = client === 'staff-tools' ? [...staffTools.values()] : [...loadManifests(fileURLToPath(new URL('../../schema/persisted', import.meta.url))).get(client)!.values()];
    const found = list.find((op) => op.name === name);
    if (!found) throw new Error(`${client} has no ${name}`);
    operations.set(key, found);
  }
  return operations.get(key)!;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}
const answer = async (response: Response): Promise<Answer> => {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
};
const apq = (op: PersistedOperation) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: op.id } });

/** A persisted query over GET, as a CDN forwards it. */
async function get(url: string, client: Client, name: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const op = operation(client, name);
  const search = new URLSearchParams({ operationName: name, variables: JSON.stringify(variables), extensions: apq(op) });
  return answer(await fetch(`${url}?${search}`, { headers: { 'apollographql-client-name': client, ...headers } }));
}

async function post(url: string, client: Client, name: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const op = operation(client, name);
  return answer(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'apollographql-client-name': client, ...headers }, body: JSON.stringify({ documentId: `sha256:${op.id}`, variables }) }));
}

/** Requests every subgraph received while `run` ran. */
async function subgraphRequestsDuring<T>(run: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const total = () => Object.values(subgraphRequests).reduce((a, b) => a + b, 0);
  const before = total();
  const result = await run();
  return { result, requests: total() - before };
}

let staffToken: string | undefined;
async function staff(): Promise<string> {
  if (!staffToken) {
    const result = await system.request(`mutation ($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } } }`, { input: STAFF });
    staffToken = result.data!.customerAccessTokenCreate.customerAccessToken.accessToken as string;
  }
  return staffToken;
}

/** A product with several variants in stock at a location that fulfils online orders, and that location. */
async function pickProducts(count: number) {
  const result = await system.request(`{ products(first: 40, sortKey: TITLE) { nodes { id handle variants(first: 10) { nodes { id quantityAvailable price { amount currencyCode } } } } } locations(first: 10) { nodes { id fulfillsOnlineOrders } } }`);
  const products = result.data!.products.nodes.filter((p: any) => p.variants.nodes.every((v: any) => v.quantityAvailable > 2));
  return { products: products.slice(0, count) as { id: string; handle: string; variants: { nodes: { id: string; quantityAvailable: number; price: { amount: string; currencyCode: string } }[] } }[], warehouse: result.data!.locations.nodes.find((l: any) => l.fulfillsOnlineOrders).id as string };
}
const productsUsed = new Set<string>();
async function freshProduct() {
  const { products, warehouse } = await pickProducts(40);
  const product = products.find((p) => !productsUsed.has(p.id))!;
  productsUsed.add(product.id);
  return { product, warehouse };
}
/**
 * Asks until the answer comes from the cache: where an entry being cached is the test's starting point, not
 * what it checks (an earlier test's event may still be on its way and invalidate once more).
 */
const cachedAnswer = (read: () => Promise<Answer>) => eventually(read, (answer) => answer.headers.get('x-cache') === 'HIT', 5_000);
const variantOf = (page: Answer, id: string) => page.body!.data.product.variants.nodes.find((v: any) => v.id === id);
const cents = (amount: string) => Math.round(Number(amount) * 100);
const amountOf = (minor: number) => (minor / 100).toFixed(2);

describe('catalog reads through the caching gateway (memory store)', () => {
  it('answers a persisted GET with public Cache-Control and a strong ETag; the second is a HIT with no subgraph request; If-None-Match is 304', async () => {
    const variables = { first: 3, sortKey: 'TITLE' };
    const first = await get(memory.url, 'web', 'ProductListing', variables);
    expect(first.status).toBe(200);
    expect(first.body!.errors).toBeUndefined();
    expect(first.body!.data.products.nodes).toHaveLength(3);
    expect(first.headers.get('x-cache')).toBe('MISS');
    // Stock fields are hinted 10 s in inventory, the catalog 60 s in products: the response gets the smaller.
    expect(first.headers.get('cache-control')).toBe('public, max-age=10');
    expect(first.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.headers.get('vary')).toContain('apollographql-client-name');

    const { result: second, requests } = await subgraphRequestsDuring(() => get(memory.url, 'web', 'ProductListing', variables));
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(requests).toBe(0);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toBe('public, max-age=10');
    expect(Number(second.headers.get('age'))).toBeGreaterThanOrEqual(0);

    const revalidated = await get(memory.url, 'web', 'ProductListing', variables, { 'if-none-match': `W/"other", ${first.headers.get('etag')}` });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
    expect(revalidated.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(revalidated.headers.get('cache-control')).toBe('public, max-age=10');
    const changed = await get(memory.url, 'web', 'ProductListing', variables, { 'if-none-match': '"something-else"' });
    expect(changed.status).toBe(200);
    expect(changed.text).toBe(first.text);
  });

  it('keys by client, operation and variables; a POST of the same query is served from the shared cache but never marked cacheable downstream', async () => {
    const variables = { first: 4, sortKey: 'TITLE' };
    expect((await get(memory.url, 'web', 'ProductListing', variables)).headers.get('x-cache')).toBe('MISS');
    expect((await get(memory.url, 'web', 'ProductListing', { ...variables, reverse: true })).headers.get('x-cache')).toBe('MISS');
    // Another client's operation (its own manifest entry), same variables: its own entry.
    expect((await get(memory.url, 'mobile', 'ProductListing', variables)).headers.get('x-cache')).toBe('MISS');
    expect((await get(memory.url, 'mobile', 'ProductListing', variables)).headers.get('x-cache')).toBe('HIT');
    // Variables in another key order are the same variables.
    expect((await get(memory.url, 'web', 'ProductListing', { sortKey: 'TITLE', first: 4 })).headers.get('x-cache')).toBe('HIT');

    const posted = await post(memory.url, 'web', 'ProductListing', variables);
    expect(posted.headers.get('x-cache')).toBe('HIT');
    expect(posted.headers.get('cache-control')).toBe('no-store');
    expect(posted.headers.get('etag')).toBeNull();
  });

  it('a price change sent through this gateway invalidates at once: the next GET is a MISS with the new price', async () => {
    const { product } = await freshProduct();
    const variant = product.variants.nodes[0]!;
    const page = () => get(memory.url, 'web', 'ProductPage', { handle: product.handle });
    expect((await page()).headers.get('x-cache')).toBe('MISS');
    const cached = await cachedAnswer(page);
    expect(variantOf(cached, variant.id).price.amount).toBe(variant.price.amount);

    const newPrice = amountOf(cents(variant.price.amount) + 123);
    const updated = await post(memory.url, 'staff-tools', 'PriceUpdate', { productId: product.id, variants: [{ id: variant.id, price: { amount: newPrice, currencyCode: variant.price.currencyCode } }] }, { authorization: `Bearer ${await staff()}` });
    expect(updated.body!.data.productVariantsUpdate.userErrors).toEqual([]);
    expect(updated.headers.get('x-cache')).toBe('BYPASS');
    expect(updated.headers.get('cache-control')).toBe('no-store');

    const after = await page();
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(variantOf(after, variant.id).price.amount).toBe(newPrice);
    expect(after.headers.get('etag')).not.toBe(cached.headers.get('etag'));
  });

  it('a price change made elsewhere (another gateway) reaches it by event (products.variants.updated) within about a second', async () => {
    const { product } = await freshProduct();
    const variant = product.variants.nodes[0]!;
    const page = () => get(memory.url, 'web', 'ProductPage', { handle: product.handle });
    await cachedAnswer(page);

    const newPrice = amountOf(cents(variant.price.amount) + 77);
    const updated = await system.request(PRODUCT_VARIANTS_UPDATE, { productId: product.id, variants: [{ id: variant.id, price: { amount: newPrice, currencyCode: variant.price.currencyCode } }] }, await staff());
    expect(updated.data!.productVariantsUpdate.userErrors).toEqual([]);
    const fresh = await eventually(page, (answer) => variantOf(answer, variant.id).price.amount === newPrice, 5_000);
    expect(fresh.headers.get('x-cache')).toBe('MISS');
  });

  it('a stock adjustment made elsewhere (another gateway) reaches it by event (inventory.stock.adjusted)', async () => {
    const { product, warehouse } = await freshProduct();
    const variant = product.variants.nodes[0]!;
    const page = () => get(memory.url, 'web', 'ProductPage', { handle: product.handle });
    const before = variantOf(await cachedAnswer(page), variant.id).quantityAvailable as number;
    const adjusted = await system.request(
      `mutation ($input: InventoryAdjustQuantityInput!) { inventoryAdjustQuantity(input: $input) { userErrors { code } } }`,
      { input: { variantId: variant.id, locationId: warehouse, delta: 3, reason: 'RECEIVED' } },
      await staff(),
    );
    expect(adjusted.data!.inventoryAdjustQuantity.userErrors).toEqual([]);
    const fresh = await eventually(page, (answer) => variantOf(answer, variant.id).quantityAvailable === before + 3, 5_000);
    expect(fresh.headers.get('x-cache')).toBe('MISS');
  });

  it('a stock adjustment sent through this gateway invalidates at once (before its inventory.stock.adjusted event)', async () => {
    const { product, warehouse } = await freshProduct();
    const variant = product.variants.nodes[0]!;
    const page = () => get(memory.url, 'web', 'ProductPage', { handle: product.handle });
    const cached = await cachedAnswer(page);
    const before = variantOf(cached, variant.id).quantityAvailable as number;

    const adjusted = await post(memory.url, 'staff-tools', 'StockAdjust', { input: { variantId: variant.id, locationId: warehouse, delta: 5, reason: 'RECEIVED' } }, { authorization: `Bearer ${await staff()}` });
    expect(adjusted.body!.data.inventoryAdjustQuantity.userErrors).toEqual([]);

    const after = await page();
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(variantOf(after, variant.id).quantityAvailable).toBe(before + 5);
  });

  it('a reservation (inventory.stock.reserved, from orders, not through any gateway) invalidates the pages holding that variant, and only those', async () => {
    const { product } = await freshProduct();
    const { product: other } = await freshProduct();
    const variant = product.variants.nodes[0]!;
    const page = (handle: string) => get(memory.url, 'web', 'ProductPage', { handle });
    await cachedAnswer(() => page(other.handle));
    const cached = await cachedAnswer(() => page(product.handle));
    const before = variantOf(cached, variant.id).quantityAvailable as number;

    const reserved = await system.subgraphs.inventory!.request(
      `mutation ($input: InventoryReserveInput!) { inventoryReserve(input: $input) { reservations { id } userErrors { code message } } }`,
      { input: { orderId: `gid://commerce/Order/${randomUUID()}`, lines: [{ variantId: variant.id, quantity: 2 }] } },
      { role: 'service', service: 'orders', customerId: null },
    );
    expect(reserved.data!.inventoryReserve.userErrors).toEqual([]);
    const fresh = await eventually(() => page(product.handle), (answer) => variantOf(answer, variant.id).quantityAvailable === before - 2, 5_000);
    expect(fresh.headers.get('x-cache')).toBe('MISS');
    // The other product's page holds none of the reserved variants: still cached.
    expect((await page(other.handle)).headers.get('x-cache')).toBe('HIT');
  });

  it('never serves a signed-in request from the shared cache, nor stores what it computed for one', async () => {
    const email = `cache-${randomUUID()}@example.com`;
    const created = await system.request(`mutation ($input: CustomerCreateInput!) { customerCreate(input: $input) { userErrors { code } } }`, {
      input: { email, password: 'a long password', firstName: 'Ada' },
    });
    expect(created.data!.customerCreate.userErrors).toEqual([]);
    // A product no other test has read: nothing of it is cached yet.
    const { product } = await freshProduct();
    const handle = product.handle;
    const login = await system.request(`mutation ($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } } }`, {
      input: { email, password: 'a long password' },
    });
    const token = login.data!.customerAccessTokenCreate.customerAccessToken.accessToken as string;
    const signedIn = { authorization: `Bearer ${token}` };
    const variables = { handle };

    // First signed in: computed (subgraphs asked), not stored.
    const { result: mine, requests } = await subgraphRequestsDuring(() => get(memory.url, 'web', 'ProductPage', variables, signedIn));
    expect(mine.status).toBe(200);
    expect(mine.headers.get('x-cache')).toBe('BYPASS');
    expect(requests).toBeGreaterThan(0);
    // Every field is public, but shared caches downstream must not keep a signed-in caller's answer.
    expect(mine.headers.get('cache-control')).toBe('private, max-age=10');
    expect((await get(memory.url, 'web', 'ProductPage', variables)).headers.get('x-cache')).toBe('MISS');
    await cachedAnswer(() => get(memory.url, 'web', 'ProductPage', variables));

    // Now cached for anonymous callers, yet a signed-in request still goes to the subgraphs.
    const again = await subgraphRequestsDuring(() => get(memory.url, 'web', 'ProductPage', variables, signedIn));
    expect(again.result.headers.get('x-cache')).toBe('BYPASS');
    expect(again.requests).toBeGreaterThan(0);
    // A customer's own data (the Account query) is never cacheable anywhere.
    const account = await get(memory.url, 'web', 'Account', {}, signedIn);
    expect(account.body!.errors).toBeUndefined();
    expect(account.headers.get('x-cache')).toBe('BYPASS');
    expect(account.headers.get('cache-control')).toBe('no-store');
  });

  it('never caches a mutation', async () => {
    const { products } = await pickProducts(1);
    const variables = { input: { lines: [{ merchandiseId: products[0]!.variants.nodes[0]!.id, quantity: 1 }] } };
    const first = await post(memory.url, 'web', 'CartCreate', variables);
    const second = await post(memory.url, 'web', 'CartCreate', variables);
    for (const sent of [first, second]) {
      expect(sent.body!.errors).toBeUndefined();
      expect(sent.headers.get('x-cache')).toBe('BYPASS');
      expect(sent.headers.get('cache-control')).toBe('no-store');
    }
    expect(first.body!.data.cartCreate.cart.id).not.toBe(second.body!.data.cartCreate.cart.id);
    // And a query whose answer holds a customer-specific part (a cart) is not cacheable either.
    const cart = await get(memory.url, 'web', 'Cart', { id: first.body!.data.cartCreate.cart.id });
    expect(cart.body!.errors).toBeUndefined();
    expect(cart.headers.get('x-cache')).toBe('MISS');
    expect(cart.headers.get('cache-control')).toBe('no-store');
    expect((await get(memory.url, 'web', 'Cart', { id: first.body!.data.cartCreate.cart.id })).headers.get('x-cache')).toBe('MISS');
  });
});

/** Redis on loopback (or REDIS_URL), asked once; the Redis tests are skipped, saying so, when none answers. */
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const redisAnswers = await (async () => {
  const probe = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
})();
if (!redisAnswers) console.warn(`response cache: no Redis at ${redisUrl}; the Redis store tests are skipped`);

describe.skipIf(!redisAnswers)('two gateway replicas sharing the cache in Redis', () => {
  const prefix = `respcache-test-${randomUUID().slice(0, 8)}:`;
  let a: { server: GatewayServer; url: string };
  let b: { server: GatewayServer; url: string };
  let redis: Redis;
  beforeAll(async () => {
    const options = { redisUrl, redisPrefix: prefix, events: { url: system.databaseUrl, queue: 'gateway.response-cache.redis' } };
    a = await startCachingGateway(options);
    b = await startCachingGateway(options);
    redis = new Redis(redisUrl);
  });
  afterAll(async () => {
    await a?.server.close();
    await b?.server.close();
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it('share entries: what one replica stored, the other serves', async () => {
    expect(a.server.responseCache.store).toBe('redis');
    const variables = { first: 5, sortKey: 'PRICE' };
    const stored = await get(a.url, 'web', 'ProductListing', variables);
    expect(stored.headers.get('x-cache')).toBe('MISS');
    const { result: served, requests } = await subgraphRequestsDuring(() => get(b.url, 'web', 'ProductListing', variables));
    expect(served.headers.get('x-cache')).toBe('HIT');
    expect(requests).toBe(0);
    expect(served.text).toBe(stored.text);
    expect(served.headers.get('etag')).toBe(stored.headers.get('etag'));
    expect((await redis.keys(`${prefix}entry:*`)).length).toBeGreaterThan(0);
  });

  it('share invalidations: a price change through one replica is seen at once by the other; a reservation by event', async () => {
    const { product } = await freshProduct();
    const variant = product.variants.nodes[0]!;
    const page = (url: string) => get(url, 'web', 'ProductPage', { handle: product.handle });
    await page(a.url);
    await cachedAnswer(() => page(b.url));

    const newPrice = amountOf(cents(variant.price.amount) + 5);
    const updated = await post(a.url, 'staff-tools', 'PriceUpdate', { productId: product.id, variants: [{ id: variant.id, price: { amount: newPrice, currencyCode: variant.price.currencyCode } }] }, { authorization: `Bearer ${await staff()}` });
    expect(updated.body!.data.productVariantsUpdate.userErrors).toEqual([]);
    const after = await page(b.url);
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(variantOf(after, variant.id).price.amount).toBe(newPrice);

    // The change's own event (products.variants.updated) invalidates once more when it arrives; then it stays.
    await cachedAnswer(() => page(a.url));
    const before = variantOf(after, variant.id).quantityAvailable as number;
    const reserved = await system.subgraphs.inventory!.request(
      `mutation ($input: InventoryReserveInput!) { inventoryReserve(input: $input) { userErrors { code } } }`,
      { input: { orderId: `gid://commerce/Order/${randomUUID()}`, lines: [{ variantId: variant.id, quantity: 1 }] } },
      { role: 'service', service: 'orders', customerId: null },
    );
    expect(reserved.data!.inventoryReserve.userErrors).toEqual([]);
    // One replica consumed the event; the mark is in Redis, so both see it.
    for (const url of [a.url, b.url]) {
      await eventually(() => page(url), (answer) => variantOf(answer, variant.id).quantityAvailable === before - 1, 5_000);
    }
  });
});
