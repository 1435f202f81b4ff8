import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueOf, type DomainEvent } from '#kit';
import { eventually, type TestSubgraph } from '#kit/testing/index.ts';
import { planReturn, type SoldLevel } from '../src/services/restock-plan.ts';
import { onOrderCancelled, onReturnReceived } from '../src/subscribers/order-events.ts';
import { commit, createLocation, createVariant, reservationsOf, reserve, reservedMismatches, startInventory, stockOf } from './support.ts';

let subgraph: TestSubgraph;
let a: string; // warehouse A
let b: string; // warehouse B

beforeAll(async () => {
  subgraph = await startInventory();
  a = await createLocation(subgraph, { name: 'A Warehouse' });
  b = await createLocation(subgraph, { name: 'B Warehouse' });
});
afterAll(() => subgraph?.close());

function event<T>(type: string, payload: T): DomainEvent<T> {
  return { id: crypto.randomUUID(), type, producer: 'orders', occurredAt: new Date().toISOString(), requestId: null, payload };
}
const cancelled = (orderId: string, wasPaid = true) =>
  event('orders.order.cancelled', { orderId, number: 1001, cartId: crypto.randomUUID(), customerId: null, email: 'a@example.com', reason: 'STAFF', wasPaid });
const returned = (orderId: string, lines: { variantId: string; quantity: number }[], returnId = crypto.randomUUID()) =>
  event('orders.return.received', { returnId, orderId, number: 1001, lines: lines.map((line) => ({ orderLineId: crypto.randomUUID(), ...line })) });

/** Applies an event the way the bus does: the subscriber inside a transaction, with a real context. */
const apply = <T>(subscriber: (ctx: any, event: DomainEvent<T>) => Promise<void>, e: DomainEvent<T>) =>
  subgraph.context().transaction((tx) => subscriber(tx, e));

/** A paid order: 3 of `split` (2 from A, 1 from B: A has 2, B has 1 available) and 2 of `single` (from A, which has 10). */
async function paidOrder() {
  const split = await createVariant(subgraph, [{ locationId: a, onHand: 2 }, { locationId: b, onHand: 1 }]);
  const single = await createVariant(subgraph, [{ locationId: a, onHand: 10 }]);
  const orderId = crypto.randomUUID();
  const reserved = await reserve(subgraph, { orderId, lines: [{ variantId: split, quantity: 3 }, { variantId: single, quantity: 2 }] });
  expect(reserved.userErrors).toEqual([]);
  expect((await commit(subgraph, orderId)).userErrors).toEqual([]);
  return { orderId, split, single };
}

const ledgerOf = (variantId: string) =>
  subgraph.sql<{ location_id: string; delta: number; reason: string; note: string | null; on_hand_after: number; return_id: string | null; order_id: string | null }>(
    `select m.location_id, m.delta, m.reason, m.note, m.on_hand_after, m.return_id, r.order_id
     from inventory.stock_movement m left join inventory.stock_reservation r on r.id = m.reservation_id
     where m.variant_id = ? order by m.seq`,
    [variantId],
  );
const restockedOf = async (orderId: string) =>
  (await subgraph.sql<{ variant_id: string; location_id: string; quantity: number; restocked_quantity: number; status: string }>(
    `select variant_id, location_id, quantity, restocked_quantity, status from inventory.stock_reservation where order_id = ? order by variant_id, location_id`,
    [orderId],
  ));
const restockEvents = (orderId: string) =>
  subgraph.sql<{ payload: any }>(`select payload from kit_outbox where type = 'inventory.stock.restocked' and payload->>'orderId' = ? order by seq`, [orderId]);
/** Each level's on-hand equals the sum of its ledger, for levels that started from a ledger-less fixture: on hand − Σ deltas. */
const ledgerOffset = async (variantId: string, locationId: string) => {
  const [row] = await subgraph.sql<{ offset: number }>(
    `select s.on_hand - coalesce((select sum(m.delta) from inventory.stock_movement m where m.variant_id = s.variant_id and m.location_id = s.location_id), 0)::int as offset
     from inventory.stock_level s where s.variant_id = ? and s.location_id = ?`,
    [variantId, locationId],
  );
  return row!.offset;
};

