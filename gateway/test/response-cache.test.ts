import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAnswers as redisAnswersAt } from '#kit/testing/redis.ts';
import {
  createResponseCache,
  finishGraphQLResponse,
  isMutationDocument,
  memoryStore,
  readResponseCacheConfig,
  redisStore,
  hash32,
  tagsOfEvent,
  tagsOfFetch,
  type CacheEntry,
  type CacheStore,
} from '../src/cache/index.ts';

/**
 * The response cache's parts on their own: the stores' invalidation rule (both stores, the Redis one against
 * REDIS_URL or 127.0.0.1:6379, skipped saying so when none answers), the tags of fetches and events, the HTTP
 * headers, the configuration; the bodies it writes in response-cache-body.test.ts. tests/flows/response-cache-*.test.ts
 * run it all through the real supergraph.
 */
const log = pino({ level: 'silent' });
const entry = (stamp: number, tags: string[], body = '{"x":1}'): CacheEntry => ({ stamp, tags, storedAt: Date.now(), maxAge: 60, body: Buffer.from(body) });

/** What both stores must do. */
function storeContract(name: string, open: () => Promise<CacheStore>) {
  describe(name, () => {
    let store: CacheStore;
    beforeAll(async () => void (store = await open()));
    afterAll(() => store?.close());

    it('serves an entry until one of its tags is invalidated after it was stamped; other tags leave it alone', async () => {
      const key = randomUUID();
      const { entry: none, sequence } = await store.lookup(key);
      expect(none).toBeUndefined();
      await store.store(key, entry(sequence, ['products', 'inventory:ProductVariant:a']), 60);
      expect(String((await store.lookup(key)).entry?.body)).toBe('{"x":1}');
      await store.invalidate(['inventory:ProductVariant:b', 'shipping']);
      expect((await store.lookup(key)).entry?.stamp).toBe(sequence);
      const next = await store.invalidate(['inventory:ProductVariant:a']);
      expect(next).toBeGreaterThan(sequence);
      expect((await store.lookup(key)).entry).toBeUndefined();
    });

    it('never serves a response computed before an invalidation that came while it was computed', async () => {
      const key = randomUUID();
      // A miss reads the sequence, the change commits and is invalidated, then the (stale) response is stored.
      const { sequence: stamp } = await store.lookup(key);
      await store.invalidate(['products']);
      await store.store(key, entry(stamp, ['products']), 60);
      expect((await store.lookup(key)).entry).toBeUndefined();
      // Computed after it: stands.
      const { sequence: later } = await store.lookup(key);
      await store.store(key, entry(later, ['products']), 60);
      expect((await store.lookup(key)).entry?.stamp).toBe(later);
    });

    it('flushes everything with the * tag every entry carries', async () => {
      const keys = [randomUUID(), randomUUID()];
      const { sequence } = await store.lookup(keys[0]!);
      for (const key of keys) await store.store(key, entry(sequence, ['*', 'inventory']), 60);
      await store.invalidate(['*']);
      for (const key of keys) expect((await store.lookup(key)).entry).toBeUndefined();
    });
  });
}

storeContract('memory store', async () => memoryStore({ maxBytes: 1024 * 1024 }));

describe('memory store bounds', () => {
  it('evicts the least recently used entries past its byte bound, and refuses one larger than it', async () => {
    // Each entry counts its key, its 800 bytes, 4 bytes a tag and 560 of overhead: three fit in 4,200 bytes.
    const store = memoryStore({ maxBytes: 4_200 });
    const data = 'x'.repeat(800);
    for (const key of ['a', 'b', 'c']) await store.store(key, entry(0, ['products'], data), 60);
    expect((await store.lookup('a')).entry).toBeDefined(); // a is now the most recently used
    await store.store('d', entry(0, ['products'], data), 60);
    expect((await store.lookup('b')).entry).toBeUndefined();
    for (const key of ['a', 'c', 'd']) expect((await store.lookup(key)).entry, key).toBeDefined();
    await store.store('huge', entry(0, ['products'], 'x'.repeat(4_000)), 60);
    expect((await store.lookup('huge')).entry).toBeUndefined();
    await store.close();
  });

  it('admits every response while it has room; once full, only one asked for the second time', async () => {
    const store = memoryStore({ maxBytes: 4_200 });
    const data = 'x'.repeat(800);
    for (const key of ['a', 'b']) {
      expect(store.admits!(key), key).toBe(true);
      await store.store(key, entry(0, ['products'], data), 60);
    }
    // Room for a third, not for a fourth.
    expect(store.admits!('c')).toBe(true);
    await store.store('c', entry(0, ['products'], data), 60);
    expect(store.admits!('d')).toBe(false);
    expect(store.admits!('e')).toBe(false);
    expect(store.admits!('d')).toBe(true);
    // Asked again once admitted: the slate is clean, a third time is a first again.
    expect(store.admits!('d')).toBe(false);
    // A key it holds is always worth refreshing.
    expect(store.admits!('a')).toBe(true);
    await store.close();
  });

  it('lets an entry live for its max-age only', async () => {
    let now = 1_000_000;
    const store = memoryStore({ maxBytes: 10_000, now: () => now });
    await store.store('k', entry(0, ['products']), 10);
    now += 9_999;
    expect((await store.lookup('k')).entry).toBeDefined();
    now += 1;
    expect((await store.lookup('k')).entry).toBeUndefined();
    await store.close();
  });
});

