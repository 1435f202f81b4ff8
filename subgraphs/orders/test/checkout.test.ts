import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMinorUnits, toGlobalId } from '#kit';
import { eventually } from '#kit/testing/index.ts';
import { signatureHeader, type StripeLocal } from '../../../stripe-local/src/server.ts';
import { register as registerCustomer, startCommerce, WEBHOOK_SECRET, type Commerce } from '../../../tests/support/commerce.ts';
import type { TestSupergraph } from '../../../tests/support/supergraph.ts';

/**
 * Checkout through the real gateway, every subgraph on one fresh database, and Stripe played by
 * stripe-local (webhooks delivered on demand, signed with the secret the orders subgraph is given).
 */
let commerce: Commerce;
let system: TestSupergraph;
let local: StripeLocal;
let webhookUrl: string;
let variants: { id: string; available: number; priceMinor: number }[];
const stripe = () => commerce.stripe;

const CHECKOUT = `mutation ($cartId: ID!, $key: String!) {
  checkoutComplete(cartId: $cartId, idempotencyKey: $key) {
    order { id number status createdAt lines { id quantity title merchandise { id } }
      totals { subtotal { amount currencyCode } discounts { amount } shipping { amount } tax { amount } total { amount currencyCode } } }
    paymentIntentClientSecret
    userErrors { code field message }
  }
}`;
const CART_CREATE = `mutation ($input: CartInput) { cartCreate(input: $input) {
  cart { id cost { totalAmount { amount currencyCode } } } userErrors { code message } } }`;

const intentOf = (clientSecret: string) => clientSecret.split('_secret_')[0]!;
const uuidOf = (gid: string) => gid.split('/').at(-1)!;

async function createCart(lines: { merchandiseId: string; quantity: number }[], token?: string) {
  const result = await system.request(CART_CREATE, { input: { lines } }, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data!.cartCreate.userErrors).toEqual([]);
  return result.data!.cartCreate.cart as { id: string; cost: { totalAmount: { amount: string; currencyCode: string } } };
}

