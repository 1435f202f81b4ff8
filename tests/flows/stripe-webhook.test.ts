import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureHeader, type StripeLocal } from '../../stripe-local/src/server.ts';
import { startCommerce, WEBHOOK_SECRET, type Commerce } from '../support/commerce.ts';
import type { TestSupergraph } from '../support/supergraph.ts';

/**
 * Stripe knows one public URL, the gateway's: its `/webhooks/stripe` passes deliveries to the orders
 * subgraph untouched, so the signature made over the exact bytes still verifies there. The gateway finds
 * orders in the supergraph (startTestSupergraph composes with each subgraph's URL; no override).
 */
let commerce: Commerce;
let system: TestSupergraph;
let local: StripeLocal;
let gatewayWebhook: string;
let staffToken: string;

const ORDER = `query ($id: ID!) { order(id: $id) { id status } }`;
const intentOf = (clientSecret: string) => clientSecret.split('_secret_')[0]!;
const uuidOf = (gid: string) => gid.split('/').at(-1)!;
const stripeEvents = async () => (await system.subgraphs.orders!.sql<{ id: string }>('select id from stripe_event order by id')).map((row) => row.id);

async function checkout(): Promise<{ orderId: string; intentId: string }> {
  const catalog = await system.request(`{ products(first: 10) { nodes { variants(first: 3) { nodes { id quantityAvailable } } } } }`);
  const variant = catalog.data!.products.nodes.flatMap((product: any) => product.variants.nodes).find((v: any) => v.quantityAvailable > 0);
  const cart = await system.request(`mutation ($input: CartInput) { cartCreate(input: $input) { cart { id } userErrors { code } } }`, {
    input: { lines: [{ merchandiseId: variant.id, quantity: 1 }] },
  });
  expect(cart.data!.cartCreate.userErrors).toEqual([]);
  const answer = await system.request(
    `mutation ($cartId: ID!, $key: String!) { checkoutComplete(cartId: $cartId, idempotencyKey: $key) { order { id status } paymentIntentClientSecret userErrors { code message } } }`,
    { cartId: cart.data!.cartCreate.cart.id, key: crypto.randomUUID() },
  );
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  const { order, paymentIntentClientSecret, userErrors } = answer.data!.checkoutComplete;
  expect(userErrors).toEqual([]);
  expect(order.status).toBe('PENDING_PAYMENT');
  return { orderId: order.id, intentId: intentOf(paymentIntentClientSecret) };
}

const statusOf = async (orderId: string) => (await system.request(ORDER, { id: orderId }, staffToken)).data!.order.status as string;

beforeAll(async () => {
  commerce = await startCommerce({ webhookUrl: 'gateway' });
  ({ system, local, staffToken, webhookUrl: gatewayWebhook } = commerce);
}, 120_000);

afterAll(async () => {
  await commerce?.close();
});

describe("the gateway's /webhooks/stripe", () => {
  it('refuses a forged signature with 400 from orders, and changes nothing', async () => {
    const { orderId, intentId } = await checkout();
    const event = JSON.stringify({
      id: 'evt_forged_at_gateway',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: intentId, object: 'payment_intent', metadata: { orderId: uuidOf(orderId) } } },
    });
    const forged = await fetch(gatewayWebhook, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signatureHeader(event, 'whsec_not_the_secret') },
      body: event,
    });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toEqual({ error: 'Invalid signature' });
    expect(await statusOf(orderId)).toBe('PENDING_PAYMENT');
    expect(await stripeEvents()).toEqual([]);
  });

  it('answers 413 to a body over 1 MiB, and changes nothing', async () => {
    const body = JSON.stringify({ id: 'evt_huge', padding: 'x'.repeat(1024 * 1024) });
    const response = await fetch(gatewayWebhook, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signatureHeader(body, WEBHOOK_SECRET) },
      body,
    });
    expect(response.status).toBe(413);
    expect(await stripeEvents()).toEqual([]);
  });

  it('makes the order PAID on a signed payment_intent.succeeded that Stripe delivers to the gateway', async () => {
    const { orderId, intentId } = await checkout();
    const response = await fetch(`${local.url}/_local/payment_intents/${intentId}/succeed`, { method: 'POST' });
    const body = (await response.json()) as { event: { id: string }; delivery: { url: string; status: number; ok: boolean } };
    expect(body.delivery).toMatchObject({ url: gatewayWebhook, status: 200, ok: true });
    expect(await statusOf(orderId)).toBe('PAID');
    expect(await stripeEvents()).toContain(body.event.id);
    // A redelivery through the gateway is applied once.
    expect((await local.deliver(body.event.id)).status).toBe(200);
    const paid = await system.subgraphs.orders!.sql<{ n: number }>(`select count(*)::int as n from order_history where order_id = ? and to_status = 'PAID'`, [uuidOf(orderId)]);
    expect(paid[0]!.n).toBe(1);
  });
});
