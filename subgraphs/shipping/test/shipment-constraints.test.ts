import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSubgraph } from '#kit/testing/index.ts';
import { startShipping } from './support.ts';

/** The shipment tables refuse, by themselves, what the services never write. */
let subgraph: TestSubgraph;
let orderId: string;
let otherOrderId: string;
let lineId: string;
let otherLineId: string;
let shipmentId: string;

beforeAll(async () => {
  subgraph = await startShipping('shipping_shipment_constraints');
  orderId = crypto.randomUUID();
  otherOrderId = crypto.randomUUID();
  lineId = crypto.randomUUID();
  otherLineId = crypto.randomUUID();
  await subgraph.sql('insert into shipment_order (order_id, order_number, email) values (?, 1001, ?), (?, 1002, null)', [orderId, 'a@example.com', otherOrderId]);
  await subgraph.sql(`insert into shipment_order_line (order_line_id, order_id, title, ordered_quantity) values (?, ?, 'Shirt / M', 2), (?, ?, 'Hat', 1)`, [
    lineId,
    orderId,
    otherLineId,
    otherOrderId,
  ]);
  const [row] = await subgraph.sql<{ id: string }>(
    `insert into shipment (order_id, carrier, tracking_number, status, status_at) values (?, 'UPS', 'CONSTRAINT-1', 'LABEL_CREATED', now()) returning id`,
    [orderId],
  );
  shipmentId = row!.id;
});
afterAll(() => subgraph?.close());

async function violated(sql: string, params: unknown[] = []): Promise<string | undefined> {
  try {
    await subgraph.sql(sql, params);
  } catch (error) {
    return (error as { constraint?: string }).constraint;
  }
  return undefined;
}

const shipment = (columns: Record<string, unknown>) => {
  const row = { order_id: orderId, carrier: 'UPS', tracking_number: `T-${crypto.randomUUID()}`, status: 'LABEL_CREATED', status_at: new Date().toISOString(), ...columns };
  return violated(`insert into shipment (${Object.keys(row).join(', ')}) values (${Object.keys(row).map(() => '?').join(', ')})`, Object.values(row));
};

describe('the shipment tables', () => {
  it('refuse a status outside the enum, and DELIVERED without its time (or a time without DELIVERED)', async () => {
    expect(await shipment({ status: 'LOST' })).toBe('shipment_status_check');
    expect(await shipment({ status: 'DELIVERED' })).toBe('shipment_delivered_has_time');
    expect(await shipment({ delivered_at: new Date().toISOString() })).toBe('shipment_delivered_has_time');
    expect(await violated(`insert into shipment_event (shipment_id, status, occurred_at) values (?, 'LOST', now())`, [shipmentId])).toBe('shipment_event_status_check');
  });

  it('refuse blank, padded or too long carriers, tracking numbers and locations', async () => {
    expect(await shipment({ carrier: ' ' })).toBe('shipment_carrier_present');
    expect(await shipment({ carrier: 'C'.repeat(101) })).toBe('shipment_carrier_present');
    expect(await shipment({ tracking_number: ' T-1' })).toBe('shipment_tracking_number_present');
    expect(await shipment({ tracking_number: 'T'.repeat(65) })).toBe('shipment_tracking_number_present');
    expect(await violated(`insert into shipment_event (shipment_id, status, occurred_at, location) values (?, 'IN_TRANSIT', now(), '')`, [shipmentId])).toBe(
      'shipment_event_location_present',
    );
  });

  it('give a tracking number to one shipment, whatever the case', async () => {
    expect(await shipment({ tracking_number: 'constraint-1', carrier: 'DHL' })).toBe('shipment_tracking_number_unique');
  });

  it('refuse a line of another order, a line twice, and quantities below 1', async () => {
    const line = (orderLine: string, quantity: number, position: number) =>
      violated('insert into shipment_line (shipment_id, order_id, order_line_id, position, quantity) values (?, ?, ?, ?, ?)', [shipmentId, orderId, orderLine, position, quantity]);
    expect(await line(otherLineId, 1, 0)).toBe('shipment_line_order_line_fk');
    expect(await line(lineId, 0, 0)).toBe('shipment_line_quantity_positive');
    expect(await line(lineId, 1, 0)).toBeUndefined();
    expect(await line(lineId, 1, 1)).toBe('shipment_line_pkey');
    // A shipment's lines belong to the shipment's own order.
    expect(
      await violated('insert into shipment_line (shipment_id, order_id, order_line_id, position, quantity) values (?, ?, ?, 1, 1)', [shipmentId, otherOrderId, otherLineId]),
    ).toBe('shipment_line_shipment_fk');
  });

  it('never count more units shipped than were bought, nor fewer than none', async () => {
    expect(await violated('update shipment_order_line set shipped_quantity = 3 where order_line_id = ?', [lineId])).toBe('shipment_order_line_shipped_bounds');
    expect(await violated('update shipment_order_line set shipped_quantity = -1 where order_line_id = ?', [lineId])).toBe('shipment_order_line_shipped_bounds');
    expect(
      await violated(`insert into shipment_order_line (order_line_id, order_id, title, ordered_quantity) values (?, ?, 'X', 0)`, [crypto.randomUUID(), orderId]),
    ).toBe('shipment_order_line_ordered_positive');
    expect(
      await violated(`insert into shipment_order_line (order_line_id, order_id, title, ordered_quantity) values (?, ?, ' ', 1)`, [crypto.randomUUID(), orderId]),
    ).toBe('shipment_order_line_title_present');
  });
});
