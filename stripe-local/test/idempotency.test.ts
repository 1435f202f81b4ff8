import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { failure, startLocalStripe } from './support.ts';

let env: Awaited<ReturnType<typeof startLocalStripe>>;
beforeAll(async () => {
  env = await startLocalStripe();
});
afterAll(() => env.close());

const params = { amount: 3100, currency: 'usd', metadata: { orderId: 'ord_42' } };

describe('Idempotency-Key, as Stripe honours it', () => {
  it('makes one intent of ten concurrent creates with the same key and parameters', async () => {
    const idempotencyKey = `checkout-${randomUUID()}`;
    const intents = await Promise.all(Array.from({ length: 10 }, () => env.stripe.paymentIntents.create(params, { idempotencyKey })));
    expect(new Set(intents.map((intent) => intent.id)).size).toBe(1);
    expect(new Set(intents.map((intent) => intent.client_secret)).size).toBe(1);
    expect(env.local.events({ type: 'payment_intent.created', object: intents[0]!.id })).toHaveLength(1);
    // Replays say so, and name the request that made the object.
    const replays = intents.filter((intent) => intent.lastResponse.headers['idempotent-replayed'] === 'true');
    expect(replays).toHaveLength(9);
    expect(replays.every((intent) => intent.lastResponse.headers['original-request'] === intents.find((i) => !replays.includes(i))!.lastResponse.requestId)).toBe(true);
  });

  it('replays later too, whatever order the fields are sent in', async () => {
    const idempotencyKey = randomUUID();
    const first = await env.stripe.paymentIntents.create(params, { idempotencyKey });
    const second = await env.stripe.paymentIntents.create({ metadata: { orderId: 'ord_42' }, currency: 'usd', amount: 3100 }, { idempotencyKey });
    expect(second.id).toBe(first.id);
  });

  it('refuses the same key with other parameters, or on another endpoint: idempotency_error', async () => {
    const idempotencyKey = randomUUID();
    const first = await env.stripe.paymentIntents.create(params, { idempotencyKey });
    const changed = await failure(env.stripe.paymentIntents.create({ ...params, amount: 3200 }, { idempotencyKey }));
    expect(changed).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(changed).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });
    expect(changed.message).toMatch(/^Keys for idempotent requests can only be used with the same parameters/);

    const elsewhere = await failure(env.stripe.paymentIntents.cancel(first.id, {}, { idempotencyKey }));
    expect(elsewhere).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect((await env.stripe.paymentIntents.retrieve(first.id)).status).toBe('requires_payment_method');
  });

  it('replays a confirmation and a refund instead of repeating them', async () => {
    const intent = await env.stripe.paymentIntents.create(params);
    const confirmKey = randomUUID();
    const [a, b] = await Promise.all([
      env.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }, { idempotencyKey: confirmKey }),
      env.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }, { idempotencyKey: confirmKey }),
    ]);
    expect(a.latest_charge).toBe(b.latest_charge);
    expect(env.local.events({ type: 'payment_intent.succeeded', object: intent.id })).toHaveLength(1);

    const refundKey = randomUUID();
    const refunds = await Promise.all([1, 2, 3].map(() => env.stripe.refunds.create({ payment_intent: intent.id, amount: 1000 }, { idempotencyKey: refundKey })));
    expect(new Set(refunds.map((refund) => refund.id)).size).toBe(1);
    expect((await env.stripe.charges.retrieve(a.latest_charge as string)).amount_refunded).toBe(1000);
  });

  it('saves a decline (same key, same 402) but not a refusal of the parameters', async () => {
    const intent = await env.stripe.paymentIntents.create(params);
    const key = randomUUID();
    const first = await failure(env.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }, { idempotencyKey: key }));
    const second = await failure(env.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }, { idempotencyKey: key }));
    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(second.raw.charge).toBe(first.raw.charge);
    expect(env.local.events({ type: 'payment_intent.payment_failed', object: intent.id })).toHaveLength(1);

    const retryKey = randomUUID();
    await failure(env.stripe.paymentIntents.create({ amount: 10, currency: 'usd' }, { idempotencyKey: retryKey }));
    const corrected = await env.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }, { idempotencyKey: retryKey });
    expect(corrected.amount).toBe(1000);
  });

  it('echoes the key the SDK sends with every POST, which it reuses for its own retries', async () => {
    const intent = await env.stripe.paymentIntents.create(params);
    expect(intent.lastResponse.idempotencyKey).toMatch(/^stripe-node-retry-/);
  });
});
