import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '#kit';
import type { TestSubgraph } from '#kit/testing/index.ts';
import {
  commit,
  createLocation,
  createVariant,
  customer,
  movementsOf,
  release,
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

beforeAll(async () => {
  subgraph = await startInventory();
  warehouse = await createLocation(subgraph, { name: 'A Warehouse' });
  secondWarehouse = await createLocation(subgraph, { name: 'B Warehouse' });
});
afterAll(() => subgraph?.close());

const quantityAvailable = async (variant: string) => {
  const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ProductVariant { quantityAvailable } } }`;
  const result = await subgraph.request(query, { reps: [{ __typename: 'ProductVariant', id: variantGid(variant) }] });
  return result.data!._entities[0].quantityAvailable as number;
};
const outbox = (type: string, orderId: string) =>
  subgraph.sql<{ payload: any }>(`select payload from kit_outbox where type = ? and payload->>'orderId' = ? order by seq`, [type, orderId]);

/** An order holding 3 of one variant (split 2 + 1 over two warehouses) and 2 of another. */
async function reservedOrder() {
  const a = await createVariant(subgraph, [{ locationId: warehouse, onHand: 2 }, { locationId: secondWarehouse, onHand: 1 }]);
  const b = await createVariant(subgraph, [{ locationId: warehouse, onHand: 10 }]);
  const orderId = crypto.randomUUID();
  const payload = await reserve(subgraph, { orderId, lines: [{ variantId: a, quantity: 3 }, { variantId: b, quantity: 2 }] });
  expect(payload.userErrors).toEqual([]);
  return { a, b, orderId, reservations: payload.reservations! };
}

describe('inventoryCommit', () => {
  it('sells the reserved units: on-hand and reserved drop together, availability is unchanged, the ledger says SALE', async () => {
    const { a, b, orderId } = await reservedOrder();
    expect(await quantityAvailable(b)).toBe(8);
    const payload = await commit(subgraph, orderId);
    expect(payload.userErrors).toEqual([]);
    expect(payload.reservations!.map((r) => r.status)).toEqual(['COMMITTED', 'COMMITTED', 'COMMITTED']);
    expect(await stockOf(subgraph, a, warehouse)).toEqual({ on_hand: 0, reserved: 0 });
    expect(await stockOf(subgraph, a, secondWarehouse)).toEqual({ on_hand: 0, reserved: 0 });
    expect(await stockOf(subgraph, b, warehouse)).toEqual({ on_hand: 8, reserved: 0 });
    expect(await quantityAvailable(b)).toBe(8);
    expect(await movementsOf(subgraph, b)).toEqual([
      { delta: -2, reason: 'SALE', note: `Order ${orderId}`, actor_customer_id: null, on_hand_after: 8, location_id: warehouse },
    ]);
    expect((await movementsOf(subgraph, a)).map((m) => [m.location_id, m.delta, m.on_hand_after]).sort()).toEqual(
      [[warehouse, -2, 0], [secondWarehouse, -1, 0]].sort(),
    );
    const linked = await subgraph.sql(
      `select count(*)::int as n from inventory.stock_movement m join inventory.stock_reservation r on r.id = m.reservation_id where r.order_id = ?`,
      [orderId],
    );
    expect(linked).toEqual([{ n: 3 }]);
    const [event] = await outbox('inventory.stock.committed', orderId);
    expect(event!.payload.lines).toHaveLength(3);
    expect(event!.payload.lines[0]).toEqual({ reservationId: expect.any(String), variantId: expect.any(String), locationId: expect.any(String), quantity: expect.any(Number) });
  });

  it('shows sales to staff in the ledger query', async () => {
    const { b, orderId } = await reservedOrder();
    await commit(subgraph, orderId);
    const result = await subgraph.request(
      'query ($id: ID!) { stockMovements(variantId: $id) { nodes { delta reason onHandAfter } } }',
      { id: variantGid(b) },
      staff(),
    );
    expect(result.data!.stockMovements.nodes).toEqual([{ delta: -2, reason: 'SALE', onHandAfter: 8 }]);
  });

  it('has one effect however often it is called, and answers the same each time', async () => {
    const { b, orderId } = await reservedOrder();
    const first = await commit(subgraph, orderId);
    const [second, third] = await Promise.all([commit(subgraph, orderId), commit(subgraph, orderId)]);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(await stockOf(subgraph, b, warehouse)).toEqual({ on_hand: 8, reserved: 0 });
    expect(await movementsOf(subgraph, b)).toHaveLength(1);
    expect(await outbox('inventory.stock.committed', orderId)).toHaveLength(1);
  });

  it('refuses an order that never reserved (NOT_FOUND) and one whose stock was released (RESERVATION_RELEASED)', async () => {
    expect((await commit(subgraph, crypto.randomUUID())).userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const { b, orderId } = await reservedOrder();
    await release(subgraph, orderId, 'PAYMENT_FAILED');
    const payload = await commit(subgraph, orderId);
    expect(payload).toEqual({ reservations: null, userErrors: [{ field: ['orderId'], message: expect.any(String), code: 'RESERVATION_RELEASED' }] });
    expect(await stockOf(subgraph, b, warehouse)).toEqual({ on_hand: 10, reserved: 0 });
    expect(await movementsOf(subgraph, b)).toEqual([]);
  });
});

describe('inventoryRelease', () => {
  it('gives the units back, records why, and has one effect however often it is called', async () => {
    const { a, b, orderId } = await reservedOrder();
    const payload = await release(subgraph, orderId, 'CANCELLED');
    expect(payload.userErrors).toEqual([]);
    expect(payload.reservations!.map((r) => [r.status, r.releaseReason])).toEqual(Array(3).fill(['RELEASED', 'CANCELLED']));
    expect(await stockOf(subgraph, a, warehouse)).toEqual({ on_hand: 2, reserved: 0 });
    expect(await stockOf(subgraph, b, warehouse)).toEqual({ on_hand: 10, reserved: 0 });
    expect(await quantityAvailable(a)).toBe(3);
    expect(await release(subgraph, orderId, 'CANCELLED')).toEqual({ reservations: [], userErrors: [] });
    const events = await outbox('inventory.stock.released', orderId);
    expect(events.map((e) => e.payload.reason)).toEqual(['CANCELLED']);
    expect(await movementsOf(subgraph, a)).toEqual([]);
  });

  it('lets an order whose reservations were released reserve again', async () => {
    const { b, orderId } = await reservedOrder();
    await release(subgraph, orderId, 'PAYMENT_FAILED');
    const again = await reserve(subgraph, { orderId, lines: [{ variantId: b, quantity: 4 }] });
    expect(again.reservations!.map((r) => [r.status, r.quantity])).toEqual([['RESERVED', 4]]);
    expect(await stockOf(subgraph, b, warehouse)).toEqual({ on_hand: 10, reserved: 4 });
    expect((await commit(subgraph, orderId)).reservations!.map((r) => r.quantity)).toEqual([4]);
    expect(await stockOf(subgraph, b, warehouse)).toEqual({ on_hand: 6, reserved: 0 });
  });

  it('is harmless for an order that never reserved', async () => {
    expect(await release(subgraph, crypto.randomUUID(), 'PAYMENT_FAILED')).toEqual({ reservations: [], userErrors: [] });
  });

  it('refuses to release sold stock (ALREADY_COMMITTED) and changes nothing', async () => {
    const { b, orderId } = await reservedOrder();
    await commit(subgraph, orderId);
    const payload = await release(subgraph, orderId, 'CANCELLED');
    expect(payload).toEqual({ reservations: null, userErrors: [{ field: ['orderId'], message: expect.any(String), code: 'ALREADY_COMMITTED' }] });
    expect(await stockOf(subgraph, b, warehouse)).toEqual({ on_hand: 8, reserved: 0 });
    expect((await reservationsOf(subgraph, { orderId })).map((r) => r.status)).toEqual(['COMMITTED', 'COMMITTED', 'COMMITTED']);
  });

  it('keeps reserved equal to what RESERVED reservations hold through reserve, commit and release racing', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 30 }, { locationId: secondWarehouse, onHand: 30 }]);
    const orders = Array.from({ length: 30 }, () => crypto.randomUUID());
    await Promise.all(orders.map((orderId) => reserve(subgraph, { orderId, lines: [{ variantId: variant, quantity: 2 }] })));
    await Promise.all(
      orders.flatMap((orderId, i) => (i % 2 === 0 ? [commit(subgraph, orderId), release(subgraph, orderId)] : [release(subgraph, orderId), commit(subgraph, orderId)])),
    );
    const statuses = await subgraph.sql<{ status: string; n: number }>(
      `select status, count(distinct order_id)::int as n from inventory.stock_reservation where variant_id = ? group by status`,
      [variant],
    );
    // Each order ended wholly sold or wholly released, whichever call came first.
    expect(statuses.reduce((sum, row) => sum + row.n, 0)).toBe(30);
    expect(await reservedMismatches(subgraph)).toEqual([]);
    const sold = 2 * (statuses.find((row) => row.status === 'COMMITTED')?.n ?? 0);
    expect(await quantityAvailable(variant)).toBe(60 - sold);
  });
});

describe('commit and release permissions and statements', () => {
  it('refuse people and other services, changing nothing', async () => {
    const { b, orderId } = await reservedOrder();
    for (const viewer of [ANONYMOUS, customer(), staff(), { role: 'service' as const, customerId: null, service: 'products' }]) {
      const code = viewer === ANONYMOUS ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect((await commit(subgraph, orderId, viewer)).userErrors.map((e) => e.code)).toEqual([code]);
      expect((await release(subgraph, orderId, 'CANCELLED', viewer)).userErrors.map((e) => e.code)).toEqual([code]);
    }
    expect(await stockOf(subgraph, b, warehouse)).toEqual({ on_hand: 10, reserved: 2 });
  });

  it('cost three statements whatever the order size, two when there is nothing left to do', async () => {
    const count = async (call: () => Promise<unknown>) => {
      subgraph.db.resetStatementCount();
      await call();
      return subgraph.db.statementCount();
    };
    /** An order of `lines` variants, each split over both warehouses. */
    const orderOf = async (lines: number) => {
      const variants: string[] = [];
      for (let i = 0; i < lines; i++) variants.push(await createVariant(subgraph, [{ locationId: warehouse, onHand: 1 }, { locationId: secondWarehouse, onHand: 1 }]));
      const orderId = crypto.randomUUID();
      const payload = await reserve(subgraph, { orderId, lines: variants.map((variantId) => ({ variantId, quantity: 2 })) });
      expect(payload.reservations).toHaveLength(lines * 2);
      return orderId;
    };
    for (const lines of [2, 20]) {
      const [sold, given] = [await orderOf(lines), await orderOf(lines)];
      // Order lock, the commit (or release) statement, the outbox row.
      expect(await count(() => commit(subgraph, sold))).toBe(3);
      expect(await count(() => commit(subgraph, sold))).toBe(2);
      expect(await count(() => release(subgraph, given))).toBe(3);
      expect(await count(() => release(subgraph, given))).toBe(2);
    }
  });
});
