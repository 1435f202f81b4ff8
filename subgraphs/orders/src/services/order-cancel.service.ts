import Stripe from 'stripe';
import { DomainError, type RequestContext } from '#kit';
import type { Order } from '../entities/order.entity.ts';
import type { OrdersLoaders } from '../loaders.ts';
import { stripeSettings } from '../stripe.ts';
import { paymentTimeoutSeconds } from './checkout.service.ts';
import { OrderEvent } from './order-events.ts';
import type { OrderStatus } from './order-state-machine.ts';
import { changeStatus, idInput, type Actor } from './order-status.service.ts';
import { reserveRefund, sendRefundReporting, type RefundRow } from './refund.service.ts';

/** `orders.order.cancelled`, in the transaction that cancelled the order. */
export async function emitCancelled(tx: RequestContext<unknown>, orderId: string, reason: string, wasPaid: boolean): Promise<void> {
  const [order] = await tx.em.execute<{ number: number; cart_id: string; customer_id: string | null; email: string | null }[]>(
    'select number, cart_id, customer_id, email from customer_order where id = ?',
    [orderId],
  );
  await tx.emit(OrderEvent.CANCELLED, {
    orderId,
    number: order!.number,
    cartId: order!.cart_id,
    customerId: order!.customer_id,
    email: order!.email,
    reason,
    wasPaid,
  });
}

export async function cancelIntentQuietly(ctx: RequestContext<unknown>, intentId: string): Promise<void> {
  try {
    await stripeSettings().stripe?.paymentIntents.cancel(intentId);
  } catch (error) {
    ctx.log.warn({ err: error, intentId }, 'PaymentIntent not cancelled');
  }
}

/**
 * Cancels the intent of an unpaid order before the order itself, so no payment can succeed after the
 * order is cancelled. False when Stripe says the intent can no longer be cancelled (it succeeded or is
 * processing: the payment's webhook decides the order).
 */
async function cancelIntentFirst(ctx: RequestContext<unknown>, intentId: string): Promise<boolean> {
  const { stripe } = stripeSettings();
  if (!stripe) return true;
  try {
    await stripe.paymentIntents.cancel(intentId);
    return true;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError && error.code === 'payment_intent_unexpected_state') {
      const intent = await stripe.paymentIntents.retrieve(intentId);
      return intent.status === 'canceled';
    }
    throw error;
  }
}

/**
 * `orderCancel` (staff): an unpaid order is cancelled (its intent first); a paid one that has not
 * shipped is cancelled and refunded in full. Either way `orders.order.cancelled` gives the stock back.
 */
export async function orderCancel(ctx: RequestContext<OrdersLoaders>, orderGid: string, reason: string, actor: Actor): Promise<Order> {
  const orderId = idInput(orderGid, 'Order', ['orderId']);
  const why = reason.trim();
  if (why.length < 1 || why.length > 500) throw new DomainError('INVALID', 'Give a reason of 1 to 500 characters.', ['reason']);
  const [current] = await ctx.em.execute<{ status: OrderStatus; stripe_payment_intent_id: string }[]>(
    'select status, stripe_payment_intent_id from customer_order where id = ?',
    [orderId],
  );
  if (!current) throw new DomainError('NOT_FOUND', 'No such order.', ['orderId']);
  if (current.status === 'PENDING_PAYMENT') {
    let cancelled: boolean;
    try {
      cancelled = await cancelIntentFirst(ctx, current.stripe_payment_intent_id);
    } catch (error) {
      ctx.log.warn({ err: error, orderId }, 'orderCancel: Stripe unreachable');
      throw new DomainError('PAYMENT_UNAVAILABLE', 'Stripe could not be reached; the order was not cancelled. Try again.');
    }
    if (!cancelled) throw new DomainError('NOT_CANCELLABLE', 'The payment is being processed; try again in a moment.', ['orderId']);
  }
  const refund = await ctx.transaction(async (tx): Promise<RefundRow | null> => {
    const [order] = await tx.em.execute<{ id: string; status: OrderStatus; captured_minor: number }[]>(
      'select id, status, captured_minor from customer_order where id = ? for update',
      [orderId],
    );
    if (!order || (order.status !== 'PENDING_PAYMENT' && order.status !== 'PAID')) {
      throw new DomainError('NOT_CANCELLABLE', `An order that is ${order?.status ?? 'gone'} cannot be cancelled.`, ['orderId']);
    }
    const wasPaid = order.status === 'PAID';
    await changeStatus(tx, order, 'CANCELLED', actor, `Cancelled: ${why}`);
    await emitCancelled(tx, order.id, why, wasPaid);
    return wasPaid && order.captured_minor > 0 ? reserveRefund(tx, { orderId, amountMinor: null, reason: `Order cancelled: ${why}`, actor }) : null;
  });
  if (refund) await sendRefundReporting(ctx, refund);
  ctx.loaders.orderById.clear(orderId);
  return (await ctx.loaders.orderById.load(orderId))!;
}

/**
 * Worker: orders unpaid after the payment timeout are cancelled (their intent first), and their stock
 * goes back through `orders.order.cancelled`. Inventory's own expiry is the backstop if this never runs.
 */
export async function expireUnpaidOrders(ctx: RequestContext<unknown>): Promise<number> {
  const stale = await ctx.em.execute<{ id: string; stripe_payment_intent_id: string }[]>(
    `select id, stripe_payment_intent_id from customer_order
      where status = 'PENDING_PAYMENT' and created_at < now() - make_interval(secs => ?) order by created_at limit 100`,
    [paymentTimeoutSeconds()],
  );
  let expired = 0;
  for (const order of stale) {
    try {
      if (!(await cancelIntentFirst(ctx, order.stripe_payment_intent_id))) continue;
      const done = await ctx.transaction(async (tx) => {
        const [row] = await tx.em.execute<{ id: string; status: OrderStatus }[]>('select id, status from customer_order where id = ? for update', [order.id]);
        if (row?.status !== 'PENDING_PAYMENT') return false;
        await changeStatus(tx, row, 'CANCELLED', 'system', 'Payment not received in time');
        await emitCancelled(tx, row.id, 'Payment not received in time', false);
        return true;
      });
      if (done) expired++;
    } catch (error) {
      ctx.log.error({ err: error, orderId: order.id }, 'unpaid order not expired; next run retries');
    }
  }
  return expired;
}