describe('orders.order.cancelled for a paid order', () => {
  it('puts every sold unit back on hand where it was sold, a CANCELLATION movement per sale, tied to the order', async () => {
    const { orderId, split, single } = await paidOrder();
    expect(await stockOf(subgraph, split, a)).toEqual({ on_hand: 0, reserved: 0 });
    expect(await stockOf(subgraph, split, b)).toEqual({ on_hand: 0, reserved: 0 });
    expect(await stockOf(subgraph, single, a)).toEqual({ on_hand: 8, reserved: 0 });

    await apply(onOrderCancelled, cancelled(orderId));

    expect(await stockOf(subgraph, split, a)).toEqual({ on_hand: 2, reserved: 0 });
    expect(await stockOf(subgraph, split, b)).toEqual({ on_hand: 1, reserved: 0 });
    expect(await stockOf(subgraph, single, a)).toEqual({ on_hand: 10, reserved: 0 });
    const note = `Order ${orderId} cancelled`;
    expect((await ledgerOf(split)).filter((m) => m.reason === 'CANCELLATION')).toEqual(
      [
        { location_id: a, delta: 2, reason: 'CANCELLATION', note, on_hand_after: 2, return_id: null, order_id: orderId },
        { location_id: b, delta: 1, reason: 'CANCELLATION', note, on_hand_after: 1, return_id: null, order_id: orderId },
      ].sort((x, y) => (x.location_id < y.location_id ? -1 : 1)),
    );
    expect(await ledgerOf(single)).toEqual([
      { location_id: a, delta: -2, reason: 'SALE', note: `Order ${orderId}`, on_hand_after: 8, return_id: null, order_id: orderId },
      { location_id: a, delta: 2, reason: 'CANCELLATION', note, on_hand_after: 10, return_id: null, order_id: orderId },
    ]);
    // The sales stay sold (COMMITTED), each wholly restocked.
    const sales = await restockedOf(orderId);
    expect(sales).toHaveLength(3);
    for (const sale of sales) expect([sale.status, sale.restocked_quantity]).toEqual(['COMMITTED', sale.quantity]);
    expect(await ledgerOffset(single, a)).toBe(10);
    const events = await restockEvents(orderId);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ orderId, reason: 'CANCELLATION', returnId: null });
    expect(events[0]!.payload.lines.map((line: any) => line.quantity).sort()).toEqual([1, 2, 2]);
    expect(await reservedMismatches(subgraph)).toEqual([]);
  });

  it('applies once: the same event again, another cancellation of the order, or two at the same time change nothing more', async () => {
    const { orderId, split, single } = await paidOrder();
    const first = cancelled(orderId);
    await Promise.all([apply(onOrderCancelled, first), apply(onOrderCancelled, cancelled(orderId))]);
    await apply(onOrderCancelled, first);
    await apply(onOrderCancelled, cancelled(orderId, true));
    expect(await stockOf(subgraph, split, a)).toEqual({ on_hand: 2, reserved: 0 });
    expect(await stockOf(subgraph, split, b)).toEqual({ on_hand: 1, reserved: 0 });
    expect(await stockOf(subgraph, single, a)).toEqual({ on_hand: 10, reserved: 0 });
    expect((await ledgerOf(single)).map((m) => [m.reason, m.delta])).toEqual([['SALE', -2], ['CANCELLATION', 2]]);
    expect((await ledgerOf(split)).filter((m) => m.reason === 'CANCELLATION')).toHaveLength(2);
    expect(await restockEvents(orderId)).toHaveLength(1);
  });

  it('published on the bus, restocks once however often it is delivered', async () => {
    const { orderId, single } = await paidOrder();
    const e = cancelled(orderId);
    const { boss } = subgraph.server.bus;
    await boss.publish(e.type, e, { id: e.id });
    expect(await eventually(() => stockOf(subgraph, single, a), (s) => s?.on_hand === 10)).toEqual({ on_hand: 10, reserved: 0 });
    const queue = queueOf('inventory', e.type);
    const jobs = [await boss.send(queue, e), await boss.send(queue, e)];
    for (const job of jobs) expect((await eventually(() => boss.getJobById(queue, job!), (j) => j?.state === 'completed'))?.state).toBe('completed');
    expect(await stockOf(subgraph, single, a)).toEqual({ on_hand: 10, reserved: 0 });
    expect((await ledgerOf(single)).map((m) => [m.reason, m.delta])).toEqual([['SALE', -2], ['CANCELLATION', 2]]);
  });

  it('an unpaid order is released as before, with no CANCELLATION movement', async () => {
    const variant = await createVariant(subgraph, [{ locationId: a, onHand: 5 }]);
    const orderId = crypto.randomUUID();
    await reserve(subgraph, { orderId, lines: [{ variantId: variant, quantity: 2 }] });
    await apply(onOrderCancelled, cancelled(orderId, false));
    expect(await stockOf(subgraph, variant, a)).toEqual({ on_hand: 5, reserved: 0 });
    expect((await reservationsOf(subgraph, { orderId })).map((r) => [r.status, r.release_reason])).toEqual([['RELEASED', 'CANCELLED']]);
    expect(await ledgerOf(variant)).toEqual([]);
    // An order inventory never saw: nothing to do, not an error.
    await apply(onOrderCancelled, cancelled(crypto.randomUUID()));
  });

  it('restocks only what a return has not already brought back', async () => {
    const { orderId, single } = await paidOrder();
    await apply(onReturnReceived, returned(orderId, [{ variantId: single, quantity: 1 }]));
    expect(await stockOf(subgraph, single, a)).toEqual({ on_hand: 9, reserved: 0 });
    await apply(onOrderCancelled, cancelled(orderId));
    expect(await stockOf(subgraph, single, a)).toEqual({ on_hand: 10, reserved: 0 });
    expect((await ledgerOf(single)).map((m) => [m.reason, m.delta, m.on_hand_after])).toEqual([
      ['SALE', -2, 8],
      ['RETURN', 1, 9],
      ['CANCELLATION', 1, 10],
    ]);
  });

  it('refuses a malformed payload, so it retries and ends in the dead-letter queue', async () => {
    await expect(apply(onOrderCancelled, event('orders.order.cancelled', { orderId: 'nope', wasPaid: true }))).rejects.toThrow(/not a uuid/);
    await expect(apply(onOrderCancelled, event('orders.order.cancelled', { orderId: crypto.randomUUID(), wasPaid: 'yes' } as any))).rejects.toThrow(/wasPaid/);
  });
});

