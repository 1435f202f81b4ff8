/**
 * What bench/src/faults.ts drives its scenarios with: read load under autocannon with each answer's time
 * and outcome, shoppers who check out and pay through the gateway and stripe-local, the order and payment
 * reconciliation against the database and stripe-local, and RSS samples.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { failureOf, toHttpRequest, type OperationCall, type PersistedOperation } from './operations.ts';

export interface Outcome {
  /** When the answer came (ms since the epoch) and how long it took (ms, shoppers only). */
  at: number;
  ms?: number;
  /** null: a success; otherwise what failed ("GraphQL SERVICE_UNAVAILABLE", "HTTP 502", "transport"). */
  failure: string | null;
}

/** autocannon for `seconds` on one persisted operation, every answer's outcome timed. */
export async function timedLoad(gatewayUrl: string, manifest: Map<string, PersistedOperation>, call: OperationCall, token: string | undefined, seconds: number, connections = 10): Promise<Outcome[]> {
  const request = toHttpRequest(call, manifest, token);
  const outcomes: Outcome[] = [];
  const result = await autocannon({
    url: new URL(gatewayUrl).origin,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (r: any) => Object.assign(r, { method: request.method, path: request.path, headers: request.headers, body: request.body ?? Buffer.alloc(0) }),
        onResponse: (status, body) => void outcomes.push({ at: Date.now(), failure: failureOf(status, body) }),
      },
    ],
  });
  // Connection errors and timeouts have no answer: counted, at the end of the run.
  for (let i = 0; i < result.errors; i++) outcomes.push({ at: Date.now(), failure: 'transport' });
  return outcomes;
}

/** Failures by kind, e.g. { "GraphQL SERVICE_UNAVAILABLE": 12 }. */
export function kinds(outcomes: readonly Outcome[]): Record<string, number> {
  const counted: Record<string, number> = {};
  for (const { failure } of outcomes) if (failure) counted[failure] = (counted[failure] ?? 0) + 1;
  return counted;
}

/** Refusals that are the shop working as it should (stock ran out), not the fault showing. */
const EXPECTED = /^userError (INSUFFICIENT_STOCK|NOT_ENOUGH_STOCK|CART_HAS_WARNINGS)$/;
export const isFault = (outcome: Outcome) => outcome.failure !== null && !EXPECTED.test(outcome.failure);

/** From the first failure the fault caused to the last, in ms (0 without any). */
export function errorWindow(outcomes: readonly Outcome[]): { first: number | null; last: number | null; ms: number } {
  const failed = outcomes.filter(isFault).map((o) => o.at);
  if (failed.length === 0) return { first: null, last: null, ms: 0 };
  const first = Math.min(...failed);
  const last = Math.max(...failed);
  return { first, last, ms: last - first };
}

export interface Purchase {
  key: string;
  cartId: string;
  orderId?: string;
  intentId?: string;
  /** userError code, or the request's failure. */
  refused?: string;
  /** The webhook's delivery status when paid (stripe-local delivers it to the gateway). */
  delivery?: number;
}

/**
 * A shopper: a cart of one unit, checkout (its own idempotency key), and, when placed and `payToo`,
 * the payment confirmed at stripe-local, which delivers the webhook through the gateway.
 */
export async function shop(send: (call: OperationCall) => Promise<{ status: number; body: any; ms: number }>, stripeUrl: string, variantId: string, key: string, outcomes: Outcome[], payToo = true): Promise<Purchase | null> {
  const record = (answer: { status: number; body: any; ms: number }) => {
    outcomes.push({ at: Date.now(), ms: answer.ms, failure: failureOf(answer.status, JSON.stringify(answer.body)) });
    return answer;
  };
  const cart = record(await send({ operation: 'CartCreate', variables: { input: { lines: [{ merchandiseId: variantId, quantity: 1 }] } }, method: 'POST' }));
  const cartId: string | undefined = cart.body?.data?.cartCreate?.cart?.id;
  if (!cartId) return null;
  const purchase: Purchase = { key, cartId };
  const answer = record(await send({ operation: 'CheckoutComplete', variables: { cartId, idempotencyKey: key }, method: 'POST' }));
  const result = answer.body?.data?.checkoutComplete;
  if (!result?.order) {
    purchase.refused = result?.userErrors?.[0]?.code ?? answer.body?.errors?.[0]?.extensions?.code ?? `HTTP ${answer.status}`;
    return purchase;
  }
  purchase.orderId = result.order.id;
  purchase.intentId = String(result.paymentIntentClientSecret).split('_secret_')[0];
  if (payToo) {
    const paid = await fetch(`${stripeUrl}/_local/payment_intents/${purchase.intentId}/succeed`, { method: 'POST' }).catch(() => null);
    purchase.delivery = paid ? (((await paid.json()) as { delivery?: { status: number } }).delivery?.status ?? paid.status) : 0;
  }
  return purchase;
}

