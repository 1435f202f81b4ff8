import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { DomainError, type RequestContext } from '#kit';
import { stripeSettings } from '../stripe.ts';
import { OrderEvent } from './order-events.ts';
import { canTransition, type OrderStatus } from './order-state-machine.ts';
import { changeStatus, recordHistory, type Actor } from './order-status.service.ts';

export interface RefundRow {
  id: string;
  order_id: string;
  amount_minor: number;
  currency_code: string;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  reason: string;
  actor: string;
  return_id: string | null;
  stripe_refund_id: string | null;
  /** STRIPE, or the till's method for a point-of-sale order (CASH, CARD_PRESENT): handed back there. */
  method: 'STRIPE' | 'CASH' | 'CARD_PRESENT';
  created_at: Date;
}

export interface RefundRequest {
  orderId: string;
  /** Null: the whole refundable remainder. */
  amountMinor: number | null;
  reason: string;
  actor: Actor;
  returnId?: string | null;
}

/**
 * Refunds through Stripe in three steps, so no transaction is open during the call and no amount can be
 * refunded twice:
 * 1. under the order's row lock, the amount is checked against what remains (captured − refunded) and
 *    a PENDING refund row takes it (`refunded_minor` counts it at once; a CHECK keeps it ≤ captured);
 * 2. Stripe is asked, with the row's id as its idempotency key;
 * 3. the row is settled: SUCCEEDED (the order REFUNDED once everything is, `orders.order.refunded`
 *    emitted), or FAILED when Stripe refused (the amount given back).
 * If the outcome is unknown (Stripe unreachable), the row stays PENDING and `retryPendingRefunds`
 * asks again with the same key later; a `charge.refunded` webhook settles it too.
 *
 * A point-of-sale order (paid at a till, no PaymentIntent) is refunded at the till with its own method:
 * the row is settled SUCCEEDED at once in step 3, without Stripe (`settleAtTill`).
 */
export async function refund(ctx: RequestContext<unknown>, request: RefundRequest): Promise<RefundRow> {
  if (!stripeSettings().stripe && (await paymentMethodOf(ctx, request.orderId)) === 'STRIPE') {
    throw new DomainError('PAYMENT_UNAVAILABLE', 'Payments are not configured; nothing was refunded.');
  }
  const pending = await ctx.transaction((tx) => reserveRefund(tx, request));
  return sendRefund(ctx, pending);
}

/**
 * Step 1, in the caller's transaction: a PENDING refund row holding its amount. A caller that commits it
 * and then dies leaves it to `retryPendingRefunds`, so a refund decided is never lost.
 */
export async function reserveRefund(tx: RequestContext<unknown>, request: RefundRequest): Promise<RefundRow> {
  const [order] = await tx.em.execute<{ captured_minor: number; refunded_minor: number; currency_code: string; payment_method: RefundRow['method'] }[]>(
    'select captured_minor, refunded_minor, currency_code, payment_method from customer_order where id = ? for update',
    [request.orderId],
  );
  if (!order) throw new DomainError('NOT_FOUND', 'No such order.', ['orderId']);
  if (order.captured_minor === 0) throw new DomainError('NOT_REFUNDABLE', 'Nothing was captured for this order.', ['orderId']);
  const remaining = order.captured_minor - order.refunded_minor;
  const amount = request.amountMinor ?? remaining;
  if (amount <= 0 || amount > remaining) {
    throw new DomainError(
      'AMOUNT_EXCEEDS_REFUNDABLE',
      `At most ${remaining} (minor units of ${order.currency_code}) can still be refunded.`,
      request.amountMinor === null ? ['orderId'] : ['amount'],
    );
  }
  await tx.em.execute('update customer_order set refunded_minor = refunded_minor + ? where id = ?', [amount, request.orderId]);
  const [row] = await tx.em.execute<RefundRow[]>(
    `insert into order_refund (id, order_id, amount_minor, currency_code, status, reason, actor, return_id, method)
     values (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?) returning *`,
    [randomUUID(), request.orderId, amount, order.currency_code, request.reason, request.actor, request.returnId ?? null, order.payment_method],
  );
  return row!;
}

