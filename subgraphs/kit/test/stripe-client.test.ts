import { describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { createStripe, readStripeConfig } from '#kit/payments/stripe-client.ts';

const KEY = 'sk_test_51Abc';
const SECRET = 'whsec_abc';

describe('readStripeConfig', () => {
  it('without a key outside production: null, so the caller starts the local Stripe-compatible server', () => {
    expect(readStripeConfig({ NODE_ENV: 'development' })).toBeNull();
    expect(readStripeConfig({ NODE_ENV: 'test', STRIPE_WEBHOOK_SECRET: SECRET })).toBeNull();
    expect(readStripeConfig({})).toBeNull();
  });

  it('reads a test key, the webhook secret and, for tests, an API URL', () => {
    expect(readStripeConfig({ STRIPE_SECRET_KEY: KEY, STRIPE_WEBHOOK_SECRET: SECRET })).toEqual({ secretKey: KEY, webhookSecret: SECRET });
    expect(readStripeConfig({ STRIPE_SECRET_KEY: KEY, STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: 'http://127.0.0.1:12111' })).toEqual({
      secretKey: KEY,
      webhookSecret: SECRET,
      apiUrl: 'http://127.0.0.1:12111',
    });
  });

  it('refuses to start in production without a key and a webhook secret, or pointed away from Stripe', () => {
    const production = { NODE_ENV: 'production' };
    expect(() => readStripeConfig(production)).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => readStripeConfig({ ...production, STRIPE_SECRET_KEY: 'sk_live_abc' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => readStripeConfig({ ...production, STRIPE_SECRET_KEY: 'sk_live_abc', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: 'http://127.0.0.1:12111' })).toThrow(
      /STRIPE_API_URL/,
    );
    expect(readStripeConfig({ ...production, STRIPE_SECRET_KEY: 'sk_live_abc', STRIPE_WEBHOOK_SECRET: SECRET })).toEqual({ secretKey: 'sk_live_abc', webhookSecret: SECRET });
  });

  it('refuses what would go wrong later: a live key outside production, malformed values, a URL without a key', () => {
    expect(() => readStripeConfig({ STRIPE_SECRET_KEY: 'sk_live_abc', STRIPE_WEBHOOK_SECRET: SECRET })).toThrow(/live key/);
    expect(() => readStripeConfig({ STRIPE_SECRET_KEY: 'pk_test_abc', STRIPE_WEBHOOK_SECRET: SECRET })).toThrow(/secret key/);
    expect(() => readStripeConfig({ STRIPE_SECRET_KEY: KEY })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => readStripeConfig({ STRIPE_SECRET_KEY: KEY, STRIPE_WEBHOOK_SECRET: 'abc' })).toThrow(/whsec_/);
    expect(() => readStripeConfig({ STRIPE_API_URL: 'http://127.0.0.1:12111' })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => readStripeConfig({ STRIPE_SECRET_KEY: KEY, STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: 'http://127.0.0.1:12111/v1' })).toThrow(/origin/);
    expect(() => readStripeConfig({ STRIPE_SECRET_KEY: KEY, STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: 'localhost:12111' })).toThrow(/http or https/);
  });
});

describe('createStripe', () => {
  it('builds the SDK client, and refuses an API URL it cannot use', () => {
    expect(createStripe({ secretKey: KEY })).toBeInstanceOf(Stripe);
    expect(createStripe({ secretKey: KEY, apiUrl: 'https://stripe.internal.example' })).toBeInstanceOf(Stripe);
    expect(() => createStripe({ secretKey: KEY, apiUrl: 'not a url' })).toThrow(/not a URL/);
  });
});
