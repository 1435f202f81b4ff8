import { isUuid, toGlobalId, tryParseGlobalId, type DomainEvent, type RequestContext } from '#kit';
import { canTransition, type OrderStatus } from './order-state-machine.ts';
import { changeStatus, recordHistory } from './order-status.service.ts';

const ACTOR = 'shipping';

/** `orderFulfilment`: what shipping needs to ship an order (ids as global ids). */
export async function orderFulfilment(ctx: RequestContext<unknown>, orderGid: string) {
  const orderId = tryParseGlobalId(orderGid, 'Order');
  if (!orderId) return null;
  const [order] = await ctx.em.execute<{ id: string; number: number; status: OrderStatus; email: string | null; held: boolean }[]>(
    'select id, number, status, email, held from customer_order where id = ?',
    [orderId],
  );
  if (!order) return null;
  const lines = await ctx.em.execute<{ id: string; variant_id: string; title: string; quantity: number }[]>(
    'select id, variant_id, title, quantity from order_line where order_id = ? order by position',
    [orderId],
  );
  return {
    id: toGlobalId('Order', order.id),
    number: order.number,
    status: order.status,
    email: order.email,
    held: order.held,
    lines: lines.map((line) => ({ id: toGlobalId('OrderLine', line.id), variantId: toGlobalId('ProductVariant', line.variant_id), title: line.title, quantity: line.quantity })),
  };
}

interface ShippedPayload {
  shipmentId: string;
  orderId: string;
  lines: { orderLineId: string; quantity: number }[];
}
interface DeliveredPayload {
  shipmentId: string;
  orderId: string;
}

/**
 * `shipping.shipment.shipped`: the lines' shipped quantities grow, and the order moves to
 * PARTIALLY_FULFILLED or FULFILLED. The two shipment events travel on separate queues, so a delivery may
 * arrive first: each event upserts the shipment's row, and whichever arrives second settles the status.
 */
export async function onShipmentShipped(ctx: RequestContext<unknown>, event: DomainEvent<ShippedPayload>): Promise<void> {
  const { shipmentId, orderId, lines } = event.payload;
  if (!isUuid(shipmentId) || !isUuid(orderId) || !Array.isArray(lines) || lines.some((line) => !isUuid(line.orderLineId) || !Number.isInteger(line.quantity))) {
    throw new Error(`${event.type} ${event.id}: malformed payload`);
  }
  await ctx.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) return tx.log.error({ orderId, shipmentId }, 'shipment for an unknown order');
    await tx.em.execute(
      `insert into order_shipment (shipment_id, order_id, shipped) values (?, ?, true)
       on conflict (shipment_id) do update set shipped = true`,
      [shipmentId, orderId],
    );
    if (order.handed_over) return handedOverNote(tx, order, `Shipment ${shipmentId} shipped`);
    for (const line of lines) {
      // The CHECK (shipped ≤ quantity) refuses over-shipping; shipping checks it first, under its own lock.
      await tx.em.execute('update order_line set shipped_quantity = shipped_quantity + ? where id = ? and order_id = ?', [line.quantity, line.orderLineId, orderId]);
    }
    await settleFulfilment(tx, order, `Shipment ${shipmentId} shipped`);
  });
}

/** `shipping.shipment.delivered`: DELIVERED once every unit shipped and every shipment is delivered. */
export async function onShipmentDelivered(ctx: RequestContext<unknown>, event: DomainEvent<DeliveredPayload>): Promise<void> {
  const { shipmentId, orderId } = event.payload;
  if (!isUuid(shipmentId) || !isUuid(orderId)) throw new Error(`${event.type} ${event.id}: malformed payload`);
  await ctx.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) return tx.log.error({ orderId, shipmentId }, 'delivery for an unknown order');
    await tx.em.execute(
      `insert into order_shipment (shipment_id, order_id, delivered) values (?, ?, true)
       on conflict (shipment_id) do update set delivered = true`,
      [shipmentId, orderId],
    );
    if (order.handed_over) return handedOverNote(tx, order, `Shipment ${shipmentId} delivered`);
    await settleFulfilment(tx, order, `Shipment ${shipmentId} delivered`);
  });
}

async function lockOrder(tx: RequestContext<unknown>, orderId: string) {
  const [order] = await tx.em.execute<{ id: string; status: OrderStatus; handed_over: boolean }[]>(
    'select id, status, location_id is not null as handed_over from customer_order where id = ? for update',
    [orderId],
  );
  return order ?? null;
}

/**
 * An order handed over at a store (picked up, or sold at the till) counts every unit as collected: a
 * shipment's event for it (one created in the moment before the pickup) changes no quantity or status
 * and is recorded for staff, who recover the parcel.
 */
async function handedOverNote(tx: RequestContext<unknown>, order: { id: string; status: OrderStatus }, why: string): Promise<void> {
  await recordHistory(tx, order.id, order.status, order.status, ACTOR, `${why} after the order was handed over at a store; not counted: recover the parcel`);
}

/** Moves the order as far as its shipments allow: PAID → PARTIALLY_FULFILLED → FULFILLED → DELIVERED. */
async function settleFulfilment(tx: RequestContext<unknown>, order: { id: string; status: OrderStatus }, why: string): Promise<void> {
  const [state] = await tx.em.execute<{ units: number; shipped: number; shipments: number; unknown_or_undelivered: number }[]>(
    `select (select coalesce(sum(quantity), 0)::int from order_line where order_id = ?) as units,
            (select coalesce(sum(shipped_quantity), 0)::int from order_line where order_id = ?) as shipped,
            (select count(*)::int from order_shipment where order_id = ?) as shipments,
            (select count(*)::int from order_shipment where order_id = ? and not (shipped and delivered)) as unknown_or_undelivered`,
    [order.id, order.id, order.id, order.id],
  );
  const { units, shipped, shipments, unknown_or_undelivered: pending } = state!;
  const path: OrderStatus[] = [];
  if (shipped > 0 && shipped < units) path.push('PARTIALLY_FULFILLED');
  if (shipped === units) path.push('FULFILLED');
  if (shipped === units && shipments > 0 && pending === 0) path.push('DELIVERED');
  let current = order;
  for (const next of path) {
    if (current.status === next) continue;
    if (!canTransition(current.status, next)) continue;
    await changeStatus(tx, current, next, ACTOR, why);
    current = { id: current.id, status: next };
  }
  if (current === order && path.length > 0 && !path.includes(order.status)) {
    await recordHistory(tx, order.id, order.status, order.status, ACTOR, `${why} while the order was ${order.status}`);
  }
}