describe('orders.return.received', () => {
  it('restocks the returned units where they were sold, a RETURN movement per sale naming the return, once', async () => {
    const { orderId, split, single } = await paidOrder();
    const first = returned(orderId, [{ variantId: split, quantity: 2 }, { variantId: single, quantity: 1 }]);
    await apply(onReturnReceived, first);
    // 2 of `split`: A sold 2, so A takes both (whole from the location with the most sold).
    expect(await stockOf(subgraph, split, a)).toEqual({ on_hand: 2, reserved: 0 });
    expect(await stockOf(subgraph, split, b)).toEqual({ on_hand: 0, reserved: 0 });
    expect(await stockOf(subgraph, single, a)).toEqual({ on_hand: 9, reserved: 0 });
    const returnId = first.payload.returnId;
    const note = `Return ${returnId} of order ${orderId}`;
    expect((await ledgerOf(split)).filter((m) => m.reason === 'RETURN')).toEqual([
      { location_id: a, delta: 2, reason: 'RETURN', note, on_hand_after: 2, return_id: returnId, order_id: orderId },
    ]);
    expect((await ledgerOf(single)).filter((m) => m.reason === 'RETURN')).toEqual([
      { location_id: a, delta: 1, reason: 'RETURN', note, on_hand_after: 9, return_id: returnId, order_id: orderId },
    ]);
    expect((await restockEvents(orderId)).map((e) => e.payload)).toEqual([
      {
        orderId,
        reason: 'RETURN',
        returnId,
        lines: expect.arrayContaining([
          { reservationId: expect.any(String), variantId: split, locationId: a, quantity: 2 },
          { reservationId: expect.any(String), variantId: single, locationId: a, quantity: 1 },
        ]),
      },
    ]);

    // The same return again (redelivered, or at the same time as itself): nothing more.
    await Promise.all([apply(onReturnReceived, first), apply(onReturnReceived, { ...first, id: crypto.randomUUID() })]);
    expect(await stockOf(subgraph, split, a)).toEqual({ on_hand: 2, reserved: 0 });
    expect(await stockOf(subgraph, single, a)).toEqual({ on_hand: 9, reserved: 0 });
    expect(await restockEvents(orderId)).toHaveLength(1);

    // A second return of the last unit of `split`: only B still has a sold unit to take back.
    await apply(onReturnReceived, returned(orderId, [{ variantId: split, quantity: 1 }]));
    expect(await stockOf(subgraph, split, b)).toEqual({ on_hand: 1, reserved: 0 });
    // A third: everything of `split` already came back; nothing is restocked (logged).
    await apply(onReturnReceived, returned(orderId, [{ variantId: split, quantity: 1 }]));
    expect(await stockOf(subgraph, split, a)).toEqual({ on_hand: 2, reserved: 0 });
    expect(await stockOf(subgraph, split, b)).toEqual({ on_hand: 1, reserved: 0 });
    expect((await ledgerOf(split)).filter((m) => m.reason === 'RETURN').map((m) => [m.location_id, m.delta, m.on_hand_after])).toEqual([
      [a, 2, 2],
      [b, 1, 1],
    ]);
    expect(await ledgerOffset(single, a)).toBe(10);
  });

  it('splits a return over the locations a variant was sold from, and never restocks more than was sold', async () => {
    const { orderId, split, single } = await paidOrder();
    // 5 of `split` returned, 3 bought: 2 back at A, 1 at B, the excess not restocked.
    await apply(onReturnReceived, returned(orderId, [{ variantId: split, quantity: 4 }, { variantId: split, quantity: 1 }]));
    expect(await stockOf(subgraph, split, a)).toEqual({ on_hand: 2, reserved: 0 });
    expect(await stockOf(subgraph, split, b)).toEqual({ on_hand: 1, reserved: 0 });
    // A variant the order never bought: nothing.
    await apply(onReturnReceived, returned(orderId, [{ variantId: crypto.randomUUID(), quantity: 1 }]));
    // The rest of the order can still come back, then nothing more, whatever the reason.
    await apply(onReturnReceived, returned(orderId, [{ variantId: single, quantity: 2 }]));
    await apply(onOrderCancelled, cancelled(orderId));
    await apply(onReturnReceived, returned(orderId, [{ variantId: single, quantity: 2 }]));
    expect(await stockOf(subgraph, single, a)).toEqual({ on_hand: 10, reserved: 0 });
    expect((await ledgerOf(single)).map((m) => [m.reason, m.delta])).toEqual([['SALE', -2], ['RETURN', 2]]);
    for (const r of await restockedOf(orderId)) expect(r.restocked_quantity).toBe(r.quantity);
  });

  it('throws while the order is not sold here yet (its payment not applied), so it is retried after', async () => {
    const variant = await createVariant(subgraph, [{ locationId: a, onHand: 5 }]);
    const orderId = crypto.randomUUID();
    await reserve(subgraph, { orderId, lines: [{ variantId: variant, quantity: 2 }] });
    const e = returned(orderId, [{ variantId: variant, quantity: 1 }]);
    await expect(apply(onReturnReceived, e)).rejects.toThrow(/RESERVED/);
    expect(await stockOf(subgraph, variant, a)).toEqual({ on_hand: 5, reserved: 2 });
    await commit(subgraph, orderId);
    await apply(onReturnReceived, e);
    expect(await stockOf(subgraph, variant, a)).toEqual({ on_hand: 4, reserved: 0 });
    // An order inventory never saw: logged, nothing restocked, not retried.
    await apply(onReturnReceived, returned(crypto.randomUUID(), [{ variantId: variant, quantity: 1 }]));
    expect(await stockOf(subgraph, variant, a)).toEqual({ on_hand: 4, reserved: 0 });
  });

  it('published on the bus, restocks once however often it is delivered', async () => {
    const { orderId, single } = await paidOrder();
    const e = returned(orderId, [{ variantId: single, quantity: 2 }]);
    const { boss } = subgraph.server.bus;
    await boss.publish(e.type, e, { id: e.id });
    expect(await eventually(() => stockOf(subgraph, single, a), (s) => s?.on_hand === 10)).toEqual({ on_hand: 10, reserved: 0 });
    const queue = queueOf('inventory', e.type);
    const again = { ...e, id: crypto.randomUUID() };
    const jobs = [await boss.send(queue, e), await boss.send(queue, again)];
    for (const job of jobs) expect((await eventually(() => boss.getJobById(queue, job!), (j) => j?.state === 'completed'))?.state).toBe('completed');
    expect(await stockOf(subgraph, single, a)).toEqual({ on_hand: 10, reserved: 0 });
    expect((await ledgerOf(single)).map((m) => [m.reason, m.delta])).toEqual([['SALE', -2], ['RETURN', 2]]);
  });

  it('refuses a malformed payload, so it retries and ends in the dead-letter queue', async () => {
    const orderId = crypto.randomUUID();
    const bad = [
      { orderId, lines: [] },
      { returnId: crypto.randomUUID(), orderId: 'x', lines: [] },
      { returnId: crypto.randomUUID(), orderId, lines: 'all' },
      { returnId: crypto.randomUUID(), orderId, lines: [{ variantId: crypto.randomUUID(), quantity: 0 }] },
      { returnId: crypto.randomUUID(), orderId, lines: [{ variantId: 'v', quantity: 1 }] },
    ];
    for (const payload of bad) await expect(apply(onReturnReceived, event('orders.return.received', payload as any))).rejects.toThrow(/malformed payload/);
  });
});

