import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSubgraph } from '#kit/testing/index.ts';
import { commit, createLocation, createVariant, reserve, startInventory } from './support.ts';

let subgraph: TestSubgraph;
let warehouse: string;
let variant: string;

beforeAll(async () => {
  subgraph = await startInventory();
  warehouse = await createLocation(subgraph, { name: 'Warehouse' });
  variant = await createVariant(subgraph, [{ locationId: warehouse, onHand: 100 }]);
});
afterAll(() => subgraph?.close());

/** A raw reservation row, bypassing the service: what the database alone allows. */
const insert = (columns: Record<string, unknown> = {}) => {
  const row = {
    order_id: crypto.randomUUID(),
    variant_id: variant,
    location_id: warehouse,
    quantity: 1,
    status: 'RESERVED',
    release_reason: null,
    expires_at: new Date(Date.now() + 60_000),
    ...columns,
  };
  return subgraph.sql(
    `insert into inventory.stock_reservation (${Object.keys(row).join(', ')}) values (${Object.keys(row).map(() => '?').join(', ')}) returning id`,
    Object.values(row),
  );
};
const check = (constraint: string) => ({ code: '23514', constraint });

async function reservedOrder() {
  const orderId = crypto.randomUUID();
  await reserve(subgraph, { orderId, lines: [{ variantId: variant, quantity: 1 }] });
  const [row] = await subgraph.sql<{ id: string }>('select id from inventory.stock_reservation where order_id = ?', [orderId]);
  return { orderId, reservationId: row!.id };
}

describe('the database refuses what the service refuses', () => {
  it('refuses a reservation of no units, or of an implausible number', async () => {
    await expect(insert({ quantity: 0 })).rejects.toMatchObject(check('stock_reservation_quantity_positive'));
    await expect(insert({ quantity: -3 })).rejects.toMatchObject(check('stock_reservation_quantity_positive'));
    await expect(insert({ quantity: 1_000_001 })).rejects.toMatchObject(check('stock_reservation_quantity_bounded'));
  });

  it('refuses an unknown status or release reason, and a release without a reason (or a reason without one)', async () => {
    await expect(insert({ status: 'PENDING' })).rejects.toMatchObject(check('stock_reservation_status_check'));
    await expect(insert({ status: 'RELEASED', release_reason: 'BORED' })).rejects.toMatchObject(check('stock_reservation_release_reason_check'));
    await expect(insert({ status: 'RELEASED' })).rejects.toMatchObject(check('stock_reservation_released_has_reason'));
    await expect(insert({ release_reason: 'EXPIRED' })).rejects.toMatchObject(check('stock_reservation_released_has_reason'));
  });

  it('refuses an expiry before the reservation was made', async () => {
    await expect(insert({ expires_at: new Date(Date.now() - 1000) })).rejects.toMatchObject(check('stock_reservation_expires_after_creation'));
  });

  it('refuses a reservation where the variant has no stock level', async () => {
    await expect(insert({ variant_id: crypto.randomUUID() })).rejects.toMatchObject({ code: '23503', constraint: 'stock_reservation_stock_level_fk' });
  });

  it('refuses a second live reservation of the same level for the same order, but not after a release', async () => {
    const { orderId } = await reservedOrder();
    await expect(insert({ order_id: orderId })).rejects.toMatchObject({ code: '23505', constraint: 'stock_reservation_live_unique' });
    await subgraph.sql(`insert into inventory.stock_reservation (order_id, variant_id, location_id, quantity, status, release_reason, expires_at)
       values (?, ?, ?, 1, 'RELEASED', 'CANCELLED', now() + interval '1 minute')`, [orderId, variant, warehouse]);
  });

  it('refuses reserving more than is on hand on the stock level', async () => {
    await expect(subgraph.sql('update inventory.stock_level set reserved = on_hand + 1 where variant_id = ?', [variant])).rejects.toMatchObject(
      check('stock_level_reserved_within_on_hand'),
    );
  });

  it('lets a reservation move only forward, once, and whole', async () => {
    const { reservationId } = await reservedOrder();
    await expect(subgraph.sql('update inventory.stock_reservation set quantity = 5 where id = ?', [reservationId])).rejects.toThrow(
      /only status, release reason and expiry may change/,
    );
    await expect(subgraph.sql('update inventory.stock_reservation set order_id = ? where id = ?', [crypto.randomUUID(), reservationId])).rejects.toThrow(
      /only status/,
    );
    await subgraph.sql(`update inventory.stock_reservation set status = 'COMMITTED' where id = ?`, [reservationId]);
    await expect(
      subgraph.sql(`update inventory.stock_reservation set status = 'RESERVED' where id = ?`, [reservationId]),
    ).rejects.toThrow(/COMMITTED is final/);
    await expect(
      subgraph.sql(`update inventory.stock_reservation set status = 'RELEASED', release_reason = 'CANCELLED' where id = ?`, [reservationId]),
    ).rejects.toThrow(/COMMITTED is final/);
  });

  it('refuses deleting a reservation that still holds stock', async () => {
    const { reservationId } = await reservedOrder();
    await expect(subgraph.sql('delete from inventory.stock_reservation where id = ?', [reservationId])).rejects.toThrow(/cannot be deleted/);
  });

  it('accepts SALE only for a reservation, and one SALE per reservation', async () => {
    const { orderId, reservationId } = await reservedOrder();
    const movement = (reason: string, reservation: string | null) =>
      subgraph.sql(
        `insert into inventory.stock_movement (variant_id, location_id, delta, reason, reservation_id, on_hand_after) values (?, ?, -1, ?, ?, 99)`,
        [variant, warehouse, reason, reservation],
      );
    await expect(movement('SALE', null)).rejects.toMatchObject(check('stock_movement_order_reasons_have_reservation'));
    await expect(movement('DAMAGED', reservationId)).rejects.toMatchObject(check('stock_movement_order_reasons_have_reservation'));
    await expect(movement('GIFT', null)).rejects.toMatchObject(check('stock_movement_reason_check'));
    await commit(subgraph, orderId);
    await expect(movement('SALE', reservationId)).rejects.toMatchObject({ code: '23505', constraint: 'stock_movement_sale_unique' });
  });
});

