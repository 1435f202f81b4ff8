import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueOf, type DomainEvent } from '#kit';
import { eventually, type TestSubgraph } from '#kit/testing/index.ts';
import { expireReservations } from '../src/services/reservation-expiry.service.ts';
import { onOrderCancelled, onOrderPaid } from '../src/subscribers/order-events.ts';
import { commit, createLocation, createVariant, movementsOf, reservationsOf, reserve, reservedMismatches, startInventory, stockOf, variantGid } from './support.ts';

let subgraph: TestSubgraph;
let warehouse: string;

beforeAll(async () => {
  subgraph = await startInventory();
  warehouse = await createLocation(subgraph, { name: 'Warehouse' });
});
afterAll(() => subgraph?.close());

async function reservedOrder(variant: string, quantity = 2) {
  const orderId = crypto.randomUUID();
  const payload = await reserve(subgraph, { orderId, lines: [{ variantId: variant, quantity }] });
  expect(payload.userErrors).toEqual([]);
  return orderId;
}

/** Makes an order's reservations due, as time passing would (the CHECK wants expiry after creation). */
const expire = (orderId: string) =>
  subgraph.sql(`update inventory.stock_reservation set expires_at = created_at + interval '1 millisecond' where order_id = ?`, [orderId]);

const quantityAvailable = async (variant: string) => {
  const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ProductVariant { quantityAvailable } } }`;
  const result = await subgraph.request(query, { reps: [{ __typename: 'ProductVariant', id: variantGid(variant) }] });
  return result.data!._entities[0].quantityAvailable as number;
};

const statusesOf = async (orderId: string) => (await reservationsOf(subgraph, { orderId })).map((r) => [r.status, r.release_reason]);

describe('the expiry worker', () => {
  it('is scheduled every minute', async () => {
    const schedules = await subgraph.server.bus.boss.getSchedules('inventory.worker.expire-reservations');
    expect(schedules.map((s) => s.cron)).toEqual(['* * * * *']);
  });

  it('releases only RESERVED reservations past their expiry: the stock comes back; sold and unexpired ones stay', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 10 }]);
    const [unpaid, paid, fresh] = [await reservedOrder(variant), await reservedOrder(variant), await reservedOrder(variant)];
    await commit(subgraph, paid);
    await expire(unpaid);
    await expire(paid);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 8, reserved: 4 });

    await expireReservations(subgraph.context());
    expect(await statusesOf(unpaid)).toEqual([['RELEASED', 'EXPIRED']]);
    expect(await statusesOf(paid)).toEqual([['COMMITTED', null]]);
    expect(await statusesOf(fresh)).toEqual([['RESERVED', null]]);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 8, reserved: 2 });
    const events = await subgraph.sql<{ payload: any }>(`select payload from kit_outbox where type = 'inventory.stock.released' and payload->>'orderId' = ?`, [unpaid]);
    expect(events.map((e) => e.payload)).toEqual([
      { orderId: unpaid, reason: 'EXPIRED', lines: [{ reservationId: expect.any(String), variantId: variant, locationId: warehouse, quantity: 2 }] },
    ]);
    // A paid order whose reservation expired first cannot be committed: orders must reserve again.
    expect((await commit(subgraph, unpaid)).userErrors.map((e) => e.code)).toEqual(['RESERVATION_RELEASED']);
  });

  it('honours the expiresInSeconds orders passes, and then gives an unpaid order\'s stock back to sale', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 5 }]);
    const orderId = crypto.randomUUID();
    const payload = await reserve(subgraph, { orderId, lines: [{ variantId: variant, quantity: 5 }], expiresInSeconds: 60 });
    expect(payload.userErrors).toEqual([]);
    const [held] = await subgraph.sql<{ seconds: number }>(
      `select extract(epoch from expires_at - created_at)::float as seconds from inventory.stock_reservation where order_id = ?`,
      [orderId],
    );
    expect(held!.seconds).toBeCloseTo(60, 1);
    // Not due yet: the worker leaves it, and nothing is for sale.
    await expireReservations(subgraph.context());
    expect(await statusesOf(orderId)).toEqual([['RESERVED', null]]);
    expect(await quantityAvailable(variant)).toBe(0);

    // The shortest expiry the database allows, as if its time had passed; then the worker's run.
    await expire(orderId);
    expect((await expireReservations(subgraph.context())).orders).toBeGreaterThanOrEqual(1);
    expect(await statusesOf(orderId)).toEqual([['RELEASED', 'EXPIRED']]);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 5, reserved: 0 });
    expect(await quantityAvailable(variant)).toBe(5);
    expect(await movementsOf(subgraph, variant)).toEqual([]);
  });

  it('works through more expired orders than one batch holds, and a second run finds nothing', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 100 }]);
    const orders = [];
    for (let i = 0; i < 7; i++) orders.push(await reservedOrder(variant, 3));
    for (const orderId of orders) await expire(orderId);
    await expireReservations(subgraph.context(), 3);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 100, reserved: 0 });
    expect(await expireReservations(subgraph.context(), 3)).toEqual({ orders: 0 });
    expect(await reservedMismatches(subgraph)).toEqual([]);
  });

  it('skips an order being paid right now, and leaves it whole', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 10 }]);
    const orderId = await reservedOrder(variant);
    // Hold the order's lock, as a commit in progress would, while the worker runs.
    await subgraph.db.fork().transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(hashtextextended(?::text, 0))', [`inventory.stock_reservation:${orderId}`]);
      await expire(orderId);
      expect(await expireReservations(subgraph.context())).toEqual({ orders: 0 });
      expect(await statusesOf(orderId)).toEqual([['RESERVED', null]]);
    });
    await expireReservations(subgraph.context());
    expect(await statusesOf(orderId)).toEqual([['RELEASED', 'EXPIRED']]);
  });
});

describe('orders events', () => {
  const orderEvent = (type: string, orderId: string): DomainEvent<{ orderId: string }> => ({
    id: crypto.randomUUID(),
    type,
    producer: 'orders',
    occurredAt: new Date().toISOString(),
    requestId: null,
    payload: { orderId },
  });

  it('orders.order.paid, published on the bus, commits the reservation once however often it is delivered', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 10 }]);
    const orderId = await reservedOrder(variant);
    const event = orderEvent('orders.order.paid', orderId);
    const { boss } = subgraph.server.bus;
    await boss.publish(event.type, event, { id: event.id });
    expect(await eventually(() => statusesOf(orderId), (s) => s[0]?.[0] === 'COMMITTED')).toEqual([['COMMITTED', null]]);
    // Redelivered as new jobs (a republish after a crash): the kit's processed-event record skips them.
    const queue = queueOf('inventory', event.type);
    const jobs = [await boss.send(queue, event), await boss.send(queue, event)];
    for (const job of jobs) expect((await eventually(() => boss.getJobById(queue, job!), (j) => j?.state === 'completed'))?.state).toBe('completed');
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 8, reserved: 0 });
    expect(await movementsOf(subgraph, variant)).toHaveLength(1);
  });

  it('orders.order.cancelled, published on the bus, releases the reservation', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 10 }]);
    const orderId = await reservedOrder(variant);
    const event = orderEvent('orders.order.cancelled', orderId);
    await subgraph.server.bus.boss.publish(event.type, event, { id: event.id });
    expect(await eventually(() => statusesOf(orderId), (s) => s[0]?.[0] === 'RELEASED')).toEqual([['RELEASED', 'CANCELLED']]);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 10, reserved: 0 });
  });

  it('the subscribers are idempotent themselves: distinct events for the same order have one effect', async () => {
    const variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 10 }]);
    const [paid, cancelled] = [await reservedOrder(variant), await reservedOrder(variant)];
    const apply = (subscriber: typeof onOrderPaid, event: DomainEvent<{ orderId: string }>) =>
      subgraph.context().transaction((tx) => subscriber(tx, event));
    for (let i = 0; i < 2; i++) {
      await apply(onOrderPaid, orderEvent('orders.order.paid', paid));
      await apply(onOrderCancelled, orderEvent('orders.order.cancelled', cancelled));
    }
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 8, reserved: 0 });
    // Cancelling after payment releases nothing (the sale stays COMMITTED): the sold units come back by a
    // CANCELLATION restock (test/restock.test.ts), once however many cancellations arrive.
    for (let i = 0; i < 2; i++) await apply(onOrderCancelled, orderEvent('orders.order.cancelled', paid));
    // Paid for an order inventory never saw: logged, not retried forever.
    await apply(onOrderPaid, orderEvent('orders.order.paid', crypto.randomUUID()));
    expect(await statusesOf(paid)).toEqual([['COMMITTED', null]]);
    expect(await statusesOf(cancelled)).toEqual([['RELEASED', 'CANCELLED']]);
    expect(await stockOf(subgraph, variant, warehouse)).toEqual({ on_hand: 10, reserved: 0 });
    expect((await movementsOf(subgraph, variant)).map((m) => [m.reason, m.delta])).toEqual([['SALE', -2], ['CANCELLATION', 2]]);
  });

  it('a malformed payload fails, so it retries and ends in the dead-letter queue', async () => {
    const event = { ...orderEvent('orders.order.paid', 'not-a-uuid') };
    await expect(subgraph.context().transaction((tx) => onOrderPaid(tx, event))).rejects.toThrow(/not a uuid/);
  });
});
