import { afterEach, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { STRIPE_LOCAL_API_VERSION } from '../src/server.ts';
import { failure, startLocalStripe, WEBHOOK_SECRET, type Received } from './support.ts';

let env: Awaited<ReturnType<typeof startLocalStripe>>;
afterEach(() => env.close());

/** What the orders service will do with a delivery: verify it with the SDK, from the raw body. */
const verify = (delivery: Received, secret = WEBHOOK_SECRET) =>
  Stripe.webhooks.constructEvent(delivery.body, delivery.headers['stripe-signature'] as string, secret);

async function until<T>(read: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('events and signed webhooks', () => {
  it('records an event for every change, in order, carrying the object as it was then', async () => {
    env = await startLocalStripe();
    const intent = await env.stripe.paymentIntents.create({ amount: 2000, currency: 'usd', metadata: { orderId: 'ord_7' } });
    await env.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    await env.stripe.refunds.create({ payment_intent: intent.id, amount: 500 });
    const events = env.local.events();
    expect(events.map((event) => event.type)).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded', 'refund.created', 'charge.refunded']);
    for (const event of events) {
      expect(event).toMatchObject({ object: 'event', livemode: false, api_version: Stripe.API_VERSION, pending_webhooks: 1 });
      expect(event.id).toMatch(/^evt_\w{24}$/);
      expect(event.request?.id).toMatch(/^req_/);
    }
    expect(events[0]!.data.object).toMatchObject({ id: intent.id, status: 'requires_payment_method' });
    expect(events[2]!.data.object).toMatchObject({ id: intent.id, status: 'succeeded', amount_received: 2000, metadata: { orderId: 'ord_7' } });
    expect(events[4]!.data.object).toMatchObject({ object: 'charge', amount_refunded: 500, payment_intent: intent.id });
    // Stripe's Events API serves the same objects.
    expect(await env.stripe.events.retrieve(events[2]!.id)).toMatchObject({ id: events[2]!.id, type: 'payment_intent.succeeded' });
    expect(STRIPE_LOCAL_API_VERSION).toBe(Stripe.API_VERSION);
  });

  it('signs deliveries so that stripe.webhooks.constructEvent accepts them, and nothing else', async () => {
    env = await startLocalStripe();
    const intent = await env.stripe.paymentIntents.create({ amount: 2000, currency: 'usd' });
    const { status, body } = await env.localPost(`/_local/payment_intents/${intent.id}/succeed`);
    expect(status).toBe(200);
    expect(body.delivery).toMatchObject({ status: 200, ok: true });
    expect(body.payment_intent).toMatchObject({ id: intent.id, status: 'succeeded' });

    const [delivery] = env.receiver.received;
    expect(delivery!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(delivery!.headers['stripe-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const event = verify(delivery!);
    expect(event).toMatchObject({ id: body.event.id, type: 'payment_intent.succeeded', data: { object: { id: intent.id, status: 'succeeded' } } });

    const tampered = { ...delivery!, body: delivery!.body.replace('"amount": 2000', '"amount": 1') };
    expect(tampered.body).not.toBe(delivery!.body);
    expect(() => verify(tampered)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => verify(delivery!, 'whsec_someone_else')).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('delivers any event again, out of order and concurrently, each attempt signed afresh', async () => {
    env = await startLocalStripe();
    const intent = await env.stripe.paymentIntents.create({ amount: 2000, currency: 'usd' });
    await env.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    const [created, , succeeded] = env.local.events();

    // Newest first, then the older one, then the newest twice more at once.
    expect((await env.localPost(`/_local/events/${succeeded!.id}/deliver`)).body).toMatchObject({ eventId: succeeded!.id, status: 200, ok: true });
    await env.localPost(`/_local/events/${created!.id}/deliver`);
    await Promise.all([env.local.deliver(succeeded!.id), env.localPost(`/_local/events/${succeeded!.id}/deliver`)]);

    const received = env.receiver.received.map((delivery) => verify(delivery));
    expect(received.map((event) => event.id)).toEqual([succeeded!.id, created!.id, succeeded!.id, succeeded!.id]);
    // A redelivery is the same event, byte for byte: only the signature's timestamp may differ.
    const bodies = env.receiver.received.filter((_, i) => received[i]!.id === succeeded!.id).map((delivery) => delivery.body);
    expect(new Set(bodies).size).toBe(1);
    // The late `created` still shows the intent as it was when it was created.
    expect(received[1]!.data.object).toMatchObject({ status: 'requires_payment_method' });
    expect(env.local.deliveries(succeeded!.id)).toHaveLength(3);
  });

  it('reports what the endpoint answered, and /_local refuses unknown events', async () => {
    env = await startLocalStripe();
    env.receiver.status = () => 400;
    const intent = await env.stripe.paymentIntents.create({ amount: 2000, currency: 'usd' });
    const { body } = await env.localPost(`/_local/payment_intents/${intent.id}/succeed`);
    expect(body.delivery).toMatchObject({ status: 400, ok: false });
    expect(await env.localPost('/_local/events/evt_nope/deliver')).toMatchObject({ status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing' } } });
    // Already succeeded: the route passes Stripe's own refusal on.
    expect(await env.localPost(`/_local/payment_intents/${intent.id}/succeed`)).toMatchObject({ status: 400, body: { error: { code: 'payment_intent_unexpected_state' } } });
  });

  it('fails an intent on demand and delivers payment_intent.payment_failed', async () => {
    env = await startLocalStripe();
    const intent = await env.stripe.paymentIntents.create({ amount: 2000, currency: 'usd' });
    const { status, body } = await env.localPost(`/_local/payment_intents/${intent.id}/fail?payment_method=pm_card_chargeDeclinedInsufficientFunds`);
    expect(status).toBe(200);
    const event = verify(env.receiver.received[0]!);
    expect(event).toMatchObject({ id: body.event.id, type: 'payment_intent.payment_failed' });
    expect(event.data.object).toMatchObject({ id: intent.id, status: 'requires_payment_method', last_payment_error: { decline_code: 'insufficient_funds' } });
  });

  it('delivers every event as it happens with autoDeliver, in order, and retries a failed one', async () => {
    env = await startLocalStripe({ autoDeliver: true, retryDelaysMs: [20, 20] });
    let failuresLeft = 1;
    env.receiver.status = (body) => (body.includes('"payment_intent.canceled"') && failuresLeft-- > 0 ? 503 : 200);
    const paid = await env.stripe.paymentIntents.create({ amount: 2000, currency: 'usd' });
    await env.stripe.paymentIntents.confirm(paid.id, { payment_method: 'pm_card_visa' });
    const abandoned = await env.stripe.paymentIntents.create({ amount: 900, currency: 'usd' });
    await env.stripe.paymentIntents.cancel(abandoned.id);

    const types = await until(() => {
      const received = env.receiver.received.map((delivery) => verify(delivery).type);
      return received.length === 6 ? received : undefined;
    });
    // Five events in the order they happened, then the retry of the one refused with a 503.
    expect(types).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded', 'payment_intent.created', 'payment_intent.canceled', 'payment_intent.canceled']);
    const canceled = env.local.events({ type: 'payment_intent.canceled' })[0]!;
    // The endpoint saw the retry; its answer is recorded a moment later.
    const attempts = await until(() => (env.local.deliveries(canceled.id).length === 2 ? env.local.deliveries(canceled.id) : undefined));
    expect(attempts.map((delivery) => delivery.status)).toEqual([503, 200]);
  });

  it('under autoDeliver, /_local/.../succeed waits for that delivery instead of sending a second', async () => {
    env = await startLocalStripe({ autoDeliver: true });
    const intent = await env.stripe.paymentIntents.create({ amount: 2000, currency: 'usd' });
    const { body } = await env.localPost(`/_local/payment_intents/${intent.id}/succeed`);
    expect(body.delivery).toMatchObject({ ok: true });
    await until(() => (env.receiver.received.length === 3 ? true : undefined));
    expect(env.local.deliveries(body.event.id)).toHaveLength(1);
  });

  it('sends nothing without a webhook URL, until one is set', async () => {
    env = await startLocalStripe({ webhookUrl: undefined });
    const intent = await env.stripe.paymentIntents.create({ amount: 2000, currency: 'usd' });
    const { body } = await env.localPost(`/_local/payment_intents/${intent.id}/succeed`);
    expect(body.delivery).toBeNull();
    expect((await env.localPost(`/_local/events/${body.event.id}/deliver`)).status).toBe(400);
    expect(await failure(env.local.deliver(body.event.id))).toBeInstanceOf(Error);

    env.local.setWebhookUrl(env.receiver.url);
    expect(await env.local.deliver(body.event.id)).toMatchObject({ ok: true });
    expect(verify(env.receiver.received[0]!).id).toBe(body.event.id);
  });
});