describe('planReturn', () => {
  const level = (reservationId: string, variantId: string, restockable: number, locationActive = true): SoldLevel => ({
    reservationId, variantId, locationId: `loc-${reservationId}`, restockable, locationActive,
  });

  it('takes a variant back whole where the most is restockable, else over the fewest, open locations first', () => {
    const sold = [level('r1', 'v', 1), level('r2', 'v', 3), level('r3', 'v', 2), level('r4', 'w', 2, false), level('r5', 'w', 1)];
    expect(planReturn([{ variantId: 'v', quantity: 3 }], sold).takes).toEqual([{ reservationId: 'r2', quantity: 3 }]);
    expect(planReturn([{ variantId: 'v', quantity: 4 }], sold).takes).toEqual([{ reservationId: 'r2', quantity: 3 }, { reservationId: 'r3', quantity: 1 }]);
    expect(planReturn([{ variantId: 'w', quantity: 2 }], sold).takes).toEqual([{ reservationId: 'r5', quantity: 1 }, { reservationId: 'r4', quantity: 1 }]);
  });

  it('sums lines of one variant, caps at what is restockable and reports the excess', () => {
    const sold = [level('r1', 'v', 2), level('r2', 'v', 0)];
    expect(planReturn([{ variantId: 'v', quantity: 2 }, { variantId: 'v', quantity: 1 }, { variantId: 'x', quantity: 1 }], sold)).toEqual({
      takes: [{ reservationId: 'r1', quantity: 2 }],
      shortfalls: [{ variantId: 'v', returned: 3, restockable: 2 }, { variantId: 'x', returned: 1, restockable: 0 }],
    });
  });
});
