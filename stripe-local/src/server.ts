/**
 * `startStripeLocal()`: a Stripe-compatible HTTP server for the calls this project makes, for tests and
 * offline development. The `stripe` SDK talks to it as to Stripe when pointed at its URL (see
 * subgraphs/kit/src/payments/stripe-client.ts); state lives in memory. stripe-local/README.md has the rest.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalAccount } from './account.ts';
import { apiRoutes } from './api-routes.ts';
import { IdempotencyStore } from './idempotency.ts';
import { localRoutes } from './local-routes.ts';
import type { LocalEvent } from './objects.ts';
import { createListener, type Log } from './router.ts';
import { WebhookSender, type Delivery } from './webhooks.ts';

export type { Delivery, LocalEvent };
export { signatureHeader } from './webhooks.ts';

/** The API version stripe@23.1.0 pins; events carry it in `api_version` (a test keeps the two in step). */
export const STRIPE_LOCAL_API_VERSION = '2026-10-28.endive';

export interface StripeLocalOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 by default: the /_local routes take no key. */
  host?: string;
  /** Where events are POSTed, e.g. the orders service's `/webhooks/stripe`; settable later with setWebhookUrl. */
  webhookUrl?: string;
  /** The endpoint's signing secret (`whsec_...`): STRIPE_WEBHOOK_SECRET, shared with the receiver. */
  webhookSecret: string;
  /** Deliver every event as it happens, in order, retrying failures a few times (off by default: tests deliver on demand). */
  autoDeliver?: boolean;
  /** Delays between automatic retries of a failed delivery; [1 s, 5 s, 25 s] by default. */
  retryDelaysMs?: number[];
  apiVersion?: string;
  log?: Log;
}

export interface StripeLocal {
  /** The base URL to give the SDK (STRIPE_API_URL), e.g. http://127.0.0.1:12111. */
  url: string;
  setWebhookUrl(url: string | undefined): void;
  /** One delivery attempt of an event, now, signed afresh; call it again to redeliver. */
  deliver(eventId: string): Promise<Delivery>;
  /** Events so far, oldest first; `object` keeps those about one object (its id in data.object). */
  events(filter?: { type?: string; object?: string }): LocalEvent[];
  /** Delivery attempts so far, oldest first. */
  deliveries(eventId?: string): Delivery[];
  close(): Promise<void>;
}

export async function startStripeLocal(options: StripeLocalOptions): Promise<StripeLocal> {
  if (!options.webhookSecret) throw new Error('stripe-local needs webhookSecret (STRIPE_WEBHOOK_SECRET) to sign the webhooks it delivers.');
  const apiVersion = options.apiVersion ?? STRIPE_LOCAL_API_VERSION;
  const autoDeliver = options.autoDeliver ?? false;
  const webhooks = new WebhookSender({ url: options.webhookUrl, secret: options.webhookSecret, retryDelaysMs: options.retryDelaysMs, log: options.log });
  const account = new LocalAccount({
    apiVersion,
    onEvent: (event) => {
      event.pending_webhooks = webhooks.url ? 1 : 0;
      if (autoDeliver) webhooks.enqueue(event);
    },
  });
  const server = createServer(
    createListener({
      routes: apiRoutes(account),
      idempotency: new IdempotencyStore(),
      apiVersion,
      local: localRoutes({ account, webhooks, autoDeliver }),
      log: options.log,
    }),
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    setWebhookUrl: (url) => {
      webhooks.url = url;
    },
    deliver: async (eventId) => webhooks.deliver(account.event(eventId)),
    events: (filter = {}) =>
      [...account.events.values()]
        .filter((event) => (!filter.type || event.type === filter.type) && (!filter.object || event.data.object.id === filter.object))
        .map((event) => structuredClone(event)),
    deliveries: (eventId) => webhooks.deliveries(eventId),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await webhooks.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