async function checkout(cartId: string, key: string, token?: string) {
  const result = await system.request(CHECKOUT, { cartId, key }, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.checkoutComplete as { order: any; paymentIntentClientSecret: string | null; userErrors: { code: string }[] };
}

const register = (email: string) => registerCustomer(system, email);

const orderRow = async (orderId: string) =>
  (await system.subgraphs.orders!.sql<{ status: string; stripe_payment_intent_id: string }>('select status, stripe_payment_intent_id from customer_order where id = ?', [orderId]))[0];

beforeAll(async () => {
  commerce = await startCommerce();
  ({ system, local, webhookUrl, variants } = commerce);
  expect(variants.length).toBeGreaterThan(8);
}, 120_000);

afterAll(async () => {
  await commerce?.close();
});

describe('checkoutComplete', () => {
  let guestOrderId: string;
  let guestIntentId: string;

  it('turns a guest cart into a PENDING_PAYMENT order with a PaymentIntent for the cart total', async () => {
    const cart = await createCart([
      { merchandiseId: variants[0]!.id, quantity: 1 },
      { merchandiseId: variants[1]!.id, quantity: 1 },
    ]);
    const answer = await checkout(cart.id, 'guest-key-1');
    expect(answer.userErrors).toEqual([]);
    expect(answer.order.status).toBe('PENDING_PAYMENT');
    expect(answer.order.number).toBeGreaterThan(1000);
    expect(answer.order.lines.map((line: any) => [line.merchandise.id, line.quantity])).toEqual([
      [variants[0]!.id, 1],
      [variants[1]!.id, 1],
    ]);
    expect(answer.order.lines.every((line: any) => line.title.length > 0)).toBe(true);
    expect(answer.order.totals.total).toEqual(cart.cost.totalAmount);

    const intent = await stripe().paymentIntents.retrieve(intentOf(answer.paymentIntentClientSecret!));
    expect(intent.amount).toBe(parseMinorUnits(cart.cost.totalAmount.amount, 'USD'));
    expect(intent.currency).toBe('usd');
    expect(intent.client_secret).toBe(answer.paymentIntentClientSecret);
    guestOrderId = uuidOf(answer.order.id);
    guestIntentId = intent.id;
    expect((await orderRow(guestOrderId))!.stripe_payment_intent_id).toBe(intent.id);

    const reservations = await system.subgraphs.inventory!.sql<{ status: string }>('select status from stock_reservation where order_id = ?', [guestOrderId]);
    expect(reservations.length).toBeGreaterThanOrEqual(2);
    expect(reservations.every((row) => row.status === 'RESERVED')).toBe(true);
    const history = await system.subgraphs.orders!.sql('select from_status, to_status, actor from order_history where order_id = ?', [guestOrderId]);
    expect(history).toEqual([{ from_status: null, to_status: 'PENDING_PAYMENT', actor: 'guest' }]);
  });

  it('answers the same order and PaymentIntent to three concurrent calls with one key', async () => {
    const cart = await createCart([{ merchandiseId: variants[2]!.id, quantity: 1 }]);
    const answers = await Promise.all([1, 2, 3].map(() => checkout(cart.id, 'guest-key-concurrent')));
    for (const answer of answers) expect(answer.userErrors).toEqual([]);
    expect(new Set(answers.map((answer) => answer.order.id)).size).toBe(1);
    expect(new Set(answers.map((answer) => answer.paymentIntentClientSecret)).size).toBe(1);
    const orders = await system.subgraphs.orders!.sql<{ n: number }>('select count(*)::int as n from customer_order where cart_id = ?', [uuidOf(cart.id)]);
    expect(orders[0]!.n).toBe(1);
    const orderId = uuidOf(answers[0]!.order.id);
    const created = local.events({ type: 'payment_intent.created' }).filter((event: any) => event.data.object.metadata?.orderId === orderId);
    expect(created).toHaveLength(1);
    // And later, once more.
    const again = await checkout(cart.id, 'guest-key-concurrent');
    expect(again.order.id).toBe(answers[0]!.order.id);
    expect(again.paymentIntentClientSecret).toBe(answers[0]!.paymentIntentClientSecret);
  });

  it('refuses an empty cart and an unknown one, writing nothing', async () => {
    const empty = await createCart([]);
    expect((await checkout(empty.id, 'guest-key-empty')).userErrors.map((error) => error.code)).toEqual(['EMPTY_CART']);
    const unknown = await checkout(toGlobalId('Cart', crypto.randomUUID()), 'guest-key-unknown');
    expect(unknown.userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);
    const keys = await system.subgraphs.orders!.sql<{ n: number }>(`select count(*)::int as n from checkout_idempotency where key in ('guest-key-empty', 'guest-key-unknown')`);
    expect(keys[0]!.n).toBe(0);
  });

  it('never sells stock held by another order', async () => {
    const scarce = variants.find((variant) => variant.available <= 20 && !variants.slice(0, 3).includes(variant)) ?? variants[5]!;
    const first = await createCart([{ merchandiseId: scarce.id, quantity: scarce.available }]);
    const second = await createCart([{ merchandiseId: scarce.id, quantity: scarce.available }]);
    expect((await checkout(first.id, 'scarce-1')).userErrors).toEqual([]);
    const refused = await checkout(second.id, 'scarce-2');
    expect(['CART_HAS_WARNINGS', 'INSUFFICIENT_STOCK']).toContain(refused.userErrors[0]?.code);
    expect(refused.order).toBeNull();
    const orders = await system.subgraphs.orders!.sql<{ n: number }>('select count(*)::int as n from customer_order where cart_id = ?', [uuidOf(second.id)]);
    expect(orders[0]!.n).toBe(0);
  });

  it("keeps a customer's orders theirs, and refuses a key reused for another cart", async () => {
    const token = await register(`orders-${crypto.randomUUID()}@example.com`);
    const cart = await createCart([{ merchandiseId: variants[3]!.id, quantity: 1 }], token);
    const answer = await checkout(cart.id, 'customer-key', token);
    expect(answer.userErrors).toEqual([]);
    // A customer has one open cart (cartCreate answers it again), so the other cart is a guest's.
    const other = await createCart([{ merchandiseId: variants[4]!.id, quantity: 1 }]);
    expect((await checkout(other.id, 'customer-key', token)).userErrors.map((error) => error.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);

    const read = `query ($id: ID!) { order(id: $id) { id status customer { id } } }`;
    const mine = await system.request(read, { id: answer.order.id }, token);
    expect(mine.data!.order.id).toBe(answer.order.id);
    expect((await system.request(read, { id: answer.order.id })).data!.order).toBeNull();
    const stranger = await register(`stranger-${crypto.randomUUID()}@example.com`);
    expect((await system.request(read, { id: answer.order.id }, stranger)).data!.order).toBeNull();
    // Someone else's cart is not found; a guest cart must be claimed first.
    expect((await checkout(other.id, 'claim-key', token)).userErrors.map((error) => error.code)).toEqual(['CART_NOT_CLAIMED']);
    expect((await checkout(cart.id, 'stranger-key', stranger)).userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);

    const me = await system.request(`{ me { orders(first: 10) { nodes { id status } pageInfo { hasNextPage } } } }`, {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.orders.nodes).toEqual([{ id: answer.order.id, status: 'PENDING_PAYMENT' }]);
  });

  describe('the Stripe webhook', () => {
    let succeededEventId: string;

    it('refuses a forged or unsigned delivery with 400, changing nothing', async () => {
      const event = JSON.stringify({
        id: 'evt_forged_1',
        object: 'event',
        type: 'payment_intent.succeeded',
        data: { object: { id: guestIntentId, object: 'payment_intent', metadata: { orderId: guestOrderId } } },
      });
      const forged = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signatureHeader(event, 'whsec_not_the_secret') },
        body: event,
      });
      expect(forged.status).toBe(400);
      const unsigned = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: event });
      expect(unsigned.status).toBe(400);
      expect((await orderRow(guestOrderId))!.status).toBe('PENDING_PAYMENT');
      expect(await system.subgraphs.orders!.sql('select id from stripe_event')).toEqual([]);
    });

    it('marks the order PAID on payment_intent.succeeded, and inventory commits its stock', async () => {
      const response = await fetch(`${local.url}/_local/payment_intents/${guestIntentId}/succeed`, { method: 'POST' });
      const body = (await response.json()) as { event: { id: string }; delivery: { status: number; ok: boolean } };
      expect(body.delivery).toMatchObject({ status: 200, ok: true });
      succeededEventId = body.event.id;
      expect((await orderRow(guestOrderId))!.status).toBe('PAID');
      const history = await system.subgraphs.orders!.sql('select from_status, to_status, actor from order_history where order_id = ? order by id', [guestOrderId]);
      expect(history).toEqual([
        { from_status: null, to_status: 'PENDING_PAYMENT', actor: 'guest' },
        { from_status: 'PENDING_PAYMENT', to_status: 'PAID', actor: 'stripe' },
      ]);
      const reservations = await eventually(
        () => system.subgraphs.inventory!.sql<{ status: string }>('select status from stock_reservation where order_id = ?', [guestOrderId]),
        (rows) => rows.length > 0 && rows.every((row) => row.status === 'COMMITTED'),
      );
      expect(reservations.map((row) => row.status)).toEqual(reservations.map(() => 'COMMITTED'));
    });

    it('applies the same event once, however many times and however concurrently it arrives', async () => {
      const deliveries = await Promise.all([1, 2, 3].map(() => local.deliver(succeededEventId)));
      expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
      const paid = await system.subgraphs.orders!.sql<{ n: number }>(`select count(*)::int as n from order_history where order_id = ? and to_status = 'PAID'`, [guestOrderId]);
      expect(paid[0]!.n).toBe(1);
      const applied = await system.subgraphs.orders!.sql<{ n: number }>('select count(*)::int as n from stripe_event where id = ?', [succeededEventId]);
      expect(applied[0]!.n).toBe(1);
      expect((await orderRow(guestOrderId))!.status).toBe('PAID');
    });

    it('cancels the order and its intent when the payment fails, releasing the stock; a later canceled event is only noted', async () => {
      const cart = await createCart([{ merchandiseId: variants[6]!.id, quantity: 1 }]);
      const answer = await checkout(cart.id, 'guest-key-cancel');
      const orderId = uuidOf(answer.order.id);
      const intentId = intentOf(answer.paymentIntentClientSecret!);
      const failed = await fetch(`${local.url}/_local/payment_intents/${intentId}/fail`, { method: 'POST' });
      expect(((await failed.json()) as any).delivery).toMatchObject({ status: 200 });
      expect((await orderRow(orderId))!.status).toBe('CANCELLED');
      // The intent is cancelled too, so the buyer cannot pay a cancelled order with another card.
      expect((await stripe().paymentIntents.retrieve(intentId)).status).toBe('canceled');

      const [canceled] = local.events({ type: 'payment_intent.canceled', object: intentId });
      expect((await local.deliver(canceled!.id)).status).toBe(200);
      expect((await orderRow(orderId))!.status).toBe('CANCELLED');
      const history = await system.subgraphs.orders!.sql<{ from_status: string; to_status: string }>(
        'select from_status, to_status from order_history where order_id = ? order by id',
        [orderId],
      );
      expect(history.map((row) => `${row.from_status}>${row.to_status}`)).toEqual(['null>PENDING_PAYMENT', 'PENDING_PAYMENT>CANCELLED', 'CANCELLED>CANCELLED']);
      const released = await eventually(
        () => system.subgraphs.inventory!.sql<{ status: string }>('select status from stock_reservation where order_id = ?', [orderId]),
        (rows) => rows.length > 0 && rows.every((row) => row.status === 'RELEASED'),
      );
      expect(released.every((row) => row.status === 'RELEASED')).toBe(true);
    });
  });
});