const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const redisAnswers = await redisAnswersAt(redisUrl);
if (!redisAnswers) console.warn(`response cache: no Redis at ${redisUrl}; the Redis store tests are skipped`);

describe.skipIf(!redisAnswers)('Redis', () => {
  const prefix = `respcache-unit-${randomUUID().slice(0, 8)}:`;
  afterAll(async () => {
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  storeContract('Redis store', () => redisStore(redisUrl, log, { prefix }));

  it('keeps entries with an expiry and invalidation marks without one (an eviction must never revive an entry)', async () => {
    const store = await redisStore(redisUrl, log, { prefix });
    const redis = new Redis(redisUrl);
    await store.store('ttl', entry(0, ['products']), 42);
    await store.invalidate(['inventory:ProductVariant:z']);
    expect(await redis.ttl(`${prefix}entry:ttl`)).toBeGreaterThan(40);
    expect(await redis.ttl(`${prefix}mark:inventory:ProductVariant:z`)).toBe(-1);
    redis.disconnect();
    await store.close();
  });
});

describe('tags', () => {
  it('name what a fetch read: the subgraph, each entity by its id (global ids or uuids alike), or its root fields', () => {
    expect(tagsOfFetch('products', { first: 3 })).toEqual(['products', 'products:query']);
    expect(tagsOfFetch('inventory', { representations: [{ __typename: 'ProductVariant', id: 'gid://commerce/ProductVariant/u1' }, { __typename: 'ProductVariant', id: 'u2' }] })).toEqual([
      'inventory',
      'inventory:ProductVariant:u1',
      'inventory:ProductVariant:u2',
    ]);
    // A reference that is not keyed by `id` cannot be named: the subgraph's root reads stand for it.
    expect(tagsOfFetch('shipping', { representations: [{ __typename: 'Cart', weight: 3 }] })).toEqual(['shipping', 'shipping:query']);
  });

  it('name what an event changed: any catalog change all of products; a stock change its variants', () => {
    expect(tagsOfEvent('products.variants.updated', { productId: 'p', variants: [{ id: 'v' }] })).toEqual(['products']);
    expect(tagsOfEvent('products.product.archived', { productId: 'p' })).toEqual(['products']);
    expect(tagsOfEvent('inventory.stock.reserved', { orderId: 'o', lines: [{ variantId: 'v1' }, { variantId: 'v2' }, { variantId: 'v1' }] })).toEqual([
      'inventory:query',
      'inventory:ProductVariant:v1',
      'inventory:ProductVariant:v2',
    ]);
    expect(tagsOfEvent('inventory.stock.committed', { lines: [{ variantId: null }] })).toEqual(['inventory']);
    expect(tagsOfEvent('inventory.stock.released', {})).toEqual(['inventory']);
    expect(tagsOfEvent('orders.order.paid', { orderId: 'o' })).toEqual([]);
  });

  it('tell a mutation sent to a subgraph from a query', () => {
    expect(isMutationDocument('mutation PriceUpdate__products__0($productId:ID!){productVariantsUpdate(productId:$productId){userErrors{code}}}')).toBe(true);
    expect(isMutationDocument(' mutation{a}')).toBe(true);
    expect(isMutationDocument('query($representations:[_Any!]!){_entities(representations:$representations){__typename}}')).toBe(false);
    expect(isMutationDocument('{ mutationLog }')).toBe(false);
  });
});

describe('finishGraphQLResponse', () => {
  let server: Server;
  let url: string;
  // Answers as Apollo would have, with the Cache-Control named in the request's `x-test-cache-control`.
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.statusCode = Number(req.headers['x-test-status'] ?? 200);
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', String(req.headers['x-test-cache-control']));
      const body = '{"data":{"products":[]}}\n';
      const sent = finishGraphQLResponse(req, res, body);
      if (sent !== null) res.end(sent);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const send = (cacheControl: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
    fetch(url, { method: init.method ?? 'GET', headers: { 'x-test-cache-control': cacheControl, ...init.headers } });

  it('makes a public GET cacheable downstream, with a strong ETag and Vary on the client, and answers If-None-Match with 304', async () => {
    const first = await send('max-age=60, public');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('vary')).toBe('apollographql-client-name');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const again = await send('max-age=60, public', { headers: { 'if-none-match': `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await send('max-age=60, public', { headers: { 'if-none-match': '*' } })).status).toBe(304);
    expect((await send('max-age=60, public', { headers: { 'if-none-match': '"nope"' } })).status).toBe(200);
  });

  it('keeps a credentialed GET private, a POST and anything uncacheable out of every cache, and tags no error with an ETag', async () => {
    expect((await send('max-age=10, public', { headers: { authorization: 'Bearer x' } })).headers.get('cache-control')).toBe('private, max-age=10');
    expect((await send('max-age=10, public', { headers: { 'x-api-key': 'sgc_x' } })).headers.get('cache-control')).toBe('private, max-age=10');
    const posted = await send('max-age=10, public', { method: 'POST' });
    expect(posted.headers.get('cache-control')).toBe('no-store');
    expect(posted.headers.get('etag')).toBeNull();
    expect((await send('no-store')).headers.get('cache-control')).toBe('no-store');
    expect((await send('private, no-store')).headers.get('cache-control')).toBe('private, no-store');
    const refused = await send('private, no-store', { headers: { 'x-test-status': '400' } });
    expect(refused.headers.get('etag')).toBeNull();
  });
});

describe('tags in the memory store', () => {
  it('are hashes: two tags that hash alike make an entry miss when either is invalidated, never serve a stale one', async () => {
    // The first collision among variant tags (FNV-1a's 32 bits: found within a few hundred thousand).
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const tag = `inventory:ProductVariant:${i}`;
      const other = seen.get(hash32(tag));
      if (other) pair = [other, tag];
      else seen.set(hash32(tag), tag);
    }
    const store = memoryStore({ maxBytes: 1024 * 1024 });
    const { sequence } = await store.lookup('k');
    await store.store('k', entry(sequence, ['products', pair[0]]), 60);
    await store.invalidate(['inventory:ProductVariant:none']);
    expect((await store.lookup('k')).entry).toBeDefined();
    await store.invalidate([pair[1]]);
    expect((await store.lookup('k')).entry).toBeUndefined();
    await store.close();
  });
});

describe('configuration', () => {
  it('reads REDIS_URL, RESPONSE_CACHE_MEMORY_MB and the event queue database (EVENTS_DATABASE_URL before DATABASE_URL)', () => {
    expect(readResponseCacheConfig({})).toEqual({});
    expect(readResponseCacheConfig({ RESPONSE_CACHE: '0', DATABASE_URL: 'postgres://x' })).toBeUndefined();
    expect(readResponseCacheConfig({ DATABASE_URL: 'postgres://db', EVENTS_DATABASE_URL: 'postgres://events', EVENTS_ROLE: 'commerce_events', REDIS_URL: 'redis://r:6379', RESPONSE_CACHE_MEMORY_MB: '8' })).toEqual({
      redisUrl: 'redis://r:6379',
      memoryBytes: 8 * 1024 * 1024,
      events: { url: 'postgres://events', role: 'commerce_events' },
    });
    expect(readResponseCacheConfig({ DATABASE_URL: 'postgres://db' })).toEqual({ events: { url: 'postgres://db' } });
    expect(() => readResponseCacheConfig({ RESPONSE_CACHE: 'maybe' })).toThrow(/RESPONSE_CACHE/);
    expect(() => readResponseCacheConfig({ RESPONSE_CACHE_MEMORY_MB: '0.5' })).toThrow(/RESPONSE_CACHE_MEMORY_MB/);
  });

  it('stays off without an event queue to invalidate it, or when switched off', async () => {
    for (const options of [{}, undefined]) {
      const cache = await createResponseCache(options, { log, outcomeOf: () => undefined });
      expect(cache.store).toBeNull();
      expect(cache.active()).toBe(false);
      await cache.close();
    }
  });
});