/** Step 2 and 3 for a PENDING row (also the retry of one whose outcome was unknown). */
export async function sendRefund(ctx: RequestContext<unknown>, row: RefundRow): Promise<RefundRow> {
  if (row.method !== 'STRIPE') return settleAtTill(ctx, row);
  const { stripe } = stripeSettings();
  if (!stripe) return row;
  const [order] = await ctx.em.execute<{ stripe_payment_intent_id: string }[]>('select stripe_payment_intent_id from customer_order where id = ?', [row.order_id]);
  let made: Stripe.Refund;
  try {
    made = await stripe.refunds.create(
      { payment_intent: order!.stripe_payment_intent_id, amount: row.amount_minor, metadata: { orderId: row.order_id, refundId: row.id } },
      { idempotencyKey: `refund-${row.id}` },
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError && (error.type === 'StripeInvalidRequestError' || error.type === 'StripeCardError')) {
      ctx.log.warn({ err: error, refundId: row.id }, 'refund refused by Stripe');
      await failRefund(ctx, row.id, error.message);
      throw new DomainError('PAYMENT_UNAVAILABLE', `Stripe refused the refund: ${error.message}`);
    }
    // Unknown outcome: the row stays PENDING; the retry worker (same idempotency key) or the webhook settles it.
    ctx.log.warn({ err: error, refundId: row.id }, 'refund outcome unknown; it will be retried');
    return row;
  }
  return (await settleRefund(ctx, row.id, made)) ?? row;
}

/**
 * A point-of-sale order's refund: the clerk hands the money back at the till with the order's method
 * (cash from the drawer, or the card present: simulated, as the sale was), so it is SUCCEEDED at once.
 */
async function settleAtTill(ctx: RequestContext<unknown>, refundRow: RefundRow): Promise<RefundRow> {
  return ctx.transaction(async (tx) => {
    const [row] = await tx.em.execute<RefundRow[]>(
      "update order_refund set status = 'SUCCEEDED', updated_at = now() where id = ? and status = 'PENDING' returning *",
      [refundRow.id],
    );
    if (!row) return (await tx.em.execute<RefundRow[]>('select * from order_refund where id = ?', [refundRow.id]))[0] ?? refundRow;
    await refundSucceeded(tx, row);
    return row;
  });
}

async function paymentMethodOf(ctx: RequestContext<unknown>, orderId: string): Promise<RefundRow['method'] | null> {
  const [order] = await ctx.em.execute<{ payment_method: RefundRow['method'] }[]>('select payment_method from customer_order where id = ?', [orderId]);
  return order?.payment_method ?? null;
}

/**
 * Settles our refund row from Stripe's refund: SUCCEEDED (and its effects, once) or FAILED. Stripe's
 * `pending` leaves it PENDING with the Stripe id noted. Null when there is no such row.
 */
export async function settleRefund(ctx: RequestContext<unknown>, refundId: string, made: Stripe.Refund): Promise<RefundRow | null> {
  if (made.status === 'failed' || made.status === 'canceled') {
    await failRefund(ctx, refundId, made.failure_reason ?? made.status);
    return null;
  }
  return ctx.transaction(async (tx) => {
    const [row] = await tx.em.execute<RefundRow[]>(
      `update order_refund set stripe_refund_id = ?, status = case when ? then 'SUCCEEDED' else status end, updated_at = now()
        where id = ? and status = 'PENDING' returning *`,
      [made.id, made.status === 'succeeded', refundId],
    );
    if (!row) return (await tx.em.execute<RefundRow[]>('select * from order_refund where id = ?', [refundId]))[0] ?? null;
    if (row.status === 'SUCCEEDED') await refundSucceeded(tx, row);
    return row;
  });
}

/** A succeeded refund's effects: history, REFUNDED once nothing is left, and the event. */
export async function refundSucceeded(tx: RequestContext<unknown>, row: RefundRow): Promise<void> {
  const [order] = await tx.em.execute<{ id: string; number: number; status: OrderStatus; customer_id: string | null; email: string | null; captured_minor: number; refunded_minor: number }[]>(
    'select id, number, status, customer_id, email, captured_minor, refunded_minor from customer_order where id = ? for update',
    [row.order_id],
  );
  if (!order) throw new Error(`order ${row.order_id} of refund ${row.id} not found`);
  const [settled] = await tx.em.execute<{ total: number }[]>(
    "select coalesce(sum(amount_minor), 0)::int as total from order_refund where order_id = ? and status = 'SUCCEEDED'",
    [order.id],
  );
  const reason = `Refunded ${row.amount_minor} (${row.currency_code} minor units): ${row.reason}`;
  if (settled!.total === order.captured_minor && canTransition(order.status, 'REFUNDED')) {
    await changeStatus(tx, order, 'REFUNDED', row.actor, reason);
  } else {
    await recordHistory(tx, order.id, order.status, order.status, row.actor, reason);
  }
  await tx.emit(OrderEvent.REFUNDED, {
    orderId: order.id,
    number: order.number,
    customerId: order.customer_id,
    email: order.email,
    refundId: row.id,
    amountMinor: row.amount_minor,
    currencyCode: row.currency_code,
    refundedTotalMinor: settled!.total,
    capturedMinor: order.captured_minor,
    reason: row.reason,
  });
}

