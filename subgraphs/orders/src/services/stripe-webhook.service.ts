import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { sendJson, type RequestContext, type Route } from '#kit';
import { stripeSettings } from '../stripe.ts';
import type { OrderStatus } from './order-state-machine.ts';
import { canTransition } from './order-state-machine.ts';
import { changeStatus, recordHistory } from './order-status.service.ts';

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

/**
 * Applies one verified event, exactly once: its id goes into `stripe_event` in the same transaction as
 * its effect, first, so a concurrent duplicate waits on the primary key and then finds it applied, and a
 * later one (in any order) changes nothing. Effects go through the state machine; what it refuses (an
 * old event arriving after a newer one) is recorded as a history note, not applied.
 */
export async function applyStripeEvent(ctx: RequestContext<unknown>, event: Stripe.Event): Promise<void> {
  await ctx.transaction(async (tx) => {
    const intent = event.type.startsWith('payment_intent.') ? (event.data.object as Stripe.PaymentIntent) : null;
    const fresh = await tx.em.execute<{ id: string }[]>(
      'insert into stripe_event (id, type, payment_intent_id) values (?, ?, ?) on conflict do nothing returning id',
      [event.id, event.type, intent?.id ?? null],
    );
    if (fresh.length === 0 || !intent) return;
    if (!['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled'].includes(event.type)) return;

    const [order] = await tx.em.execute<{ id: string; status: OrderStatus }[]>(
      'select id, status from customer_order where stripe_payment_intent_id = ? for update',
      [intent.id],
    );
    if (!order) {
      // A success for an order of ours must not be lost: its checkout may not have committed yet. Anything
      // else without an order (an intent cancelled by a checkout's compensation, another system's) is only recorded.
      if (event.type === 'payment_intent.succeeded' && intent.metadata?.orderId) throw new OrderNotYetKnown(`order ${intent.metadata.orderId} not found`);
      tx.log.info({ eventId: event.id, intentId: intent.id }, 'stripe webhook: no order for this PaymentIntent');
      return;
    }

    const note = (text: string) => recordHistory(tx, order.id, order.status, order.status, ACTOR, `${text} (${event.id})`);
    switch (event.type) {
      case 'payment_intent.succeeded':
        if (!canTransition(order.status, 'PAID')) return note(`Payment succeeded while the order was ${order.status}; not applied`);
        await changeStatus(tx, order, 'PAID', ACTOR, `Payment succeeded (${event.id})`);
        await tx.emit('orders.order.paid', { orderId: order.id });
        return;
      case 'payment_intent.payment_failed':
        // The buyer may try another card on the same intent: the order stays PENDING_PAYMENT.
        return note(`Payment failed: ${intent.last_payment_error?.message ?? 'no reason given'}`);
      case 'payment_intent.canceled':
        if (!canTransition(order.status, 'CANCELLED')) return note(`PaymentIntent canceled while the order was ${order.status}; not applied`);
        await changeStatus(tx, order, 'CANCELLED', ACTOR, `PaymentIntent canceled (${event.id})`);
        await tx.emit('orders.order.cancelled', { orderId: order.id });
        return;
    }
  });
}
