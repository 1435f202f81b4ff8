import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { sendJson, type RequestContext, type Route } from '#kit';
import { stripeSettings } from '../stripe.ts';
import { emitCancelled, cancelIntentQuietly } from './order-cancel.service.ts';
import { OrderEvent, orderSummary, readOrderWithLines } from './order-events.ts';
import { canTransition, type OrderStatus } from './order-state-machine.ts';
import { changeStatus, recordHistory } from './order-status.service.ts';
import { reconcileRefunds, reserveRefund, sendRefund, type RefundRow } from './refund.service.ts';
import { countryFinding, recordRisk, storedFindings } from './risk.service.ts';

const MAX_BODY_BYTES = 1024 * 1024;
const ACTOR = 'stripe';

/**
 * `POST /webhooks/stripe`. The signature is checked on the raw bytes with STRIPE_WEBHOOK_SECRET before
 * anything is read; an unsigned, forged, stale or malformed delivery answers 400 and changes nothing.
 * A verified event is applied once (applyStripeEvent); a failure answers 500, so Stripe delivers again.
 */
export function stripeWebhookRoute(deps: { log: Logger; context(): RequestContext<unknown> }): Route {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendJson(res, 405, { error: 'Method not allowed' });
    }
    const { stripe, config } = stripeSettings();
    if (!stripe || !config) return sendJson(res, 503, { error: 'Payments are not configured' });
    const body = await readRawBody(req);
    if (!body) return sendJson(res, 413, { error: 'Body too large' });
    const signature = req.headers['stripe-signature'];
    if (typeof signature !== 'string') return sendJson(res, 400, { error: 'Missing Stripe-Signature' });
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(body, signature, config.webhookSecret);
    } catch {
      return sendJson(res, 400, { error: 'Invalid signature' });
    }
    try {
      await applyStripeEvent(deps.context(), event);
      sendJson(res, 200, { received: true });
    } catch (error) {
      deps.log.error({ err: error, eventId: event.id, type: event.type }, 'stripe webhook: not applied; Stripe will retry');
      sendJson(res, 500, { error: 'Not applied' });
    }
  };
}

async function readRawBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Thrown when an event names an order this service has not committed yet: 500, so Stripe retries. */
class OrderNotYetKnown extends Error {}

const INTENT_EVENTS = new Set(['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled']);

/** What to do once the event's transaction committed (calls to Stripe never run inside it). */
interface FollowUp {
  cancelIntent?: string;
  refund?: RefundRow;
}

/**
 * Applies one verified event, exactly once: its id goes into `stripe_event` in the same transaction as
 * its effect, first, so a concurrent duplicate waits on the primary key and then finds it applied, and a
 * later one (in any order) changes nothing. Effects go through the state machine; what it refuses (an
 * old event arriving after a newer one) is recorded as a history note, not applied.
 *
 * - `payment_intent.succeeded`: PAID, the captured amount recorded, the billing country checked against
 *   the shipping country (risk), `orders.order.paid`. On an order already cancelled (it expired, or
 *   staff cancelled it, while the buyer paid) the money goes back: a full refund.
 * - `payment_intent.payment_failed` / `.canceled`: CANCELLED, `orders.order.cancelled` (inventory
 *   releases the stock); after a failure the intent is cancelled too, so it cannot succeed later. The
 *   buyer checks the cart out again.
 * - `charge.refunded`: every refund of the intent recorded (refund.service.ts reconcileRefunds).
 */