async function failRefund(ctx: RequestContext<unknown>, refundId: string, failure: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const [row] = await tx.em.execute<{ order_id: string; amount_minor: number }[]>(
      "update order_refund set status = 'FAILED', failure = ?, updated_at = now() where id = ? and status = 'PENDING' returning order_id, amount_minor",
      [failure.slice(0, 1000), refundId],
    );
    if (row) await tx.em.execute('update customer_order set refunded_minor = refunded_minor - ? where id = ?', [row.amount_minor, row.order_id]);
  });
}

/**
 * `charge.refunded`: every refund Stripe lists for the intent is settled here. Ours (by id or metadata)
 * are settled as above; one made elsewhere (Stripe's dashboard) is recorded as a SUCCEEDED refund of
 * its own, so the order's refunded amount always matches Stripe's.
 */
export async function reconcileRefunds(ctx: RequestContext<unknown>, paymentIntentId: string): Promise<void> {
  const { stripe } = stripeSettings();
  const listed = await stripe!.refunds.list({ payment_intent: paymentIntentId, limit: 100 });
  for (const made of listed.data.reverse()) {
    const [known] = await ctx.em.execute<{ id: string }[]>('select id from order_refund where stripe_refund_id = ? or id::text = ?', [
      made.id,
      made.metadata?.refundId ?? '',
    ]);
    if (known) {
      await settleRefund(ctx, known.id, made);
      continue;
    }
    if (made.status !== 'succeeded') continue;
    await ctx.transaction(async (tx) => {
      const [order] = await tx.em.execute<{ id: string; currency_code: string }[]>(
        'select id, currency_code from customer_order where stripe_payment_intent_id = ? for update',
        [paymentIntentId],
      );
      if (!order) return;
      const [row] = await tx.em.execute<RefundRow[]>(
        `insert into order_refund (id, order_id, amount_minor, currency_code, status, reason, actor, stripe_refund_id)
         values (?, ?, ?, ?, 'SUCCEEDED', ?, 'stripe', ?) on conflict (stripe_refund_id) do nothing returning *`,
        [randomUUID(), order.id, made.amount, order.currency_code, `Refunded in Stripe (${made.id})`, made.id],
      );
      if (!row) return;
      await tx.em.execute('update customer_order set refunded_minor = refunded_minor + ? where id = ?', [made.amount, order.id]);
      await refundSucceeded(tx, row);
    });
  }
}

/** Worker: PENDING refunds whose outcome was never learnt are asked again (same idempotency key). */
export async function retryPendingRefunds(ctx: RequestContext<unknown>): Promise<void> {
  // Till refunds (settled without Stripe) are retried too, when a process died between their steps.
  const rows = await ctx.em.execute<RefundRow[]>(
    `select * from order_refund where status = 'PENDING' and stripe_refund_id is null and updated_at < now() - interval '1 minute'
       and (method <> 'STRIPE' or ?) order by created_at limit 50`,
    [Boolean(stripeSettings().stripe)],
  );
  for (const row of rows) {
    try {
      await sendRefund(ctx, row);
    } catch (error) {
      if (!(error instanceof DomainError)) ctx.log.error({ err: error, refundId: row.id }, 'pending refund retry failed');
    }
  }
}

/**
 * Sends a refund decided together with another change (a cancellation, a received return) that has
 * committed: a refusal by Stripe leaves the refund FAILED, visible on the order, without undoing it.
 */
export async function sendRefundReporting(ctx: RequestContext<unknown>, row: RefundRow): Promise<void> {
  try {
    await sendRefund(ctx, row);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}
