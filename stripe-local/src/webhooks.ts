/**
 * Webhook delivery as Stripe does it: a POST of the event as JSON to the endpoint, signed in the
 * `Stripe-Signature` header (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the
 * endpoint's secret>`), so `stripe.webhooks.constructEvent(body, header, secret)` accepts it. Each
 * attempt is signed afresh: a redelivery days later still passes the SDK's five-minute tolerance.
 *
 * Stripe delivers at least once and in no guaranteed order; the receiver must cope with both. Tests
 * provoke that on purpose with `deliver()` (any event, any number of times, concurrently).
 */
import { createHmac } from 'node:crypto';
import { nowSeconds } from './ids.ts';
import type { LocalEvent } from './objects.ts';

export interface Delivery {
  eventId: string;
  url: string;
  /** The endpoint's HTTP status; null when it could not be reached. */
  status: number | null;
  /** 2xx, which is what Stripe counts as delivered. */
  ok: boolean;
  error?: string;
  at: number;
}

export interface WebhookLog {
  warn(details: object, message: string): void;
}

export function signatureHeader(payload: string, secret: string, timestamp = nowSeconds()): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

export class WebhookSender {
  url: string | undefined;
  private readonly secret: string;
  private readonly timeoutMs: number;
  private readonly retryDelaysMs: number[];
  private readonly log: WebhookLog | undefined;
  private readonly history: Delivery[] = [];
  private readonly first = new Map<string, Promise<Delivery>>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<Delivery>>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(options: { url?: string; secret: string; timeoutMs?: number; retryDelaysMs?: number[]; log?: WebhookLog }) {
    this.url = options.url;
    this.secret = options.secret;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retryDelaysMs = options.retryDelaysMs ?? [1_000, 5_000, 25_000];
    this.log = options.log;
  }

  /** One attempt, now. */
  deliver(event: LocalEvent): Promise<Delivery> {
    const url = this.url;
    if (!url) throw new Error('No webhook URL is configured (webhookUrl / setWebhookUrl).');
    const attempt = this.post(event, url);
    this.inFlight.add(attempt);
    void attempt.finally(() => this.inFlight.delete(attempt));
    return attempt;
  }

  private async post(event: LocalEvent, url: string): Promise<Delivery> {
    const payload = JSON.stringify(event, null, 2);
    const delivery: Delivery = { eventId: event.id, url, status: null, ok: false, at: Date.now() };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signatureHeader(payload, this.secret),
        },
        body: payload,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.arrayBuffer();
      delivery.status = response.status;
      delivery.ok = response.ok;
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    this.history.push(delivery);
    return delivery;
  }

  /**
   * Automatic delivery: first attempts one at a time in the order the events happened (an endpoint
   * that answers slowly delays the next event, not reorders it); failures are retried with backoff
   * without holding up later events, as Stripe retries independently of the rest.
   */
  enqueue(event: LocalEvent): void {
    if (!this.url || this.closed) return;
    const attempt = this.queue.then(() => (this.url ? this.deliver(event) : this.skipped(event)));
    this.queue = attempt;
    this.first.set(event.id, attempt);
    void attempt.then((delivery) => {
      if (!delivery.ok) this.retry(event, 0, delivery);
    });
  }

  /** The outcome of an event's first automatic attempt, for a caller that wants to wait for it. */
  firstDelivery(eventId: string): Promise<Delivery> | undefined {
    return this.first.get(eventId);
  }

  deliveries(eventId?: string): Delivery[] {
    return this.history.filter((delivery) => eventId === undefined || delivery.eventId === eventId).map((delivery) => ({ ...delivery }));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    await Promise.all([this.queue, ...this.inFlight]);
  }

  private skipped(event: LocalEvent): Delivery {
    return { eventId: event.id, url: '', status: null, ok: false, error: 'no webhook URL configured', at: Date.now() };
  }

  private retry(event: LocalEvent, attempt: number, last: Delivery): void {
    const delay = this.retryDelaysMs[attempt];
    if (delay === undefined || this.closed) {
      this.log?.warn({ eventId: event.id, type: event.type, status: last.status, error: last.error }, 'webhook not delivered; POST /_local/events/:id/deliver retries it');
      return;
    }
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      if (!this.url) return;
      void this.deliver(event).then((delivery) => {
        if (!delivery.ok) this.retry(event, attempt + 1, delivery);
      });
    }, delay);
    timer.unref();
    this.retries.add(timer);
  }
}
