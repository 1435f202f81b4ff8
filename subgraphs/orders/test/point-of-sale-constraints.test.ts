import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { orders } from '../src/subgraph.ts';

/**
 * The point-of-sale migration's constraints, hit one by one: an order's channel, payment method, intent,
 * tender and store agree; a till's refund never claims a Stripe id, a Stripe refund succeeds only with one.
 */
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(orders, await createTestDatabase('orders-pos'));
}, 120_000);
afterAll(() => subgraph?.close());

let number = 5000;
interface Row {
  channel?: string;
  payment_method?: string;
  stripe_payment_intent_id?: string | null;
  tendered_minor?: number | null;
  captured_minor?: number;
  location_id?: string | null;
  handed_over_at?: string | null;
}

/** Inserts an order of total 1000 with the given payment columns; the order's id. */
async function insertOrder(row: Row): Promise<string> {
  const id = crypto.randomUUID();
  const values = {
    channel: 'ONLINE',
    payment_method: 'STRIPE',
    stripe_payment_intent_id: `pi_${id}`,
    tendered_minor: null,
    captured_minor: 0,
    location_id: null,
    handed_over_at: null,
    ...row,
  };
  await subgraph.sql(
    `insert into orders.customer_order (id, number, status, cart_id, currency_code, subtotal_minor, discounts_minor, shipping_minor, tax_minor,
       total_minor, channel, payment_method, stripe_payment_intent_id, tendered_minor, captured_minor, location_id, handed_over_at)
     values (?, ?, 'PAID', ?, 'USD', 1000, 0, 0, 0, 1000, ?, ?, ?, ?, ?, ?, ?::timestamptz)`,
    [
      id,
      ++number,
      crypto.randomUUID(),
      values.channel,
      values.payment_method,
      values.stripe_payment_intent_id,
      values.tendered_minor,
      values.captured_minor,
      values.location_id,
      values.handed_over_at,
    ],
  );
  return id;
}

const store = crypto.randomUUID();
const now = new Date().toISOString();
const pos = (row: Row = {}): Row => ({
  channel: 'POS',
  payment_method: 'CASH',
  stripe_payment_intent_id: null,
  tendered_minor: 2000,
  captured_minor: 1000,
  location_id: store,
  handed_over_at: now,
  ...row,
});

describe('customer_order: channel and payment', () => {
  it('accepts an online order, one picked up at a store, and till sales in cash and by card', async () => {
    await insertOrder({});
    await insertOrder({ location_id: store, handed_over_at: now });
    await insertOrder(pos());
    await insertOrder(pos({ tendered_minor: 1000 }));
    await insertOrder(pos({ payment_method: 'CARD_PRESENT', tendered_minor: null }));
  });

  it.each<[string, Row, string | RegExp]>([
    ['an online order without its intent', { stripe_payment_intent_id: null }, 'customer_order_channel_payment'],
    ['an online order paid in cash', { payment_method: 'CASH', tendered_minor: 2000 }, 'customer_order_channel_payment'],
    ['a till sale with an intent', pos({ stripe_payment_intent_id: 'pi_x' }), 'customer_order_channel_payment'],
    ['a till sale paid through Stripe', pos({ payment_method: 'STRIPE', tendered_minor: null }), 'customer_order_channel_payment'],
    ['a till sale without its store', pos({ location_id: null, handed_over_at: null }), 'customer_order_channel_payment'],
    ['a till sale not captured in full', pos({ captured_minor: 999 }), 'customer_order_channel_payment'],
    ['cash without a tender', pos({ tendered_minor: null }), 'customer_order_tender'],
    ['cash below the total', pos({ tendered_minor: 999 }), 'customer_order_tender'],
    ['a card with a tender', pos({ payment_method: 'CARD_PRESENT', tendered_minor: 1000 }), 'customer_order_tender'],
    ['a store without a time', { location_id: store }, 'customer_order_handed_over'],
    ['an unknown channel', { channel: 'PHONE' }, 'customer_order_channel_check'],
    // PostgreSQL checks constraints in name order: an unknown method fails the channel's rule first.
    ['an unknown method', { payment_method: 'CHEQUE' }, /customer_order_(channel_payment|payment_method_check)/],
  ])('refuses %s', async (_name, row, constraint) => {
    await expect(insertOrder(row)).rejects.toThrow(constraint);
  });

  it('sells a cart once at the tills', async () => {
    const cartId = crypto.randomUUID();
    const sale = async () =>
      subgraph.sql(
        `insert into orders.customer_order (id, number, status, cart_id, currency_code, subtotal_minor, discounts_minor, shipping_minor, tax_minor,
           total_minor, channel, payment_method, captured_minor, location_id, handed_over_at)
         values (?, ?, 'DELIVERED', ?, 'USD', 0, 0, 0, 0, 0, 'POS', 'CARD_PRESENT', 0, ?, now())`,
        [crypto.randomUUID(), ++number, cartId, store],
      );
    await sale();
    await expect(sale()).rejects.toThrow('customer_order_pos_cart_unique');
  });
});

describe('order_refund: method', () => {
  const refund = async (orderId: string, method: string, status: string, stripeRefundId: string | null) =>
    subgraph.sql(
      `insert into orders.order_refund (id, order_id, amount_minor, currency_code, status, reason, actor, method, stripe_refund_id)
       values (?, ?, 100, 'USD', ?, 'r', 'staff:x', ?, ?)`,
      [crypto.randomUUID(), orderId, status, method, stripeRefundId],
    );

  it('lets a till refund succeed without a Stripe id, never with one; a Stripe refund succeeds only with one', async () => {
    const orderId = await insertOrder(pos());
    await refund(orderId, 'CASH', 'SUCCEEDED', null);
    await expect(refund(orderId, 'CASH', 'PENDING', 're_1')).rejects.toThrow('order_refund_till_has_no_stripe_id');
    await expect(refund(orderId, 'STRIPE', 'SUCCEEDED', null)).rejects.toThrow('order_refund_succeeded_has_stripe_id');
    await expect(refund(orderId, 'WIRE', 'PENDING', null)).rejects.toThrow('order_refund_method_check');
  });
});
