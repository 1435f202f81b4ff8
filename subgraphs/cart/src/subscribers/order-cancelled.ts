import { isUuid, type DomainEvent } from '#kit';
import type { CartContext } from '../context.ts';
import { releaseCheckout } from '../services/cart-checkout.service.ts';

/** What cart reads of `orders.order.cancelled` (subgraphs/orders/README.md, "Events"). */
export interface CancelledOrder {
  orderId: string;
  cartId: string;
  /** Whether it had been paid: then `orders.order.paid` completes (or completed) the cart, and this changes nothing. */
  wasPaid: boolean;
  reason: string | null;
}

/** The payload as cart needs it, or a thrown error naming what is wrong (retried, then dead-lettered). */
export function readCancelledOrder(event: DomainEvent<unknown>): CancelledOrder {
  const payload = event.payload as Record<string, unknown> | null;
  const problems: string[] = [];
  const uuid = (key: string): string => {
    const value = payload?.[key];
    if (typeof value === 'string' && isUuid(value.toLowerCase())) return value.toLowerCase();
    problems.push(`${key} is not a uuid`);
    return '';
  };
  const orderId = uuid('orderId');
  const cartId = uuid('cartId');
  const wasPaid = payload?.wasPaid;
  if (typeof wasPaid !== 'boolean') problems.push('wasPaid is not a boolean');
  const reason = typeof payload?.reason === 'string' ? payload.reason : null;
  if (problems.length > 0) throw new Error(`${event.type} ${event.id}: malformed payload: ${problems.join('; ')}`);
  return { orderId, cartId, wasPaid: wasPaid as boolean, reason };
}

/**
 * `orders.order.cancelled`: an order that was never paid (payment failed or cancelled, expired, cancelled
 * by staff) releases the cart it was checking out: OPEN again so the buyer can retry, or merged into the
 * customer's newer open cart (services/cart-checkout.service.ts, releaseCheckout). A paid order's
 * cancellation changes nothing here: its cart is (or is about to be) COMPLETED by `orders.order.paid`,
 * whichever of the two events arrives first. A cart not checking out for the order (reopened already, or
 * checking out for a later order) is left as it is, so the event applies once however often it comes.
 */
export async function onOrderCancelled(ctx: CartContext, event: DomainEvent<unknown>): Promise<void> {
  const order = readCancelledOrder(event);
  if (order.wasPaid) {
    ctx.log.info({ orderId: order.orderId, cartId: order.cartId }, 'paid order cancelled; its cart stays as its payment leaves it');
    return;
  }
  await releaseCheckout(ctx, order.cartId, order.orderId, `order cancelled: ${order.reason ?? 'no reason given'}`);
}
