import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { failure, startLocalStripe } from './support.ts';

let env: Awaited<ReturnType<typeof startLocalStripe>>;
beforeAll(async () => {
  env = await startLocalStripe();
});
afterAll(() => env.close());

async function paidIntent(amount: number, currency = 'usd') {
  const intent = await env.stripe.paymentIntents.create({ amount, currency });
  return env.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
}

describe('refunds through the real SDK', () => {
  it('refunds part, then the rest; the charge counts what was refunded', async () => {
    const intent = await paidIntent(2599);
    const part = await env.stripe.refunds.create({ payment_intent: intent.id, amount: 1000, reason: 'requested_by_customer', metadata: { orderId: 'ord_9' } });
    expect(part).toMatchObject({
      object: 'refund',
      amount: 1000,
      currency: 'usd',
      status: 'succeeded',
      payment_intent: intent.id,
      charge: intent.latest_charge,
      reason: 'requested_by_customer',
      metadata: { orderId: 'ord_9' },
    });
    expect(part.id).toMatch(/^re_\w{24}$/);
    expect(await env.stripe.refunds.retrieve(part.id)).toEqual(part);
    expect(await env.stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({ amount_refunded: 1000, refunded: false });

    // No amount: whatever is left.
    const rest = await env.stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(1599);
    expect(await env.stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({ amount_captured: 2599, amount_refunded: 2599, refunded: true });
    // A refund does not change what the intent received.
    expect((await env.stripe.paymentIntents.retrieve(intent.id)).amount_received).toBe(2599);
  });

  it('never refunds more than was captured minus refunded, with Stripe’s error', async () => {
    const intent = await paidIntent(2599);
    await env.stripe.refunds.create({ payment_intent: intent.id, amount: 1000 });
    const over = await failure(env.stripe.refunds.create({ payment_intent: intent.id, amount: 1600 }));
    expect(over).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(over).toMatchObject({
      statusCode: 400,
      rawType: 'invalid_request_error',
      param: 'amount',
      message: 'Refund amount ($16.00) is greater than unrefunded amount on charge ($15.99)',
    });
    expect(over.code).toBeUndefined();

    await env.stripe.refunds.create({ payment_intent: intent.id, amount: 1599 });
    const again = await failure(env.stripe.refunds.create({ payment_intent: intent.id, amount: 1 }));
    expect(again).toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
    expect(await env.stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({ amount_refunded: 2599 });
  });

  it('formats the currency in the message and keeps zero-decimal amounts whole', async () => {
    const intent = await paidIntent(500, 'jpy');
    const over = await failure(env.stripe.refunds.create({ payment_intent: intent.id, amount: 501 }));
    expect(over.message).toBe('Refund amount (¥501) is greater than unrefunded amount on charge (¥500)');
  });

  it('lets concurrent refunds together take no more than was captured', async () => {
    const intent = await paidIntent(2500);
    const results = await Promise.allSettled([1000, 1000, 1000].map((amount) => env.stripe.refunds.create({ payment_intent: intent.id, amount })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(2);
    expect(await env.stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({ amount_refunded: 2000 });
  });

  it('refuses to refund an intent that has no successful charge, and unknown ones', async () => {
    const unpaid = await env.stripe.paymentIntents.create({ amount: 1000, currency: 'usd' });
    const error = await failure(env.stripe.refunds.create({ payment_intent: unpaid.id }));
    expect(error).toMatchObject({ statusCode: 400, param: 'payment_intent' });
    expect(error.message).toMatch(/does not have a successful charge to refund/);
    expect(await failure(env.stripe.refunds.create({ payment_intent: 'pi_missing' }))).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'payment_intent' });
    expect(await failure(env.stripe.refunds.create({ amount: 100 }))).toMatchObject({ statusCode: 400 });
    expect(await failure(env.stripe.refunds.create({ payment_intent: unpaid.id, amount: 0 }))).toMatchObject({ statusCode: 400 });
  });

  it('refunds by charge id too, and expands what a refund names', async () => {
    const intent = await paidIntent(1200);
    const refund = await env.stripe.refunds.create({ charge: intent.latest_charge as string, amount: 200, expand: ['payment_intent', 'charge'] });
    expect(refund.payment_intent).toMatchObject({ id: intent.id, object: 'payment_intent' });
    expect(refund.charge).toMatchObject({ id: intent.latest_charge, amount_refunded: 200 });
  });
});
