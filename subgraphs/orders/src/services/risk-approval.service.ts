import { DomainError, type RequestContext } from '#kit';
import type { Order } from '../entities/order.entity.ts';
import type { OrdersLoaders } from '../loaders.ts';
import type { OrderStatus } from './order-state-machine.ts';
import { idInput, recordHistory, type Actor } from './order-status.service.ts';

/** `orderRiskApprove` (staff): releases the hold a HIGH risk assessment put on an order, so it can ship. */
export async function approveRisk(ctx: RequestContext<OrdersLoaders>, orderGid: string, actor: Actor): Promise<Order> {
  const orderId = idInput(orderGid, 'Order', ['orderId']);
  await ctx.transaction(async (tx) => {
    const [order] = await tx.em.execute<{ status: OrderStatus; held: boolean }[]>('select status, held from customer_order where id = ? for update', [orderId]);
    if (!order) throw new DomainError('NOT_FOUND', 'No such order.', ['orderId']);
    if (!order.held) throw new DomainError('NOT_HELD', 'The order is not held.', ['orderId']);
    await tx.em.execute('update customer_order set held = false, updated_at = now() where id = ?', [orderId]);
    await recordHistory(tx, orderId, order.status, order.status, actor, 'Risk hold released by staff');
  });
  ctx.loaders.orderById.clear(orderId);
  return (await ctx.loaders.orderById.load(orderId))!;
}
