import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '#kit/testing/index.ts';
import { startTestSupergraph, type TestSupergraph } from '../../../tests/support/supergraph.ts';

/**
 * Stripe unreachable (STRIPE_API_URL on a port nobody listens on): checkout compensates, releasing the
 * reservation it made with reason PAYMENT_FAILED and giving the cart back (open again), and answers
 * PAYMENT_UNAVAILABLE with no order written.
 */
let system: TestSupergraph;

beforeAll(async () => {
  process.env.STRIPE_SECRET_KEY = 'sk_test_orders_unavailable';
  process.env.STRIPE_WEBHOOK_SECRET = 'whsec_orders_unavailable';
  process.env.STRIPE_API_URL = `http://127.0.0.1:${await freePort()}`;
  system = await startTestSupergraph({ seed: 'small' });
}, 120_000);

afterAll(async () => {
  await system?.close();
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_URL;
});

it('releases the reservation and answers PAYMENT_UNAVAILABLE when the PaymentIntent cannot be created', async () => {
  const catalog = await system.request(`{ products(first: 20) { nodes { variants(first: 5) { nodes { id quantityAvailable } } } } }`);
  const variant = catalog.data!.products.nodes.flatMap((product: any) => product.variants.nodes).find((v: any) => v.quantityAvailable > 0);
  const created = await system.request(`mutation ($input: CartInput) { cartCreate(input: $input) { cart { id } } }`, {
    input: { lines: [{ merchandiseId: variant.id, quantity: 1 }] },
  });
  const cartId = created.data!.cartCreate.cart.id as string;
  const result = await system.request(
    `mutation ($cartId: ID!) { checkoutComplete(cartId: $cartId, idempotencyKey: "k1") { order { id } paymentIntentClientSecret userErrors { code } } }`,
    { cartId },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.checkoutComplete).toEqual({ order: null, paymentIntentClientSecret: null, userErrors: [{ code: 'PAYMENT_UNAVAILABLE' }] });

  const orders = await system.subgraphs.orders!.sql<{ n: number }>('select (select count(*) from customer_order)::int + (select count(*) from checkout_idempotency)::int as n');
  expect(orders[0]!.n).toBe(0);
  const reservations = await system.subgraphs.inventory!.sql<{ status: string; release_reason: string }>('select status, release_reason from stock_reservation');
  expect(reservations.length).toBeGreaterThan(0);
  expect(reservations.every((row) => row.status === 'RELEASED' && row.release_reason === 'PAYMENT_FAILED')).toBe(true);
  const counter = await system.subgraphs.orders!.sql<{ last_number: number }>('select last_number from order_number_counter');
  expect(counter[0]!.last_number).toBe(1000);
  // The cart, detached for the order before the stock was reserved, was given back: open, and changeable.
  const carts = await system.subgraphs.cart!.sql<{ status: string; checkout_order_id: string | null }>('select status, checkout_order_id from cart where id = ?', [cartId.split('/').at(-1)]);
  expect(carts).toEqual([{ status: 'OPEN', checkout_order_id: null }]);
  const changed = await system.request(
    `mutation ($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { userErrors { code } } }`,
    { cartId, lines: [{ merchandiseId: variant.id, quantity: 1 }] },
  );
  expect(changed.data!.cartLinesAdd.userErrors).toEqual([]);
}, 60_000);
