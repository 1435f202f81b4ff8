import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '#kit';
import type { TestSubgraph } from '#kit/testing/index.ts';
import {
  createLocation,
  createVariant,
  customer,
  locationGid,
  movementsOf,
  staff,
  startInventory,
  stockOf,
  variantGid,
} from './support.ts';

const ADJUST = `
  mutation ($input: InventoryAdjustQuantityInput!) {
    inventoryAdjustQuantity(input: $input) {
      stockLevel { id onHand reserved available updatedAt location { id name } variant { id quantityAvailable } }
      userErrors { field message code }
    }
  }`;

let subgraph: TestSubgraph;
let warehouse: string;
let store: string;

beforeAll(async () => {
  subgraph = await startInventory();
  warehouse = await createLocation(subgraph, { name: 'Warehouse', fulfillsOnlineOrders: true });
  store = await createLocation(subgraph, { name: 'Store', kind: 'STORE', fulfillsOnlineOrders: false });
});
afterAll(() => subgraph?.close());

async function adjust(
  input: { variantId: string; locationId: string; delta: number; reason?: string; note?: string | null },
  viewer: Viewer = staff(),
) {
  const result = await subgraph.request(ADJUST, { input: { reason: 'CORRECTION', ...input } }, viewer);
  expect(result.errors).toBeUndefined();
  return result.data!.inventoryAdjustQuantity as { stockLevel: any; userErrors: { field: string[] | null; message: string; code: string }[] };
}