/** Sends a persisted operation to the gateway, timed; a transport failure is status 0. */
export function sender(gatewayUrl: string, manifest: Map<string, PersistedOperation>, token?: string) {
  const origin = new URL(gatewayUrl).origin;
  return async (call: OperationCall) => {
    const request = toHttpRequest(call, manifest, token);
    const started = performance.now();
    try {
      const response = await fetch(`${origin}${request.path}`, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(30_000) });
      const body: any = await response.json().catch(() => null);
      return { status: response.status, body, ms: performance.now() - started };
    } catch {
      return { status: 0, body: null as any, ms: performance.now() - started };
    }
  };
}

/** stripe-local's events of a type, oldest first. */
export async function stripeEvents(stripeUrl: string, type: string): Promise<{ id: string; data: { object: { id: string; metadata?: Record<string, string> } } }[]> {
  const response = await fetch(`${stripeUrl}/_local/events?type=${encodeURIComponent(type)}`);
  return ((await response.json()) as { data: any[] }).data;
}

export interface Reconciliation {
  placed: number;
  /** Placed orders the database does not have. */
  lost: number;
  /** Carts with more than one order. */
  duplicateOrders: number;
  /** Orders with more than one PaymentIntent at stripe-local. */
  duplicateIntents: number;
  /** Paid (webhook delivered) orders not PAID in the database. */
  unpaid: number;
  /** Stock rows whose `reserved` differs from their RESERVED reservations, or that hold more than they have. */
  stockMismatches: number;
}

/** Checks the purchases against the database (as the administrator) and stripe-local. */
export async function reconcile(databaseUrl: string, stripeUrl: string, purchases: readonly Purchase[]): Promise<Reconciliation> {
  const uuid = (gid: string) => gid.split('/').at(-1)!;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const carts = purchases.map((p) => uuid(p.cartId));
    const { rows: orders } = await client.query<{ id: string; cart_id: string; status: string }>('select id, cart_id, status from orders.customer_order where cart_id = any($1::uuid[])', [carts]);
    const byId = new Map(orders.map((o) => [o.id, o]));
    const placed = purchases.filter((p) => p.orderId);
    const perCart = Map.groupBy(orders, (o) => o.cart_id);
    const created = await stripeEvents(stripeUrl, 'payment_intent.created');
    const perOrder = Map.groupBy(created, (e) => e.data.object.metadata?.orderId ?? '');
    const { rows: stock } = await client.query<{ n: number }>(
      `select count(*)::int as n from inventory.stock_level l
        where l.reserved > l.on_hand or l.reserved <> (select coalesce(sum(quantity), 0) from inventory.stock_reservation r
          where r.variant_id = l.variant_id and r.location_id = l.location_id and r.status = 'RESERVED')`,
    );
    return {
      placed: placed.length,
      lost: placed.filter((p) => !byId.has(uuid(p.orderId!))).length,
      duplicateOrders: [...perCart.values()].filter((list) => list.length > 1).length,
      duplicateIntents: orders.filter((o) => (perOrder.get(o.id)?.length ?? 0) > 1).length,
      unpaid: placed.filter((p) => p.delivery === 200 && byId.get(uuid(p.orderId!))?.status !== 'PAID').length,
      stockMismatches: stock[0]!.n,
    };
  } finally {
    await client.end();
  }
}

/** Redelivers (as Stripe retries) the succeeded webhooks of purchases whose delivery failed; how many now went through. */
export async function redeliver(stripeUrl: string, purchases: Purchase[]): Promise<number> {
  const succeeded = await stripeEvents(stripeUrl, 'payment_intent.succeeded');
  let delivered = 0;
  for (const purchase of purchases.filter((p) => p.intentId && p.delivery !== undefined && p.delivery !== 200)) {
    const event = succeeded.find((e) => e.data.object.id === purchase.intentId);
    if (!event) continue;
    const response = await fetch(`${stripeUrl}/_local/events/${event.id}/deliver`, { method: 'POST' });
    purchase.delivery = ((await response.json()) as { status: number }).status;
    if (purchase.delivery === 200) delivered++;
  }
  return delivered;
}

/** A process's environment variable (stripe-local's PORT, say), from /proc. */
export function envOf(pid: number, name: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').find((entry) => entry.startsWith(`${name}=`))?.slice(name.length + 1);
  } catch {
    return undefined;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
