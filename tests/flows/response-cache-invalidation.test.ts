import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '#kit/testing/index.ts';
import type { TestSupergraph } from '../support/supergraph.ts';
import {
  PRODUCT_VARIANTS_UPDATE,
  amountOf,
  cacheHelpers,
  cachedAnswer,
  cents,
  get,
  post,
  startCacheSystem,
  variantOf,
  type CacheSystem,
  type CachingGateway,
} from './response-cache-support.ts';

/**
 * The gateway's shared response cache, end to end: a caching gateway (memory store) drops what a change
 * makes stale, at once for a change sent through it, by event for one made elsewhere (the system's own
 * gateway plays another replica) or by no gateway at all (a reservation from orders), and only that.
 * What is cached and how is in response-cache-reads.test.ts.
 */
let cache: CacheSystem;
let system: TestSupergraph;
let memory: CachingGateway;
const { startCachingGateway, staff, freshProduct } = cacheHelpers(() => cache);

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
});
