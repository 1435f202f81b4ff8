import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { createStripe } from '#kit/payments/stripe-client.ts';
import { startStripeLocal, type StripeLocal, type StripeLocalOptions } from '../src/server.ts';

export const WEBHOOK_SECRET = 'whsec_stripe_local_test_secret';

export interface Received {
  body: string;
  headers: IncomingHttpHeaders;
}

/** A webhook endpoint that keeps every raw body and header, and answers what `status` says. */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  const receiver = {
    received,
    status: (_body: string): number => 200,
    url: '',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    received.push({ body, headers: req.headers });
    res.statusCode = receiver.status(body);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`;
  return receiver;
}

/** stripe-local, the real SDK pointed at it through the kit's factory, and a webhook endpoint. */
export async function startLocalStripe(options: Partial<StripeLocalOptions> = {}) {
  const receiver = await startWebhookReceiver();
  const local: StripeLocal = await startStripeLocal({ webhookSecret: WEBHOOK_SECRET, webhookUrl: receiver.url, ...options });
  const stripe: Stripe = createStripe({ secretKey: 'sk_test_local', apiUrl: local.url, maxNetworkRetries: 0 });
  return {
    local,
    stripe,
    receiver,
    /** The /_local routes are not Stripe's, so the SDK has no call for them: plain fetch. */
    localPost: async (path: string) => {
      const response = await fetch(`${local.url}${path}`, { method: 'POST' });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    },
    close: async () => {
      await local.close();
      await receiver.close();
    },
  };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