export async function applyStripeEvent(ctx: RequestContext<unknown>, event: Stripe.Event): Promise<void> {
  const intent = event.type.startsWith('payment_intent.') ? (event.data.object as Stripe.PaymentIntent) : null;
  if (event.type === 'charge.refunded') {
    // Idempotent on its own (each refund settles once), so it runs before the event is recorded.
    const charge = event.data.object as Stripe.Charge;
    const intentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
    if (intentId) await reconcileRefunds(ctx, intentId);
  }
  const billingCountry = event.type === 'payment_intent.succeeded' && intent ? await billingCountryOf(ctx, intent) : null;
  // A failure delivered late, after the buyer paid with another card, must not cancel the order.
  const payingNow = event.type === 'payment_intent.payment_failed' && intent ? await stillPaying(intent.id) : false;

  const followUp = await ctx.transaction(async (tx): Promise<FollowUp> => {
    const fresh = await tx.em.execute<{ id: string }[]>(
      'insert into stripe_event (id, type, payment_intent_id) values (?, ?, ?) on conflict do nothing returning id',
      [event.id, event.type, intent?.id ?? null],
    );
    if (fresh.length === 0 || !intent || !INTENT_EVENTS.has(event.type)) return {};

    const [order] = await tx.em.execute<{ id: string; status: OrderStatus; shipping_country: string | null }[]>(
      "select id, status, shipping_address->>'countryCode' as shipping_country from customer_order where stripe_payment_intent_id = ? for update",
      [intent.id],
    );
    if (!order) {
      // A success for an order of ours must not be lost: its checkout may not have committed yet. Anything
      // else without an order (an intent cancelled by a checkout's compensation, another system's) is only recorded.
      if (event.type === 'payment_intent.succeeded' && intent.metadata?.orderId) throw new OrderNotYetKnown(`order ${intent.metadata.orderId} not found`);
      tx.log.info({ eventId: event.id, intentId: intent.id }, 'stripe webhook: no order for this PaymentIntent');
      return {};
    }
    const note = async (text: string) => {
      await recordHistory(tx, order.id, order.status, order.status, ACTOR, `${text} (${event.id})`);
      return {};
    };
    switch (event.type) {
      case 'payment_intent.succeeded': {
        await tx.em.execute('update customer_order set captured_minor = ? where id = ?', [intent.amount_received, order.id]);
        if (order.status === 'CANCELLED') {
          await note('Payment succeeded after the order was cancelled; refunding it');
          return { refund: await reserveRefund(tx, { orderId: order.id, amountMinor: null, reason: 'Paid after the order was cancelled', actor: ACTOR }) };
        }
        if (!canTransition(order.status, 'PAID')) return note(`Payment succeeded while the order was ${order.status}; not applied`);
        await changeStatus(tx, order, 'PAID', ACTOR, `Payment succeeded (${event.id})`);
        const finding = countryFinding(billingCountry, order.shipping_country);
        if (finding) await recordRisk(tx, order.id, [...(await storedFindings(tx, order.id)), finding]);
        const { order: summary, lines } = await readOrderWithLines(tx, order.id);
        await tx.emit(OrderEvent.PAID, orderSummary(summary, lines));
        return {};
      }
      case 'payment_intent.payment_failed':
      case 'payment_intent.canceled': {
        const failed = event.type === 'payment_intent.payment_failed';
        const why = failed ? `Payment failed: ${intent.last_payment_error?.message ?? 'no reason given'}` : 'PaymentIntent canceled';
        if (payingNow) return note(`${why}, but the intent has since been paid or is processing; not applied`);
        // Only an unpaid order is cancelled by its payment: a paid one (an old event arriving late) is not.
        if (order.status !== 'PENDING_PAYMENT') return note(`${why} while the order was ${order.status}; not applied`);
        await changeStatus(tx, order, 'CANCELLED', ACTOR, `${why} (${event.id})`);
        await emitCancelled(tx, order.id, why, false);
        return failed ? { cancelIntent: intent.id } : {};
      }
    }
    return {};
  });

  if (followUp.cancelIntent) await cancelIntentQuietly(ctx, followUp.cancelIntent);
  if (followUp.refund) await sendRefund(ctx, followUp.refund);
}

/**
 * Whether the intent, as Stripe has it now, succeeded or is processing. If Stripe cannot be asked, the
 * error answers 500 and Stripe delivers the event again later.
 */
async function stillPaying(intentId: string): Promise<boolean> {
  const current = await stripeSettings().stripe!.paymentIntents.retrieve(intentId);
  return current.status === 'succeeded' || current.status === 'processing';
}

/** The payment's billing country, from the intent's charge; null when Stripe does not say. */
async function billingCountryOf(ctx: RequestContext<unknown>, intent: Stripe.PaymentIntent): Promise<string | null> {
  const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
  if (!chargeId) return null;
  try {
    const charge = await stripeSettings().stripe!.charges.retrieve(chargeId);
    // The billing address when the buyer gave one, else the country the card was issued in.
    return charge.billing_details?.address?.country ?? charge.payment_method_details?.card?.country ?? null;
  } catch (error) {
    ctx.log.warn({ err: error, chargeId }, 'stripe webhook: charge not retrieved; card country unchecked');
    return null;
  }
}
