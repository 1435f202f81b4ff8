import { DomainError, type RequestContext } from '#kit';
import type { Order } from '../entities/order.entity.ts';
import type { OrdersLoaders } from '../loaders.ts';
import type { OrderStatus } from './order-state-machine.ts';
import { changeStatus, idInput, type Actor } from './order-status.service.ts';
import { storeLocation } from './store-location.ts';

/** Why an order in a status other than PAID cannot be collected. */
const NOT_PAID: Record<Exclude<OrderStatus, 'PAID'>, string> = {
  PENDING_PAYMENT: 'The order is not paid yet.',
  PARTIALLY_FULFILLED: 'Part of the order has shipped.',
  FULFILLED: 'The order has shipped or was handed over already.',
  DELIVERED: 'The order was delivered or handed over already.',
  CANCELLED: 'The order was cancelled.',
  REFUNDED: 'The order was refunded.',
};

/**
 * `orderPickUp` (staff): a paid online order handed over at a store. The store is checked with
 * inventory first (no lock held during the call); then, under the order's row lock, the order must be
 * PAID, not held, with nothing shipped and no shipment known: every line counts as collected
 * (shipped = quantity), the store and time are recorded, and the order goes PAID → FULFILLED → DELIVERED.
 *
 * The row lock is the one `orderCancel`, the shipment subscribers and the webhook take, so a pickup and a
 * cancellation, or a pickup and a shipment's event, take turns and the second sees the first's result
 * (refused, or for a shipment recorded only as a note: fulfilment.service.ts). Shipping asks orders
 * before it creates a shipment (`orderFulfilment`), so after a pickup it refuses; one created in the
 * moment between its question and the pickup reaches orders as a note for staff.
 */
export async function orderPickUp(ctx: RequestContext<OrdersLoaders>, orderGid: string, locationGid: string, actor: Actor): Promise<Order> {
  const orderId = idInput(orderGid, 'Order', ['orderId']);
  idInput(locationGid, 'Location', ['locationId']);
  const store = await storeLocation(ctx, locationGid);
  await ctx.transaction(async (tx) => {
    const [order] = await tx.em.execute<{ id: string; status: OrderStatus; held: boolean }[]>(
      'select id, status, held from customer_order where id = ? for update',
      [orderId],
    );
    if (!order) throw new DomainError('NOT_FOUND', 'No such order.', ['orderId']);
    if (order.status !== 'PAID') throw new DomainError('NOT_COLLECTABLE', NOT_PAID[order.status], ['orderId']);
    if (order.held) throw new DomainError('NOT_COLLECTABLE', 'A risk check holds the order: approve it first (orderRiskApprove).', ['orderId']);
    const [fulfilment] = await tx.em.execute<{ shipped: number; shipments: number }[]>(
      `select (select coalesce(sum(shipped_quantity), 0)::int from order_line where order_id = ?) as shipped,
              (select count(*)::int from order_shipment where order_id = ?) as shipments`,
      [orderId, orderId],
    );
    if (fulfilment!.shipped > 0 || fulfilment!.shipments > 0) {
      throw new DomainError('NOT_COLLECTABLE', 'A shipment of the order exists: it ships, it is not collected.', ['orderId']);
    }
    await tx.em.execute('update order_line set shipped_quantity = quantity where order_id = ?', [orderId]);
    await tx.em.execute('update customer_order set location_id = ?, handed_over_at = now(), updated_at = now() where id = ?', [store.id, orderId]);
    const why = `Collected at ${store.name} (Location ${store.id})`;
    await changeStatus(tx, order, 'FULFILLED', actor, why);
    await changeStatus(tx, { id: orderId, status: 'FULFILLED' }, 'DELIVERED', actor, why);
  });
  ctx.loaders.orderById.clear(orderId);
  ctx.loaders.linesByOrderId.clear(orderId);
  return (await ctx.loaders.orderById.load(orderId))!;
}