describe('inventoryAdjustQuantity', () => {
  it('lets staff receive stock and records the change with its reason and author in the ledger', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 5, reserved: 2 }]);
    const clerk = staff();
    const payload = await adjust(
      { variantId: variantGid(variant), locationId: locationGid(warehouse), delta: 10, reason: 'RECEIVED', note: ' PO 4411 ' },
      clerk,
    );
    expect(payload.userErrors).toEqual([]);
    expect(payload.stockLevel).toMatchObject({
      onHand: 15,
      reserved: 2,
      available: 13,
      location: { id: locationGid(warehouse), name: 'Warehouse' },
      variant: { id: variantGid(variant), quantityAvailable: 13 },
    });
    expect(payload.stockLevel.id).toMatch(/^gid:\/\/commerce\/StockLevel\//);
    expect(payload.stockLevel.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 15, reserved: 2 });
    expect(await movementsOf(subgraph, variant)).toEqual([
      { delta: 10, reason: 'RECEIVED', note: 'PO 4411', actor_customer_id: clerk.customerId, on_hand_after: 15, location_id: warehouse },
    ]);
  });

  it('removes stock with a negative delta', async () => {
    const variant = await createVariant(subgraph, [{ locationId: store, onHand: 8 }]);
    const payload = await adjust({ variantId: variantGid(variant), locationId: locationGid(store), delta: -3, reason: 'DAMAGED' });
    expect(payload.userErrors).toEqual([]);
    expect(payload.stockLevel.onHand).toBe(5);
    expect(await movementsOf(subgraph, variant)).toMatchObject([{ delta: -3, reason: 'DAMAGED', on_hand_after: 5, note: null }]);
  });

  it('creates the stock level when a location receives a variant it did not hold', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 1 }]);
    const payload = await adjust({ variantId: variantGid(variant), locationId: locationGid(store), delta: 4, reason: 'RECEIVED' });
    expect(payload.userErrors).toEqual([]);
    expect(payload.stockLevel).toMatchObject({ onHand: 4, reserved: 0, location: { id: locationGid(store) } });
    expect(await stockOf(subgraph, variant, store)).toEqual({ on_hand: 4, reserved: 0 });
  });

  it('refuses anonymous shoppers and customers, and writes nothing', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 5 }]);
    for (const viewer of [ANONYMOUS, customer()]) {
      const payload = await adjust({ variantId: variantGid(variant), locationId: locationGid(warehouse), delta: 100 }, viewer);
      expect(payload.stockLevel).toBeNull();
      expect(payload.userErrors).toEqual([{ field: null, message: expect.any(String), code: viewer === ANONYMOUS ? 'UNAUTHENTICATED' : 'FORBIDDEN' }]);
    }
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 5, reserved: 0 });
    expect(await movementsOf(subgraph, variant)).toEqual([]);
  });

  it('refuses a removal that would make stock negative with INSUFFICIENT_STOCK, leaving stock and ledger unchanged', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 3 }]);
    const payload = await adjust({ variantId: variantGid(variant), locationId: locationGid(warehouse), delta: -4, reason: 'SHRINKAGE' });
    expect(payload.stockLevel).toBeNull();
    expect(payload.userErrors).toEqual([{ field: ['input', 'delta'], message: expect.any(String), code: 'INSUFFICIENT_STOCK' }]);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 3, reserved: 0 });
    expect(await movementsOf(subgraph, variant)).toEqual([]);
  });

  it('refuses a removal that would leave less on hand than is reserved', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 10, reserved: 7 }]);
    const tooMuch = await adjust({ variantId: variantGid(variant), locationId: locationGid(warehouse), delta: -4 });
    expect(tooMuch.userErrors.map((e) => e.code)).toEqual(['INSUFFICIENT_STOCK']);
    const justEnough = await adjust({ variantId: variantGid(variant), locationId: locationGid(warehouse), delta: -3 });
    expect(justEnough.userErrors).toEqual([]);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 7, reserved: 7 });
  });

  it('refuses removing stock from a location that holds none of the variant', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 10 }]);
    const payload = await adjust({ variantId: variantGid(variant), locationId: locationGid(store), delta: -1 });
    expect(payload.userErrors.map((e) => e.code)).toEqual(['INSUFFICIENT_STOCK']);
    expect(await stockOf(subgraph, variant, store)).toBeNull();
  });

  it('reports malformed ids as INVALID on their field', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 1 }]);
    const badVariant = await adjust({ variantId: 'gid://commerce/ProductVariant/not-a-uuid', locationId: locationGid(warehouse), delta: 1 });
    expect(badVariant.userErrors).toEqual([{ field: ['input', 'variantId'], message: expect.any(String), code: 'INVALID' }]);
    const wrongType = await adjust({ variantId: variantGid(variant), locationId: variantGid(warehouse), delta: 1 });
    expect(wrongType.userErrors).toEqual([{ field: ['input', 'locationId'], message: expect.any(String), code: 'INVALID' }]);
  });

  it('reports unknown variants and locations as NOT_FOUND on their field', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 1 }]);
    const unknownLocation = await adjust({ variantId: variantGid(variant), locationId: locationGid(crypto.randomUUID()), delta: 1 });
    expect(unknownLocation.userErrors).toEqual([{ field: ['input', 'locationId'], message: expect.any(String), code: 'NOT_FOUND' }]);
    const unknownVariant = await adjust({ variantId: variantGid(crypto.randomUUID()), locationId: locationGid(warehouse), delta: 1 });
    expect(unknownVariant.userErrors).toEqual([{ field: ['input', 'variantId'], message: expect.any(String), code: 'NOT_FOUND' }]);
    expect(await movementsOf(subgraph, variant)).toEqual([]);
  });

  it('refuses a zero or implausibly large delta, an overlong note, and a closed location', async () => {
    const closed = await createLocation(subgraph, { active: false });
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 1 }, { locationId: closed, onHand: 1 }]);
    const base = { variantId: variantGid(variant), locationId: locationGid(warehouse) };
    for (const delta of [0, 1_000_001, -1_000_001]) {
      const payload = await adjust({ ...base, delta });
      expect(payload.userErrors).toEqual([{ field: ['input', 'delta'], message: expect.any(String), code: 'INVALID' }]);
    }
    const longNote = await adjust({ ...base, delta: 1, note: 'x'.repeat(501) });
    expect(longNote.userErrors).toEqual([{ field: ['input', 'note'], message: expect.any(String), code: 'INVALID' }]);
    const atClosed = await adjust({ ...base, locationId: locationGid(closed), delta: 1 });
    expect(atClosed.userErrors).toEqual([{ field: ['input', 'locationId'], message: expect.any(String), code: 'INVALID' }]);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 1, reserved: 0 });
    expect(await movementsOf(subgraph, variant)).toEqual([]);
  });

  it('loses no update when staff adjust the same stock concurrently', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 100 }]);
    const base = { variantId: variantGid(variant), locationId: locationGid(warehouse) };
    const payloads = await Promise.all(
      Array.from({ length: 20 }, (_, i) => adjust({ ...base, delta: i % 2 === 0 ? 3 : -1 })),
    );
    expect(payloads.flatMap((p) => p.userErrors)).toEqual([]);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 100 + 10 * 3 - 10 * 1, reserved: 0 });
    const movements = await movementsOf(subgraph, variant);
    expect(movements).toHaveLength(20);
    // Each ledger row saw the result of every change before it: the running sum matches on_hand_after.
    let running = 100;
    for (const movement of movements) {
      running += movement.delta;
      expect(movement.on_hand_after).toBe(running);
    }
  });

  it('never removes more than is on hand under concurrent removals', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 6 }]);
    const base = { variantId: variantGid(variant), locationId: locationGid(warehouse) };
    const payloads = await Promise.all(Array.from({ length: 15 }, () => adjust({ ...base, delta: -1 })));
    const codes = payloads.map((p) => p.userErrors[0]?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(6);
    expect(codes.filter((c) => c === 'INSUFFICIENT_STOCK')).toHaveLength(9);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 0, reserved: 0 });
    expect(await movementsOf(subgraph, variant)).toHaveLength(6);
  });
});

describe('database constraints', () => {
  it('rejects a raw UPDATE that would make on_hand negative (check violation)', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 2 }]);
    await expect(
      subgraph.sql('update inventory.stock_level set on_hand = on_hand - 5 where variant_id = ?', [variant]),
    ).rejects.toMatchObject({ name: 'CheckConstraintViolationException', code: '23514', constraint: 'stock_level_on_hand_non_negative' });
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 2, reserved: 0 });
  });

  it('rejects reserving more than is on hand', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 2 }]);
    await expect(
      subgraph.sql('update inventory.stock_level set reserved = 3 where variant_id = ?', [variant]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'stock_level_reserved_within_on_hand' });
  });

  it('keeps the ledger append-only', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 2 }]);
    await adjust({ variantId: variantGid(variant), locationId: locationGid(warehouse), delta: 1 });
    await expect(subgraph.sql('update inventory.stock_movement set delta = 50 where variant_id = ?', [variant])).rejects.toThrow(
      /append-only/,
    );
    await expect(subgraph.sql('delete from inventory.stock_movement where variant_id = ?', [variant])).rejects.toThrow(/append-only/);
    expect(await movementsOf(subgraph, variant)).toMatchObject([{ delta: 1 }]);
  });
});
