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
    await expect(movement('SALE', null)).rejects.toMatchObject(check('stock_movement_sale_has_reservation'));
    await expect(movement('DAMAGED', reservationId)).rejects.toMatchObject(check('stock_movement_sale_has_reservation'));
    await expect(movement('GIFT', null)).rejects.toMatchObject(check('stock_movement_reason_check'));
    await commit(subgraph, orderId);
    await expect(movement('SALE', reservationId)).rejects.toMatchObject({ code: '23505', constraint: 'stock_movement_reservation_unique' });
  });
});
