import type { DomainEvent, RequestContext } from '#kit';
import { completeCartOfOrder, readPaidOrder } from '../services/order-completion.service.ts';

/**
 * `orders.order.paid` (payload: the orders subgraph's OrderSummary, ids bare uuids): the cart the order
 * was made from, CHECKING_OUT for it since checkout, becomes COMPLETED; the discounts that took money off
 * the order are counted as redeemed; once per order (services/order-completion.service.ts). A malformed
 * payload throws (retried, then dead-lettered); a cart this subgraph does not know is logged and ignored.
 */
export async function onOrderPaid(ctx: RequestContext, event: DomainEvent<unknown>): Promise<void> {
  const order = readPaidOrder(event);
  const occurredAt = new Date(event.occurredAt);
  await completeCartOfOrder(ctx, order, Number.isNaN(occurredAt.getTime()) ? new Date() : occurredAt);
}
