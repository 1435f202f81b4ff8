import type Stripe from 'stripe';
import { createStripe, readStripeConfig, type StripeConfig } from '#kit/payments/stripe-client.ts';

export interface StripeSettings {
  /** Null outside production without STRIPE_SECRET_KEY: checkout answers PAYMENT_UNAVAILABLE, webhooks 503. */
  config: StripeConfig | null;
  stripe: Stripe | null;
}

let settings: StripeSettings | undefined;

/**
 * STRIPE_SECRET_KEY, STRIPE_API_URL and STRIPE_WEBHOOK_SECRET, read once, when the server builds its
 * routes (so a misconfiguration stops the process at start), and the SDK client made from them.
 */
export function stripeSettings(): StripeSettings {
  if (!settings) {
    const config = readStripeConfig(process.env);
    settings = { config, stripe: config ? createStripe({ secretKey: config.secretKey, ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}) }) : null };
  }
  return settings;
}
