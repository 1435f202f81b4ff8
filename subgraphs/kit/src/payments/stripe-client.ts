/**
 * The one place the Stripe SDK is configured. With `apiUrl` (STRIPE_API_URL) it talks to that server,
 * the local Stripe-compatible one in tests and offline development; without it, to Stripe. The kit
 * knows no stand-in: whoever starts one passes its URL.
 */
import Stripe from 'stripe';
import { isProduction } from '../config.ts';

export interface StripeConfig {
  /** `sk_test_...` or `sk_live_...` (or a restricted `rk_` key). Any `sk_test_` key works against stripe-local. */
  secretKey: string;
  /** Base URL of a Stripe-compatible server (scheme, host, port; no path); unset, Stripe itself. */
  apiUrl?: string;
  /** The webhook endpoint's signing secret (`whsec_...`), for `stripe.webhooks.constructEvent`. */
  webhookSecret: string;
}

export interface StripeClientOptions {
  secretKey: string;
  apiUrl?: string;
  /**
   * Per attempt, in ms (10 s). The SDK's default, 80 s, would hold a checkout far past any client's patience;
   * Stripe answers PaymentIntent calls in well under a second.
   */
  timeoutMs?: number;
  /**
   * Retries after a network error, 409 or 5xx, with backoff (2). Safe: the SDK sends an Idempotency-Key
   * with every POST, and reuses it across its retries, so a retried create never makes a second intent.
   */
  maxNetworkRetries?: number;
}

export function createStripe(options: StripeClientOptions): Stripe {
  return new Stripe(options.secretKey, {
    // Pinned to the version this SDK release is typed for, so a change of the account's default version
    // in the Dashboard changes nothing here. Webhook payloads follow the endpoint's version instead.
    apiVersion: Stripe.API_VERSION,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 10_000,
    appInfo: { name: 'supergraph-commerce' },
    ...(options.apiUrl ? serverOf(options.apiUrl) : {}),
  });
}

/** The SDK takes `host`, `port` and `protocol` (not a URL) and always requests `/v1/...` from the root. */
function serverOf(apiUrl: string): { host: string; port: number; protocol: 'http' | 'https' } {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new Error(`STRIPE_API_URL is not a URL: ${apiUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`STRIPE_API_URL must be http or https: ${apiUrl}`);
  if (url.pathname !== '/' || url.search || url.username) throw new Error(`STRIPE_API_URL must be an origin only (the SDK adds /v1/...): ${apiUrl}`);
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return { host: url.hostname, port: Number(url.port || (protocol === 'https' ? 443 : 80)), protocol };
}

/**
 * STRIPE_SECRET_KEY, STRIPE_API_URL and STRIPE_WEBHOOK_SECRET. In production a key and a webhook secret
 * are required, and the real API only. Elsewhere, no key means "run offline": null, and the caller starts
 * the local Stripe-compatible server and passes its URL. A live key never goes anywhere but Stripe.
 */
export function readStripeConfig(env: NodeJS.ProcessEnv = process.env): StripeConfig | null {
  const secretKey = env.STRIPE_SECRET_KEY || undefined;
  const apiUrl = env.STRIPE_API_URL || undefined;
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET || undefined;
  const production = isProduction(env);

  if (!secretKey) {
    if (production) throw new Error('Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET: production takes payments through Stripe.');
    if (apiUrl) throw new Error('STRIPE_API_URL is set without STRIPE_SECRET_KEY; any sk_test_ key works against the local server.');
    return null;
  }
  if (!/^(sk|rk)_(test|live)_\w+$/.test(secretKey)) throw new Error('STRIPE_SECRET_KEY must be a secret key (sk_test_..., sk_live_..., or a restricted rk_ key).');
  const live = secretKey.includes('_live_');
  if (live && !production) throw new Error('STRIPE_SECRET_KEY is a live key outside production; use a sk_test_ key in development and tests.');
  if (apiUrl && (production || live)) throw new Error('STRIPE_API_URL points the SDK away from Stripe; it is for tests and offline development only.');
  if (apiUrl) serverOf(apiUrl);
  if (!webhookSecret) throw new Error('Set STRIPE_WEBHOOK_SECRET (whsec_...): webhooks cannot be verified without it (`stripe listen` prints one for development).');
  if (!webhookSecret.startsWith('whsec_')) throw new Error('STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_...).');
  return { secretKey, webhookSecret, ...(apiUrl ? { apiUrl } : {}) };
}
