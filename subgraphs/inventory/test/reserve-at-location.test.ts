import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSubgraph } from '#kit/testing/index.ts';
import {
  commit,
  createLocation,
  createVariant,
  locationGid,
  movementsOf,
  orderGid,
  RESERVE,
  callReservation,
  reservationsOf,
  reservedMismatches,
  startInventory,
  stockOf,
  variantGid,
} from './support.ts';

/** `inventoryReserve` with `locationId`: a point-of-sale sale takes stock from that one location only. */
let subgraph: TestSubgraph;
let warehouse: string;
let store: string;
let closedStore: string;

beforeAll(async () => {
  subgraph = await startInventory();
  warehouse = await createLocation(subgraph, { name: 'A Warehouse' });
  store = await createLocation(subgraph, { name: 'B Store', kind: 'STORE', fulfillsOnlineOrders: false });
  closedStore = await createLocation(subgraph, { name: 'C Store', kind: 'STORE', fulfillsOnlineOrders: false, active: false });
});
afterAll(() => subgraph?.close());

const reserveAt = (orderId: string, locationId: string | null, lines: { variantId: string; quantity: number }[]) =>
  callReservation(subgraph, RESERVE, {
    input: {
      orderId: orderGid(orderId),
      lines: lines.map((line) => ({ ...line, variantId: variantGid(line.variantId) })),
      ...(locationId === null ? {} : { locationId }),
    },
  });

describe('inventoryReserve at one location', () => {
  it('takes every line from that location, even one that does not ship online; the warehouse is untouched, and a commit sells there', async () => {
    const a = await createVariant(subgraph, [{ locationId: warehouse, onHand: 50 }, { locationId: store, onHand: 3 }]);
    const b = await createVariant(subgraph, [{ locationId: warehouse, onHand: 50 }, { locationId: store, onHand: 2 }]);
    const orderId = crypto.randomUUID();
    const payload = await reserveAt(orderId, locationGid(store), [{ variantId: a, quantity: 2 }, { variantId: b, quantity: 2 }]);
    expect(payload.userErrors).toEqual([]);
    expect(payload.reservations!.map((r) => [r.locationId, r.quantity])).toEqual([
      [locationGid(store), 2],
      [locationGid(store), 2],
    ]);
    expect(await stockOf(subgraph, a, store)).toEqual({ on_hand: 3, reserved: 2 });
    expect(await stockOf(subgraph, a, warehouse)).toEqual({ on_hand: 50, reserved: 0 });

    // The same call again answers the same reservations; the same lines elsewhere are another order's.
    const again = await reserveAt(orderId, locationGid(store), [{ variantId: a, quantity: 2 }, { variantId: b, quantity: 2 }]);
    expect(again.reservations!.map((r) => r.id).sort()).toEqual(payload.reservations!.map((r) => r.id).sort());
    const elsewhere = await reserveAt(orderId, locationGid(warehouse), [{ variantId: a, quantity: 2 }, { variantId: b, quantity: 2 }]);
    expect(elsewhere.userErrors).toMatchObject([{ code: 'ALREADY_RESERVED' }]);

    expect((await commit(subgraph, orderId)).userErrors).toEqual([]);
    expect(await stockOf(subgraph, a, store)).toEqual({ on_hand: 1, reserved: 0 });
    expect(await stockOf(subgraph, b, store)).toEqual({ on_hand: 0, reserved: 0 });
    expect(await stockOf(subgraph, b, warehouse)).toEqual({ on_hand: 50, reserved: 0 });
    expect((await movementsOf(subgraph, a)).map((m) => [m.reason, m.delta, m.location_id])).toEqual([['SALE', -2, store]]);
    expect(await reservedMismatches(subgraph)).toEqual([]);
  });

  it('refuses a line short at that location with what the location has, however much the warehouse holds; nothing is reserved', async () => {
    const plenty = await createVariant(subgraph, [{ locationId: warehouse, onHand: 10 }, { locationId: store, onHand: 10 }]);
    const short = await createVariant(subgraph, [{ locationId: warehouse, onHand: 100 }, { locationId: store, onHand: 1 }]);
    const absent = await createVariant(subgraph, [{ locationId: warehouse, onHand: 100 }]);
    const orderId = crypto.randomUUID();
    const payload = await reserveAt(orderId, locationGid(store), [
      { variantId: plenty, quantity: 1 },
      { variantId: short, quantity: 2 },
      { variantId: absent, quantity: 1 },
    ]);
    expect(payload.reservations).toBeNull();
    expect(payload.userErrors).toEqual([
      { field: ['input', 'lines', '1', 'quantity'], message: 'Only 1 available.', code: 'INSUFFICIENT_STOCK', quantityAvailable: 1 },
      { field: ['input', 'lines', '2', 'quantity'], message: 'Out of stock.', code: 'INSUFFICIENT_STOCK', quantityAvailable: 0 },
    ]);
    expect(await reservationsOf(subgraph, { orderId })).toEqual([]);
    expect(await stockOf(subgraph, plenty, store)).toEqual({ on_hand: 10, reserved: 0 });
  });

  it('never sells more than the location holds when tills race for its last units', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 100 }, { locationId: store, onHand: 5 }]);
    const payloads = await Promise.all(Array.from({ length: 20 }, () => reserveAt(crypto.randomUUID(), locationGid(store), [{ variantId: variant, quantity: 1 }])));
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(5);
    expect(await stockOf(subgraph, variant, store)).toEqual({ on_hand: 5, reserved: 5 });
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 100, reserved: 0 });
    expect(await reservedMismatches(subgraph)).toEqual([]);
  });

  it('refuses a malformed, unknown or closed location, writing nothing', async () => {
    const variant = await createVariant(subgraph, [{ locationId: store, onHand: 5 }, { locationId: closedStore, onHand: 5 }]);
    const cases: [string, string][] = [
      ['gid://commerce/Location/nope', 'INVALID'],
      [orderGid(store), 'INVALID'],
      [locationGid(crypto.randomUUID()), 'NOT_FOUND'],
      [locationGid(closedStore), 'INVALID'],
    ];
    for (const [locationId, code] of cases) {
      const orderId = crypto.randomUUID();
      const payload = await reserveAt(orderId, locationId, [{ variantId: variant, quantity: 1 }]);
      expect(payload.userErrors, locationId).toMatchObject([{ code, field: ['input', 'locationId'] }]);
      expect(await reservationsOf(subgraph, { orderId })).toEqual([]);
    }
    expect(await stockOf(subgraph, variant, closedStore)).toEqual({ on_hand: 5, reserved: 0 });
  });

  it('without a location, still never takes from a store that does not ship online', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 1 }, { locationId: store, onHand: 10 }]);
    const payload = await reserveAt(crypto.randomUUID(), null, [{ variantId: variant, quantity: 2 }]);
    expect(payload.userErrors).toMatchObject([{ code: 'INSUFFICIENT_STOCK', quantityAvailable: 1 }]);
  });
});
