import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { createStripe } from '#kit/payments/stripe-client.ts';
import { failure, startLocalStripe } from './support.ts';

let env: Awaited<ReturnType<typeof startLocalStripe>>;
beforeAll(async () => {
  env = await startLocalStripe();
});
afterAll(() => env.close());

describe('PaymentIntents through the real SDK', () => {
  it('creates an intent shaped like Stripe’s, and retrieves it', async () => {
    const created = await env.stripe.paymentIntents.create({
      amount: 2599,
      currency: 'USD',
      description: 'Order #1001',
      metadata: { orderId: 'ord_1', cartId: 'cart_1' },
      automatic_payment_methods: { enabled: true },
    });
    expect(created).toMatchObject({
      object: 'payment_intent',
      amount: 2599,
      currency: 'usd',
      status: 'requires_payment_method',
      description: 'Order #1001',
      metadata: { orderId: 'ord_1', cartId: 'cart_1' },
      amount_received: 0,
      latest_charge: null,
      capture_method: 'automatic_async',
      automatic_payment_methods: { enabled: true },
      livemode: false,
    });
    expect(created.id).toMatch(/^pi_\w{24}$/);
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_\\w+$`));
    expect(Number.isInteger(created.created)).toBe(true);
    expect(created.lastResponse.requestId).toMatch(/^req_/);

    const retrieved = await env.stripe.paymentIntents.retrieve(created.id);
    expect(retrieved).toEqual(created);
  });

  it('takes allowed_payment_method_types and capture_method=automatic as given', async () => {
    const intent = await env.stripe.paymentIntents.create({
      amount: 500,
      currency: 'eur',
      allowed_payment_method_types: ['card'],
      automatic_payment_methods: { enabled: false },
      capture_method: 'automatic',
    });
    expect(intent).toMatchObject({ allowed_payment_method_types: ['card'], payment_method_types: ['card'], automatic_payment_methods: null, capture_method: 'automatic' });

    // A card cannot pay an intent that allows only something else.
    const bankOnly = await env.stripe.paymentIntents.create({ amount: 500, currency: 'usd', allowed_payment_method_types: ['us_bank_account'] });
    const error = await failure(env.stripe.paymentIntents.confirm(bankOnly.id, { payment_method: 'pm_card_visa' }));
    expect(error).toMatchObject({ statusCode: 400, code: 'payment_intent_incompatible_payment_method' });
  });

  it('confirms with pm_card_visa: succeeded, the whole amount received, one succeeded charge', async () => {
    const intent = await env.stripe.paymentIntents.create({ amount: 4200, currency: 'usd' });
    const confirmed = await env.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa', expand: ['latest_charge'] });
    expect(confirmed).toMatchObject({ status: 'succeeded', amount_received: 4200, last_payment_error: null });
    expect(confirmed.payment_method).toMatch(/^pm_\w{24}$/);
    const charge = confirmed.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({
      object: 'charge',
      amount: 4200,
      amount_captured: 4200,
      amount_refunded: 0,
      captured: true,
      paid: true,
      status: 'succeeded',
      payment_intent: intent.id,
      payment_method_details: { type: 'card', card: { brand: 'visa', last4: '4242' } },
    });
    expect(charge.id).toMatch(/^ch_/);
    expect(await env.stripe.charges.retrieve(charge.id)).toEqual(charge);
    const again = await env.stripe.paymentIntents.retrieve(intent.id);
    expect(again.latest_charge).toBe(charge.id);
  });

  it('declines pm_card_chargeDeclined with a 402 card error; the intent waits for another payment method', async () => {
    const intent = await env.stripe.paymentIntents.create({ amount: 1500, currency: 'usd' });
    const error = await failure(env.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' });
    expect(error.payment_intent).toMatchObject({ id: intent.id, status: 'requires_payment_method' });

    const declined = await env.stripe.paymentIntents.retrieve(intent.id);
    expect(declined).toMatchObject({
      status: 'requires_payment_method',
      amount_received: 0,
      payment_method: null,
      last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', charge: error.raw.charge },
    });
    expect((await env.stripe.charges.retrieve(error.raw.charge)).status).toBe('failed');

    // The customer tries another card: the same intent succeeds.
    const retried = await env.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_mastercard' });
    expect(retried).toMatchObject({ status: 'succeeded', amount_received: 1500, last_payment_error: null });
  });

  it('cancels an unpaid intent, and refuses to cancel a paid one or confirm a canceled one', async () => {
    const intent = await env.stripe.paymentIntents.create({ amount: 990, currency: 'usd' });
    const canceled = await env.stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(typeof canceled.canceled_at).toBe('number');

    const confirmCanceled = await failure(env.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }));
    expect(confirmCanceled).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(confirmCanceled).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });

    const paid = await env.stripe.paymentIntents.create({ amount: 990, currency: 'usd' });
    await env.stripe.paymentIntents.confirm(paid.id, { payment_method: 'pm_card_visa' });
    const cancelPaid = await failure(env.stripe.paymentIntents.cancel(paid.id));
    expect(cancelPaid).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', code: 'payment_intent_unexpected_state' });
    expect(cancelPaid.message).toMatch(/because it has a status of succeeded/);
    expect(cancelPaid.payment_intent).toMatchObject({ id: paid.id, status: 'succeeded' });

    const confirmTwice = await failure(env.stripe.paymentIntents.confirm(paid.id, { payment_method: 'pm_card_visa' }));
    expect(confirmTwice).toMatchObject({ code: 'payment_intent_unexpected_state' });
  });

  it('answers unknown ids with 404 resource_missing', async () => {
    const error = await failure(env.stripe.paymentIntents.retrieve('pi_doesnotexist'));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'intent', message: "No such payment_intent: 'pi_doesnotexist'" });
    expect(await failure(env.stripe.paymentIntents.confirm('pi_nope', { payment_method: 'pm_card_visa' }))).toMatchObject({ statusCode: 404 });
    expect(await failure(env.stripe.refunds.retrieve('re_nope'))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('refuses bad parameters as Stripe does', async () => {
    const cases: Array<[Stripe.PaymentIntentCreateParams, Record<string, unknown>]> = [
      [{ currency: 'usd' } as Stripe.PaymentIntentCreateParams, { code: 'parameter_missing', param: 'amount' }],
      [{ amount: 1000 } as Stripe.PaymentIntentCreateParams, { code: 'parameter_missing', param: 'currency' }],
      [{ amount: 10.5, currency: 'usd' }, { code: 'parameter_invalid_integer', param: 'amount' }],
      [{ amount: 49, currency: 'usd' }, { code: 'amount_too_small', param: 'amount', message: 'Amount must be at least $0.50 usd' }],
      [{ amount: 100_000_000, currency: 'usd' }, { code: 'amount_too_large', param: 'amount' }],
      [{ amount: 1000, currency: 'zzz' }, { param: 'currency' }],
      [{ amount: 1000, currency: 'usd', colour: 'red' } as Stripe.PaymentIntentCreateParams, { code: 'parameter_unknown', param: 'colour' }],
      [
        { amount: 1000, currency: 'usd', automatic_payment_methods: { enabled: true, extra: 1 } } as Stripe.PaymentIntentCreateParams,
        { code: 'parameter_unknown', param: 'automatic_payment_methods[extra]' },
      ],
      // Removed from requests in API version 2026-09-30.endive (allowed_payment_method_types replaces it).
      [{ amount: 1000, currency: 'usd', payment_method_types: ['card'] } as Stripe.PaymentIntentCreateParams, { code: 'parameter_unknown', param: 'payment_method_types' }],
    ];
    for (const [params, expected] of cases) {
      const error = await failure(env.stripe.paymentIntents.create(params));
      expect(error, JSON.stringify(params)).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error, JSON.stringify(params)).toMatchObject({ statusCode: 400, rawType: 'invalid_request_error', ...expected });
    }
    const unknownCard = await failure(
      env.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }).then((intent) => env.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_nonsense' })),
    );
    expect(unknownCard).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'payment_method' });
  });

  it('refuses requests without a key (401) and with a key that is not a test secret key', async () => {
    // The SDK insists on a key, so an authenticator that adds none stands for a request without one.
    const anonymous = new Stripe('', { authenticator: async () => {}, host: new URL(env.local.url).hostname, port: new URL(env.local.url).port, protocol: 'http', maxNetworkRetries: 0 });
    const missing = await failure(anonymous.paymentIntents.create({ amount: 1000, currency: 'usd' }));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(missing).toMatchObject({ statusCode: 401, type: 'StripeAuthenticationError', rawType: 'invalid_request_error' });
    expect(missing.message).toMatch(/^You did not provide an API key/);

    const live = createStripe({ secretKey: 'sk_live_0123456789abcdef', apiUrl: env.local.url, maxNetworkRetries: 0 });
    const invalid = await failure(live.paymentIntents.retrieve('pi_any'));
    expect(invalid).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(invalid.message).toBe('Invalid API Key provided: sk_live_************cdef');
  });

  it('answers calls it does not implement with Stripe’s unrecognized-URL error', async () => {
    const error = await failure(env.stripe.customers.create({ email: 'a@example.com' }));
    expect(error).toMatchObject({ statusCode: 404, rawType: 'invalid_request_error' });
    expect(error.message).toMatch(/^Unrecognized request URL \(POST: \/v1\/customers\)/);
  });
});
