import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAnswers as redisAnswersAt } from '#kit/testing/redis.ts';
import { eventually } from '#kit/testing/index.ts';
import type { GatewayServer } from '../../gateway/src/server.ts';
import type { TestSupergraph } from '../support/supergraph.ts';
import { amountOf, cacheHelpers, cachedAnswer, cents, get, post, startCacheSystem, variantOf, type CacheSystem } from './response-cache-support.ts';

/**
 * The gateway's shared response cache in Redis, end to end: two caching gateway replicas share its entries
 * and its invalidations, whichever replica stored, changed or consumed the event. Needs a Redis; the
 * memory store is in response-cache-reads.test.ts and response-cache-invalidation.test.ts.
 */
let cache: CacheSystem;
let system: TestSupergraph;
const { startCachingGateway, subgraphRequestsDuring, staff, freshProduct } = cacheHelpers(() => cache);

beforeAll(async () => {
  cache = await startCacheSystem();
  system = cache.system;
});
afterAll(async () => {
  await system?.close();
});

/** Redis on loopback (or REDIS_URL), asked once; the Redis tests are skipped, saying so, when none answers. */
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const redisAnswers = await redisAnswersAt(redisUrl);
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
