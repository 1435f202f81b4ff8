import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSupergraph } from '../support/supergraph.ts';
import { cacheHelpers, cachedAnswer, get, post, startCacheSystem, type CacheSystem, type CachingGateway } from './response-cache-support.ts';

/**
 * The gateway's shared response cache, end to end, beside the system's own gateway: what a caching gateway
 * (memory store) serves from its cache and with which headers (Cache-Control, ETag, 304), how it keys its
 * entries, and what it never caches (a signed-in caller's answer, a mutation, a customer's cart).
 * Invalidation is in response-cache-invalidation.test.ts, replicas sharing Redis in response-cache-redis.test.ts.
 */
let cache: CacheSystem;
let system: TestSupergraph;
let memory: CachingGateway;
const { startCachingGateway, subgraphRequestsDuring, pickProducts, freshProduct } = cacheHelpers(() => cache);

beforeAll(async () => {
  cache = await startCacheSystem();
  system = cache.system;
  memory = await startCachingGateway({ events: { url: system.databaseUrl, queue: 'gateway.response-cache.memory' } });
});
afterAll(async () => {
  await memory?.server.close();
  await system?.close();
});

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
    // fetch asks for gzip (and unzips): the cached answer goes out as the cache keeps it.
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('vary')).toContain('accept-encoding');

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

    // A client that takes no gzip: the same JSON, unzipped, under an ETag of its own.
    const plain = await get(memory.url, 'web', 'ProductListing', variables, { 'accept-encoding': 'identity' });
    expect(plain.headers.get('x-cache')).toBe('HIT');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.text).toBe(first.text);
    expect(plain.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(plain.headers.get('etag')).not.toBe(first.headers.get('etag'));
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
