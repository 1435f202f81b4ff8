import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKOUT, checkout, createCart, pay, register, startCommerce, type Commerce } from '../support/commerce.ts';
import { APPROVE, orderHelpers } from './order-operations-support.ts';

/**
 * The risk check on orders through the gateway (a card's country, orders per customer or per public IP
 * address in an hour; the hold staff release), then the staff order list's SQL statements: that test
 * lists the newest 8 orders, which the risk tests before it leave (11 of them).
 * Cancels and refunds are in order-cancel-refund.test.ts, who may operate in order-access.test.ts.
 */
let c: Commerce;

beforeAll(async () => {
  c = await startCommerce();
}, 120_000);

afterAll(async () => {
  await c?.close();
});

const { orderOf } = orderHelpers(() => c);

describe('risk', () => {
  it('a card from another country than the address is MEDIUM; many orders in an hour are HIGH and held until staff approve', async () => {
    const buyer = await register(c.system, 'risky-buyer@example.com');
    const address = { address1: '1 Main St', city: 'Austin', provinceCode: 'TX', zip: '78701', countryCode: 'US', firstName: 'R', lastName: 'B' };
    const carts: string[] = [];
    // Orders in a row, each paid at once: whenever cart applies a payment (the event is asynchronous),
    // the next cartCreate is a new cart (checkout detached the last one), so nothing here depends on it.
    const place = async (index: number, card: string) => {
      const cartId = await createCart(c, [{ merchandiseId: c.variants[5]!.id, quantity: 1 }], buyer);
      expect(carts).not.toContain(cartId);
      carts.push(cartId);
      const updated = await c.request(
        `mutation ($id: ID!, $address: MailingAddressInput!) { cartShippingAddressUpdate(cartId: $id, address: $address) { userErrors { code message } } }`,
        { id: cartId, address },
        buyer,
      );
      expect(updated.data!.cartShippingAddressUpdate.userErrors).toEqual([]);
      const answer = await checkout(c, cartId, `risk-${index}`, buyer);
      expect(answer.userErrors).toEqual([]);
      expect(await pay(c, answer.paymentIntentClientSecret!, card)).toBe(200);
      return answer.order!.id;
    };
    const first = await place(0, 'pm_card_gb');
    expect((await orderOf(first)).risk).toEqual({ level: 'MEDIUM', recommendation: 'INVESTIGATE', reasons: ['Billing country GB, shipping to US'] });
    expect((await orderOf(first)).held).toBe(false);

    let last = first;
    for (let index = 1; index < 6; index++) last = await place(index, 'pm_card_visa');
    const held = await orderOf(last);
    expect(held.risk.level).toBe('HIGH');
    expect(held.risk.recommendation).toBe('CANCEL');
    expect(held.risk.reasons).toContain('6 orders by this customer in the last hour');
    expect(held.held).toBe(true);

    const approved = await c.request(APPROVE, { id: last }, c.staffToken);
    expect(approved.data!.orderRiskApprove).toEqual({ order: { held: false }, userErrors: [] });
    const twice = await c.request(APPROVE, { id: last }, c.staffToken);
    expect(twice.data!.orderRiskApprove.userErrors[0]).toMatchObject({ code: 'NOT_HELD' });
    expect((await orderOf(last)).history.at(-1)).toMatchObject({ reason: 'Risk hold released by staff' });
  });

  it('counts orders per public IP address when the gateway trusts its proxy (TRUST_PROXY=1)', async () => {
    process.env.TRUST_PROXY = '1';
    try {
      const ids: string[] = [];
      for (let index = 0; index < 5; index++) {
        const cartId = await createCart(c, [{ merchandiseId: c.variants[6]!.id, quantity: 1 }]);
        const response = await fetch(c.system.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7, 10.0.0.1' },
          body: JSON.stringify({ query: CHECKOUT, variables: { cartId, key: `ip-${index}` } }),
        });
        const body = (await response.json()) as any;
        expect(body.data.checkoutComplete.userErrors).toEqual([]);
        ids.push(body.data.checkoutComplete.order.id);
      }
      expect((await orderOf(ids[3]!)).risk).toMatchObject({ level: 'LOW' });
      expect((await orderOf(ids[4]!)).risk).toEqual({ level: 'MEDIUM', recommendation: 'INVESTIGATE', reasons: ['5 orders from this IP address in the last hour'] });
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });
});

describe('SQL statements per order list', () => {
  it('are the same for 2 orders as for 8, every order field included, in every subgraph', async () => {
    const LIST = `query ($first: Int!) { orders(first: $first) { nodes {
      id number status held customer { id } totals { total { amount } }
      lines { id title quantity unitPrice { amount } total { amount } shippedQuantity returnedQuantity merchandise { id sku } }
      payment { captured { amount } refundable { amount } } refunds { amount { amount } status }
      returns { status lines { quantity orderLine { id } } refund { status } }
      risk { level reasons } history { from to actor } shipments { id status events { status } }
    } } }`;
    const counts = async (first: number) => {
      const before = Object.fromEntries(Object.entries(c.system.subgraphs).map(([name, sub]) => [name, sub.db.statementCount()]));
      const result = await c.request(LIST, { first }, c.staffToken);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data!.orders.nodes).toHaveLength(first);
      return Object.fromEntries(Object.entries(c.system.subgraphs).map(([name, sub]) => [name, sub.db.statementCount() - before[name]!]));
    };
    const few = await counts(2);
    const many = await counts(8);
    console.info('SQL statements per order list, by subgraph:', JSON.stringify(many));
    expect(many).toEqual(few);
  });
});
