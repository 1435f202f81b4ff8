import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSubgraph } from '#kit/testing/index.ts';
import { initialStock, seedInventory } from '../src/seed.ts';
import { onVariantsCreated } from '../src/subscribers/variants-created.ts';
import { startInventory, variantGid } from './support.ts';

const VARIANTS = 3000;

let subgraph: TestSubgraph;
let variantIds: string[];
let firstRun: { created: boolean };

beforeAll(async () => {
  subgraph = await startInventory();
  variantIds = Array.from({ length: VARIANTS }, () => crypto.randomUUID());
  // Inventory learns of variants from products' events; here the subscriber is called as the bus would.
  await subgraph.context().transaction((tx) =>
    onVariantsCreated(tx, {
      id: crypto.randomUUID(),
      type: 'products.variants.created',
      producer: 'products',
      occurredAt: new Date().toISOString(),
      requestId: null,
      payload: { productId: crypto.randomUUID(), variants: variantIds.map((id) => ({ id, sku: id })) },
    }),
  );
  const started = performance.now();
  firstRun = await seedInventory(subgraph.context());
  console.info(`seedInventory: ${VARIANTS} variants in ${Math.round(performance.now() - started)} ms`);
});
afterAll(() => subgraph?.close());

const count = async (table: string) => Number((await subgraph.sql(`select count(*) as n from inventory.${table}`))[0]!.n);

describe('seedInventory', () => {
  it('creates a warehouse that ships online and a store that does not', async () => {
    expect(firstRun).toEqual({ created: true });
    const locations = await subgraph.sql('select name, kind, fulfills_online_orders, active from inventory.location order by name');
    expect(locations).toEqual([
      { name: 'Central Warehouse', kind: 'WAREHOUSE', fulfills_online_orders: true, active: true },
      { name: 'Downtown Store', kind: 'STORE', fulfills_online_orders: false, active: true },
    ]);
  });

  it('stocks every variant in both locations, with a RECEIVED ledger entry per non-empty level', async () => {
    expect(await count('inventory_item')).toBe(VARIANTS);
    expect(await count('stock_level')).toBe(2 * VARIANTS);
    const [nonEmpty] = await subgraph.sql('select count(*) as n from inventory.stock_level where on_hand > 0');
    expect(await count('stock_movement')).toBe(Number(nonEmpty!.n));
    const mismatched = await subgraph.sql(`select sl.variant_id from inventory.stock_level sl
       left join inventory.stock_movement m on m.variant_id = sl.variant_id and m.location_id = sl.location_id
       group by sl.variant_id, sl.location_id, sl.on_hand
       having sl.on_hand <> coalesce(sum(m.delta), 0) or bool_or(m.reason <> 'RECEIVED')`,
    );
    expect(mismatched).toEqual([]);
  });

  it('gives each variant the same quantities every time (seeded by its id)', async () => {
    const sample = variantIds.slice(0, 20);
    const rows = await subgraph.sql<{ variant_id: string; kind: string; on_hand: number }>(`select sl.variant_id, l.kind, sl.on_hand from inventory.stock_level sl
       join inventory.location l on l.id = sl.location_id where sl.variant_id in (?)`,
      [sample],
    );
    for (const id of sample) {
      const expected = initialStock(id);
      expect(rows.find((r) => r.variant_id === id && r.kind === 'WAREHOUSE')?.on_hand).toBe(expected.warehouse);
      expect(rows.find((r) => r.variant_id === id && r.kind === 'STORE')?.on_hand).toBe(expected.store);
    }
  });

  it('leaves a few variants sold out online while most are for sale', async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ProductVariant { availableForSale } } }`;
    const reps = variantIds.slice(0, 100).map((id) => ({ __typename: 'ProductVariant', id: variantGid(id) }));
    const result = await subgraph.request(query, { reps });
    const soldOut = result.data!._entities.filter((e: any) => !e.availableForSale).length;
    expect(soldOut).toBeGreaterThan(0);
    expect(soldOut).toBeLessThan(25);
  });

  it('does nothing when run again', async () => {
    const before = await Promise.all(['location', 'inventory_item', 'stock_level', 'stock_movement'].map(count));
    expect(await seedInventory(subgraph.context())).toEqual({ created: false });
    expect(await Promise.all(['location', 'inventory_item', 'stock_level', 'stock_movement'].map(count))).toEqual(before);
  });
});
