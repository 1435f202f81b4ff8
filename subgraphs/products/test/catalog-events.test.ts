import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { createProduct } from '../src/services/product-write.service.ts';
import { products } from '../src/subgraph.ts';
import {
  CATEGORY_CREATE,
  CATEGORY_PRODUCTS_ADD,
  CATEGORY_PRODUCTS_REMOVE,
  CATEGORY_UPDATE,
  lastOutboxSeq,
  mutate,
  outboxSince,
  PRODUCT_ARCHIVE,
  PRODUCT_CREATE,
  PRODUCT_UPDATE,
  productInput,
  rowCounts,
  usd,
  uuidOf,
  VARIANTS_CREATE,
  VARIANTS_UPDATE,
  variantInput,
} from './support/catalog-mutations.ts';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_events'));
});
afterAll(() => subgraph?.close());

/** Runs `work` and returns the events it wrote to the outbox, type and payload only. */
async function eventsOf(work: () => Promise<unknown>): Promise<{ type: string; payload: Record<string, any> }[]> {
  const seq = await lastOutboxSeq(subgraph);
  await work();
  return (await outboxSince(subgraph, seq)).map(({ type, payload }) => ({ type, payload }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('catalog events', () => {
  let product: { id: string; variants: { nodes: { id: string; sku: string }[] } };
  let categoryId: string;

  it('productCreate emits products.product.created and products.variants.created with every variant', async () => {
    const events = await eventsOf(async () => {
      product = (await mutate(subgraph, PRODUCT_CREATE, { input: productInput('event-kettle', 2) })).product;
    });
    const productId = uuidOf(product.id);
    expect(productId).toMatch(UUID);
    expect(events).toEqual([
      { type: 'products.product.created', payload: { productId, handle: 'event-kettle' } },
      {
        type: 'products.variants.created',
        payload: { productId, variants: product.variants.nodes.map((variant) => ({ id: uuidOf(variant.id), sku: variant.sku })) },
      },
    ]);
  });

  it('carries the request id of the mutation that caused it', async () => {
    const seq = await lastOutboxSeq(subgraph);
    await mutate(subgraph, PRODUCT_UPDATE, { id: product.id, input: { description: 'Whistles.' } });
    const [row] = await outboxSince(subgraph, seq);
    expect(row!.request_id).toEqual(expect.any(String));
  });

  it('productUpdate emits products.product.updated, only when something changed', async () => {
    const productId = uuidOf(product.id);
    expect(await eventsOf(() => mutate(subgraph, PRODUCT_UPDATE, { id: product.id, input: { title: 'Event Kettle II' } }))).toEqual([
      { type: 'products.product.updated', payload: { productId } },
    ]);
    expect(await eventsOf(() => mutate(subgraph, PRODUCT_UPDATE, { id: product.id, input: { title: 'Event Kettle II' } }))).toEqual([]);
  });

  it('productVariantsCreate and productVariantsUpdate emit the variants they wrote', async () => {
    const productId = uuidOf(product.id);
    let created: { id: string; sku: string }[] = [];
    const creation = await eventsOf(async () => {
      created = (await mutate(subgraph, VARIANTS_CREATE, { productId: product.id, variants: [variantInput('KETTLE-BLUE')] })).productVariants;
    });
    expect(creation).toEqual([{ type: 'products.variants.created', payload: { productId, variants: [{ id: uuidOf(created[0]!.id), sku: 'KETTLE-BLUE' }] } }]);
    const update = await eventsOf(() =>
      mutate(subgraph, VARIANTS_UPDATE, { productId: product.id, variants: [{ id: created[0]!.id, sku: 'KETTLE-NAVY', price: usd('3.00') }] }),
    );
    expect(update).toEqual([{ type: 'products.variants.updated', payload: { productId, variants: [{ id: uuidOf(created[0]!.id), sku: 'KETTLE-NAVY' }] } }]);
  });

  it('category writes emit products.category.created and products.category.updated when membership changes', async () => {
    const creation = await eventsOf(async () => {
      categoryId = (await mutate(subgraph, CATEGORY_CREATE, { input: { handle: 'kettles', title: 'Kettles' } })).category.id;
    });
    const payload = { categoryId: uuidOf(categoryId) };
    expect(creation).toEqual([{ type: 'products.category.created', payload }]);
    expect(await eventsOf(() => mutate(subgraph, CATEGORY_UPDATE, { id: categoryId, input: { description: 'Hot water.' } }))).toEqual([
      { type: 'products.category.updated', payload },
    ]);
    const membership = { categoryId, productIds: [product.id] };
    expect(await eventsOf(() => mutate(subgraph, CATEGORY_PRODUCTS_ADD, membership))).toEqual([{ type: 'products.category.updated', payload }]);
    expect(await eventsOf(() => mutate(subgraph, CATEGORY_PRODUCTS_ADD, membership))).toEqual([]);
    expect(await eventsOf(() => mutate(subgraph, CATEGORY_PRODUCTS_REMOVE, membership))).toEqual([{ type: 'products.category.updated', payload }]);
    expect(await eventsOf(() => mutate(subgraph, CATEGORY_PRODUCTS_REMOVE, membership))).toEqual([]);
  });

  it('productArchive emits products.product.archived once', async () => {
    const productId = uuidOf(product.id);
    expect(await eventsOf(() => mutate(subgraph, PRODUCT_ARCHIVE, { id: product.id }))).toEqual([{ type: 'products.product.archived', payload: { productId } }]);
    expect(await eventsOf(() => mutate(subgraph, PRODUCT_ARCHIVE, { id: product.id }))).toEqual([]);
  });

  it('are published by the relay after commit', async () => {
    const deadline = Date.now() + 10_000;
    let waiting = Infinity;
    while (waiting > 0 && Date.now() < deadline) {
      const [row] = await subgraph.sql<{ n: number }>('select count(*)::int as n from kit_outbox where published_at is null');
      waiting = row!.n;
      if (waiting > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(waiting).toBe(0);
  });
});

describe('events commit with their change or not at all', () => {
  it('a refused mutation leaves no event', async () => {
    await mutate(subgraph, PRODUCT_CREATE, { input: productInput('sku-holder') });
    const before = await rowCounts(subgraph);
    // The duplicate SKU is refused by the unique index, after the product row was sent.
    const payload = await mutate(subgraph, PRODUCT_CREATE, { input: productInput('late-failure', 1, { variants: [variantInput('FRESH'), variantInput('SKU-HOLDER-1')] }) });
    expect(payload.userErrors).toHaveLength(1);
    expect(await rowCounts(subgraph)).toEqual(before);
  });

  it('a write that joins a transaction which then fails takes its events with it', async () => {
    const before = await rowCounts(subgraph);
    await expect(
      subgraph.context().transaction(async (tx) => {
        await createProduct(tx, { handle: 'rolled-back', title: 'Rolled Back', variants: [{ sku: 'ROLLED-1', priceMinor: 100, weightGrams: 1 }] });
        const [row] = await tx.em.execute<{ n: number }[]>(`select count(*)::int as n from kit_outbox where payload->>'handle' = 'rolled-back'`);
        expect(row!.n).toBe(1);
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect(await rowCounts(subgraph)).toEqual(before);
  });
});
