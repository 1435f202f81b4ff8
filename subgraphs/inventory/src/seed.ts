import type { RequestContext } from '#kit';

/** What `npm start` shows: a warehouse that ships online orders and a store that only sells in person. */
const WAREHOUSE = {
  name: 'Central Warehouse',
  handle: 'central-warehouse',
  kind: 'WAREHOUSE',
  fulfillsOnlineOrders: true,
  address1: '1200 Logistics Way',
  city: 'Reno',
  provinceCode: 'NV',
  zip: '89502',
  countryCode: 'US',
} as const;
const STORE = {
  name: 'Downtown Store',
  handle: 'downtown-store',
  kind: 'STORE',
  fulfillsOnlineOrders: false,
  address1: '55 Market Street',
  city: 'San Francisco',
  provinceCode: 'CA',
  zip: '94105',
  countryCode: 'US',
} as const;

/** About one variant in twelve starts with an empty warehouse, so "sold out" shows in the storefront. */
const OUT_OF_STOCK_ONE_IN = 12;

/**
 * Dev seed: two locations, stock in both for every inventory item (the items themselves come from
 * products' `products.variants.created` events, applied before this runs) and a RECEIVED ledger entry
 * per non-empty stock level, so the ledger sums to on-hand. Does nothing if a location exists.
 * Quantities come from a PRNG seeded with each variant's id: the same variant always gets the same
 * stock, whatever order the ids come in.
 */
export async function seedInventory(ctx: RequestContext): Promise<{ created: boolean }> {
  return ctx.transaction(async ({ em: tx }) => {
    // Two seeds racing (two `npm start`s) must not both create the locations.
    await tx.execute(`lock table location in exclusive mode`);
    const [existing] = await tx.execute<{ count: string }[]>(`select count(*) as count from location`);
    if (Number(existing?.count ?? 0) > 0) return { created: false };

    const locations = await tx.execute<{ id: string; handle: string }[]>(
      `insert into location (name, handle, kind, fulfills_online_orders, address1, city, province_code, zip, country_code)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?)
       returning id, handle`,
      [WAREHOUSE, STORE].flatMap((l) => [l.name, l.handle, l.kind, l.fulfillsOnlineOrders, l.address1, l.city, l.provinceCode, l.zip, l.countryCode]),
    );
    const warehouseId = locations.find((l) => l.handle === WAREHOUSE.handle)!.id;
    const storeId = locations.find((l) => l.handle === STORE.handle)!.id;
    const items = await tx.execute<{ variant_id: string }[]>(`select variant_id from inventory_item order by variant_id`);
    if (items.length === 0) return { created: true };

    const levels = { variant: [] as string[], location: [] as string[], onHand: [] as number[] };
    for (const { variant_id: variantId } of items) {
      const { warehouse, store } = initialStock(variantId);
      levels.variant.push(variantId, variantId);
      levels.location.push(warehouseId, storeId);
      levels.onHand.push(warehouse, store);
    }

    // Whole columns as arrays: two statements for any catalog size, and far below the parameter limit.
    await tx.execute(
      `insert into stock_level (variant_id, location_id, on_hand)
       select * from unnest(?::uuid[], ?::uuid[], ?::int[])`,
      [pgArray(levels.variant), pgArray(levels.location), pgArray(levels.onHand)],
    );
    await tx.execute(
      `insert into stock_movement (variant_id, location_id, delta, reason, note, on_hand_after)
       select variant_id, location_id, on_hand, 'RECEIVED', 'Initial stock (dev seed)', on_hand
       from stock_level where on_hand > 0
       order by variant_id, location_id`,
    );
    return { created: true };
  });
}

/** Deterministic starting quantities for one variant. */
export function initialStock(variantId: string): { warehouse: number; store: number } {
  const random = mulberry32(hash(variantId));
  const warehouse = Math.floor(random() * OUT_OF_STOCK_ONE_IN) === 0 ? 0 : 1 + Math.floor(random() * 120);
  const store = Math.floor(random() * 16);
  return { warehouse, store };
}

/** A PostgreSQL array literal of uuids or integers (no quoting needed for either). */
function pgArray(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}

/** FNV-1a: spreads similar ids (uuids sharing a prefix) over the seed space. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A small, well-known seeded PRNG (uniform in [0, 1)). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
