import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '#kit';
import type { TestSubgraph } from '#kit/testing/index.ts';
import {
  createLocation,
  createVariant,
  customer,
  locationGid,
  orderGid,
  reservationsOf,
  reserve,
  reservedMismatches,
  staff,
  startInventory,
  stockOf,
  variantGid,
} from './support.ts';

let subgraph: TestSubgraph;
let warehouse: string;
let secondWarehouse: string;
let store: string;

beforeAll(async () => {
  subgraph = await startInventory();
  warehouse = await createLocation(subgraph, { name: 'A Warehouse' });
  secondWarehouse = await createLocation(subgraph, { name: 'B Warehouse' });
  store = await createLocation(subgraph, { name: 'C Store', kind: 'STORE', fulfillsOnlineOrders: false });
});
afterAll(() => subgraph?.close());

const quantityAvailable = async (variant: string) => {
  const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ProductVariant { quantityAvailable } } }`;
  const result = await subgraph.request(query, { reps: [{ __typename: 'ProductVariant', id: variantGid(variant) }] });
  return result.data!._entities[0].quantityAvailable as number;
};

describe('inventoryReserve under concurrent checkouts', () => {
  it('reserves exactly the ten units that exist when forty buyers race for them, and refuses the other thirty', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 10 }]);
    const payloads = await Promise.all(
      Array.from({ length: 40 }, () => reserve(subgraph, { orderId: crypto.randomUUID(), lines: [{ variantId: variant, quantity: 1 }] })),
    );
    const won = payloads.filter((p) => p.userErrors.length === 0);
    const refused = payloads.filter((p) => p.userErrors.length > 0);
    expect(won).toHaveLength(10);
    expect(refused).toHaveLength(30);
    for (const payload of refused) {
      expect(payload.reservations).toBeNull();
      expect(payload.userErrors).toEqual([
        { field: ['input', 'lines', '0', 'quantity'], message: 'Out of stock.', code: 'INSUFFICIENT_STOCK', quantityAvailable: 0 },
      ]);
    }
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 10, reserved: 10 });
    expect(await reservationsOf(subgraph, { variantId: variant })).toHaveLength(10);
    expect(await quantityAvailable(variant)).toBe(0);
    expect(await reservedMismatches(subgraph)).toEqual([]);
  });

  it('never refuses a buyer while enough remains, with mixed quantities', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 10 }]);
    const wants = Array.from({ length: 40 }, (_, i) => 1 + (i % 3));
    const payloads = await Promise.all(
      wants.map((quantity) => reserve(subgraph, { orderId: crypto.randomUUID(), lines: [{ variantId: variant, quantity }] })),
    );
    const taken = payloads.reduce((sum, p, i) => sum + (p.userErrors.length === 0 ? wants[i]! : 0), 0);
    const refused = payloads.map((p, i) => ({ quantity: wants[i]!, error: p.userErrors[0] })).filter((r) => r.error);
    expect(taken).toBeLessThanOrEqual(10);
    // Stock only went down during the race, so what is left is at most what each refused buyer was told.
    for (const { quantity, error } of refused) {
      expect(error).toMatchObject({ code: 'INSUFFICIENT_STOCK' });
      expect(error!.quantityAvailable).toBeLessThan(quantity);
      expect(10 - taken).toBeLessThanOrEqual(error!.quantityAvailable!);
    }
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 10, reserved: taken });
    expect(await reservedMismatches(subgraph)).toEqual([]);
  });

  it('sells every unit over two warehouses, and none from a store that does not ship', async () => {
    const variant = await createVariant(subgraph, [
      { locationId: warehouse, onHand: 6 },
      { locationId: secondWarehouse, onHand: 4 },
      { locationId: store, onHand: 50 },
    ]);
    const payloads = await Promise.all(
      Array.from({ length: 40 }, () => reserve(subgraph, { orderId: crypto.randomUUID(), lines: [{ variantId: variant, quantity: 1 }] })),
    );
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(10);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 6, reserved: 6 });
    expect(await stockOf(subgraph, variant, secondWarehouse)).toEqual({ on_hand: 4, reserved: 4 });
    expect(await stockOf(subgraph, variant, store)).toEqual({ on_hand: 50, reserved: 0 });
  });

  it('reserves nothing of a multi-line order when one line is short, even while others race for the same stock', async () => {
    const a = await createVariant(subgraph, [{ locationId: warehouse, onHand: 10 }]);
    const b = await createVariant(subgraph, [{ locationId: secondWarehouse, onHand: 5 }]);
    // Half list the variants one way round, half the other: orders locking in line order would deadlock.
    const payloads = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const lines = [{ variantId: a, quantity: 1 }, { variantId: b, quantity: 1 }];
        return reserve(subgraph, { orderId: crypto.randomUUID(), lines: i % 2 === 0 ? lines : lines.reverse() });
      }),
    );
    const won = payloads.filter((p) => p.userErrors.length === 0);
    expect(won).toHaveLength(5);
    for (const payload of won) expect(payload.reservations).toHaveLength(2);
    expect(await stockOf(subgraph, a, warehouse)).toEqual({ on_hand: 10, reserved: 5 });
    expect(await stockOf(subgraph, b, secondWarehouse)).toEqual({ on_hand: 5, reserved: 5 });
    expect(await reservationsOf(subgraph, { variantId: a })).toHaveLength(5);
    expect(await reservedMismatches(subgraph)).toEqual([]);
  });

  it('names every short line with what is available and reserves no line', async () => {
    const plenty = await createVariant(subgraph, [{ locationId: warehouse, onHand: 100 }]);
    const scarce = await createVariant(subgraph, [{ locationId: warehouse, onHand: 2 }, { locationId: secondWarehouse, onHand: 1 }]);
    const unknown = crypto.randomUUID();
    const orderId = crypto.randomUUID();
    const payload = await reserve(subgraph, {
      orderId,
      lines: [{ variantId: plenty, quantity: 5 }, { variantId: scarce, quantity: 4 }, { variantId: unknown, quantity: 1 }],
    });
    expect(payload.reservations).toBeNull();
    expect(payload.userErrors).toEqual([
      { field: ['input', 'lines', '1', 'quantity'], message: 'Only 3 available.', code: 'INSUFFICIENT_STOCK', quantityAvailable: 3 },
      { field: ['input', 'lines', '2', 'quantity'], message: 'Out of stock.', code: 'INSUFFICIENT_STOCK', quantityAvailable: 0 },
    ]);
    expect(await stockOf(subgraph, plenty, warehouse)).toEqual({ on_hand: 100, reserved: 0 });
    expect(await reservationsOf(subgraph, { orderId })).toEqual([]);
  });
});

describe('inventoryReserve', () => {
  it('takes a line from one location when one can cover it, else splits it over the fewest, most available first', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 6 }, { locationId: secondWarehouse, onHand: 4 }]);
    const whole = await reserve(subgraph, { orderId: crypto.randomUUID(), lines: [{ variantId: variant, quantity: 3 }] });
    expect(whole.reservations!.map((r) => [r.locationId, r.quantity])).toEqual([[locationGid(warehouse), 3]]);
    const orderId = crypto.randomUUID();
    const split = await reserve(subgraph, { orderId, lines: [{ variantId: variant, quantity: 6 }] });
    expect(split.userErrors).toEqual([]);
    expect(split.reservations!.map((r) => [r.locationId, r.quantity]).sort()).toEqual(
      [[locationGid(secondWarehouse), 4], [locationGid(warehouse), 2]].sort(),
    );
    expect(split.reservations![0]).toMatchObject({ orderId: orderGid(orderId), variantId: variantGid(variant), status: 'RESERVED', releaseReason: null });
    expect(await quantityAvailable(variant)).toBe(1);
  });

  it('expires in 30 minutes unless the caller says otherwise', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 5 }]);
    const seconds = async (expiresInSeconds?: number) => {
      const payload = await reserve(subgraph, { orderId: crypto.randomUUID(), lines: [{ variantId: variant, quantity: 1 }], expiresInSeconds });
      const [r] = payload.reservations!;
      return (Date.parse(r!.expiresAt) - Date.parse(r!.createdAt)) / 1000;
    };
    expect(await seconds()).toBe(1800);
    expect(await seconds(300)).toBe(300);
  });

  it('returns the same reservations, once, when the same order is reserved three times at once and again later', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 3 }, { locationId: secondWarehouse, onHand: 3 }]);
    const orderId = crypto.randomUUID();
    const input = { orderId, lines: [{ variantId: variant, quantity: 4 }] };
    const payloads = await Promise.all([reserve(subgraph, input), reserve(subgraph, input), reserve(subgraph, input)]);
    for (const payload of payloads) expect(payload).toEqual(payloads[0]);
    expect(payloads[0]!.reservations).toHaveLength(2);
    expect(await reserve(subgraph, input)).toEqual(payloads[0]);
    expect(await reservationsOf(subgraph, { orderId })).toHaveLength(2);
    expect(await quantityAvailable(variant)).toBe(2);
    const outbox = await subgraph.sql(`select payload from kit_outbox where type = 'inventory.stock.reserved' and payload->>'orderId' = ?`, [orderId]);
    expect(outbox).toHaveLength(1);
  });

  it('refuses different lines for an order that already holds reservations', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 5 }]);
    const orderId = crypto.randomUUID();
    await reserve(subgraph, { orderId, lines: [{ variantId: variant, quantity: 1 }] });
    const payload = await reserve(subgraph, { orderId, lines: [{ variantId: variant, quantity: 2 }] });
    expect(payload.userErrors).toEqual([{ field: ['input', 'lines'], message: expect.any(String), code: 'ALREADY_RESERVED', quantityAvailable: null }]);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 5, reserved: 1 });
  });

  it('reports every malformed field as INVALID and writes nothing', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 5 }]);
    const result = await subgraph.request(
      `mutation ($input: InventoryReserveInput!) { inventoryReserve(input: $input) { reservations { id } userErrors { field code } } }`,
      {
        input: {
          orderId: variantGid(crypto.randomUUID()),
          lines: [
            { variantId: variantGid(variant), quantity: 0 },
            { variantId: variantGid(variant), quantity: 1 },
            { variantId: 'gid://commerce/ProductVariant/nope', quantity: 1_000_001 },
          ],
          expiresInSeconds: 59,
        },
      },
      { role: 'service', customerId: null, service: 'orders' },
    );
    expect(result.data!.inventoryReserve).toEqual({
      reservations: null,
      userErrors: [
        { field: ['input', 'orderId'], code: 'INVALID' },
        { field: ['input', 'lines', '0', 'quantity'], code: 'INVALID' },
        { field: ['input', 'lines', '1', 'variantId'], code: 'INVALID' },
        { field: ['input', 'lines', '2', 'variantId'], code: 'INVALID' },
        { field: ['input', 'lines', '2', 'quantity'], code: 'INVALID' },
        { field: ['input', 'expiresInSeconds'], code: 'INVALID' },
      ],
    });
    const empty = await reserve(subgraph, { orderId: crypto.randomUUID(), lines: [] });
    expect(empty.userErrors.map((e) => e.field)).toEqual([['input', 'lines']]);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 5, reserved: 0 });
  });

  it('refuses people and every other service, and writes nothing', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 5 }]);
    const orderId = crypto.randomUUID();
    const callers = [ANONYMOUS, customer(), staff(), { role: 'service' as const, customerId: null, service: 'cart' }];
    for (const viewer of callers) {
      const payload = await reserve(subgraph, { orderId, lines: [{ variantId: variant, quantity: 1 }] }, viewer);
      expect(payload).toEqual({
        reservations: null,
        userErrors: [{ field: null, message: expect.any(String), code: viewer === ANONYMOUS ? 'UNAUTHENTICATED' : 'FORBIDDEN', quantityAvailable: null }],
      });
    }
    expect(await reservationsOf(subgraph, { orderId })).toEqual([]);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 5, reserved: 0 });
  });
});

describe('statement counts', () => {
  it('reserves an order of 20 lines with the same statements as one of 2', async () => {
    const variants: string[] = [];
    for (let i = 0; i < 22; i++) {
      variants.push(await createVariant(subgraph, [{ locationId: warehouse, onHand: 3 }, { locationId: secondWarehouse, onHand: 3 }]));
    }
    const count = async (ids: string[]) => {
      // Four units of each: every line is split over both warehouses, the costliest case.
      const input = { orderId: crypto.randomUUID(), lines: ids.map((variantId) => ({ variantId, quantity: 4 })) };
      subgraph.db.resetStatementCount();
      const payload = await reserve(subgraph, input);
      expect(payload.reservations).toHaveLength(ids.length * 2);
      const fresh = subgraph.db.statementCount();
      subgraph.db.resetStatementCount();
      await reserve(subgraph, input);
      return { fresh, again: subgraph.db.statementCount() };
    };
    const two = await count(variants.slice(0, 2));
    expect(await count(variants.slice(2))).toEqual(two);
    // Order lock, its reservations, lock levels, take + insert, outbox (begin and commit are not counted);
    // a repeat stops after reading what the order holds.
    expect(two).toEqual({ fresh: 5, again: 2 });
  });
});