describe('the database refuses restocking what was not sold', () => {
  /** A sold order: `quantity` units of a fresh variant, from a fresh warehouse. */
  async function soldOrder(quantity: number) {
    const location = await createLocation(subgraph);
    const sold = await createVariant(subgraph, [{ locationId: location, onHand: 10 }]);
    const orderId = crypto.randomUUID();
    await reserve(subgraph, { orderId, lines: [{ variantId: sold, quantity }] });
    const [row] = await subgraph.sql<{ id: string }>('select id from inventory.stock_reservation where order_id = ?', [orderId]);
    return { orderId, reservationId: row!.id, variant: sold, location };
  }
  const restock = (
    fixture: { reservationId: string; variant: string; location: string },
    reason: string,
    delta: number,
    extra: { returnId?: string | null; reservationId?: string | null; location?: string } = {},
  ) =>
    subgraph.sql(
      `insert into inventory.stock_movement (variant_id, location_id, delta, reason, reservation_id, return_id, on_hand_after) values (?, ?, ?, ?, ?, ?, 10)`,
      [
        fixture.variant,
        extra.location ?? fixture.location,
        delta,
        reason,
        extra.reservationId === undefined ? fixture.reservationId : extra.reservationId,
        extra.returnId ?? null,
      ],
    );
  const restocked = async (reservationId: string) =>
    (await subgraph.sql<{ restocked_quantity: number }>('select restocked_quantity from inventory.stock_reservation where id = ?', [reservationId]))[0]!
      .restocked_quantity;

  it('refuses a restock of a sale not yet made (RESERVED), and counts every restock on the sale it reverses', async () => {
    const fixture = await soldOrder(3);
    await expect(restock(fixture, 'CANCELLATION', 1)).rejects.toMatchObject(check('stock_reservation_restocked_only_sold'));
    await commit(subgraph, fixture.orderId);
    await restock(fixture, 'RETURN', 2, { returnId: crypto.randomUUID() });
    expect(await restocked(fixture.reservationId)).toBe(2);
  });

  it('refuses restocking more than was sold there, across reasons and returns', async () => {
    const fixture = await soldOrder(3);
    await commit(subgraph, fixture.orderId);
    await restock(fixture, 'RETURN', 2, { returnId: crypto.randomUUID() });
    await expect(restock(fixture, 'CANCELLATION', 2)).rejects.toMatchObject(check('stock_reservation_restocked_within_sold'));
    await expect(restock(fixture, 'RETURN', 2, { returnId: crypto.randomUUID() })).rejects.toMatchObject(
      check('stock_reservation_restocked_within_sold'),
    );
    await restock(fixture, 'CANCELLATION', 1);
    expect(await restocked(fixture.reservationId)).toBe(3);
  });

  it('refuses a second CANCELLATION of a sale, the same return twice on a sale, and restocks that take units away', async () => {
    const fixture = await soldOrder(5);
    await commit(subgraph, fixture.orderId);
    const returnId = crypto.randomUUID();
    await restock(fixture, 'RETURN', 1, { returnId });
    await expect(restock(fixture, 'RETURN', 1, { returnId })).rejects.toMatchObject({ code: '23505', constraint: 'stock_movement_return_unique' });
    await restock(fixture, 'CANCELLATION', 1);
    await expect(restock(fixture, 'CANCELLATION', 1)).rejects.toMatchObject({ code: '23505', constraint: 'stock_movement_cancellation_unique' });
    await expect(restock(fixture, 'RETURN', -1, { returnId: crypto.randomUUID() })).rejects.toMatchObject(
      check('stock_movement_order_reason_direction'),
    );
  });

  it('refuses a restock without its sale, a RETURN without its return, and a restock at another level than the sale', async () => {
    const fixture = await soldOrder(2);
    await commit(subgraph, fixture.orderId);
    await expect(restock(fixture, 'CANCELLATION', 1, { reservationId: null })).rejects.toMatchObject(
      check('stock_movement_order_reasons_have_reservation'),
    );
    await expect(restock(fixture, 'RETURN', 1)).rejects.toMatchObject(check('stock_movement_return_has_return_id'));
    await expect(restock(fixture, 'CANCELLATION', 1, { returnId: crypto.randomUUID() })).rejects.toMatchObject(
      check('stock_movement_return_has_return_id'),
    );
    const elsewhere = await createLocation(subgraph);
    await subgraph.sql('insert into inventory.stock_level (variant_id, location_id, on_hand) values (?, ?, 0)', [fixture.variant, elsewhere]);
    await expect(restock(fixture, 'CANCELLATION', 1, { location: elsewhere })).rejects.toMatchObject({
      code: '23503',
      constraint: 'stock_movement_reservation_level_fk',
    });
  });

  it('never lets restocked units go back down', async () => {
    const fixture = await soldOrder(2);
    await commit(subgraph, fixture.orderId);
    await restock(fixture, 'CANCELLATION', 2);
    await expect(subgraph.sql('update inventory.stock_reservation set restocked_quantity = 1 where id = ?', [fixture.reservationId])).rejects.toThrow(
      /never go back down/,
    );
  });
});
