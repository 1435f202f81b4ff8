import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '#kit/testing/index.ts';
import { CHECKOUT, checkout, createCart, intentOf, minor, paidOrder, pay, register, startCommerce, stockOf, type Commerce } from '../support/commerce.ts';

/** Staff operations on orders through the gateway: cancel, refunds, the risk hold; who may do each; bad input. */
let c: Commerce;
let shopper: string;

beforeAll(async () => {
  c = await startCommerce();
  shopper = await register(c.system, 'operations-shopper@example.com');
}, 120_000);

afterAll(async () => {
  await c?.close();
});

const ORDER = `query ($id: ID!) { order(id: $id) {
  id status held risk { level recommendation reasons }
  payment { captured { amount } refunded { amount } refundable { amount } }
  refunds { amount { amount } status reason }
  history { from to actor reason }
} }`;
const CANCEL = `mutation ($id: ID!, $reason: String!) { orderCancel(orderId: $id, reason: $reason) { order { id status } userErrors { code field message } } }`;
const REFUND = `mutation ($id: ID!, $amount: MoneyInput, $reason: String!) {
  orderRefund(orderId: $id, amount: $amount, reason: $reason) { order { status payment { refunded { amount } } } refund { amount { amount } status } userErrors { code field message } }
}`;
const APPROVE = `mutation ($id: ID!) { orderRiskApprove(orderId: $id) { order { held } userErrors { code field } } }`;

const orderOf = async (id: string) => (await c.request(ORDER, { id }, c.staffToken)).data!.order;
const chargeOf = async (clientSecret: string) => {
  const intent = await c.stripe.paymentIntents.retrieve(intentOf(clientSecret));
  return c.stripe.charges.retrieve(intent.latest_charge as string);
};
const countRows = async (table: string) => (await c.system.subgraphs.orders!.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('orderCancel', () => {
  it('cancels an unpaid order: its intent first, then the order; the reservation is released', async () => {
    const variant = c.variants[0]!;
    const before = await stockOf(c, variant.id);
    const cartId = await createCart(c, [{ merchandiseId: variant.id, quantity: 2 }]);
    const answer = await checkout(c, cartId, 'cancel-unpaid');
    const result = await c.request(CANCEL, { id: answer.order!.id, reason: 'Customer called' }, c.staffToken);
    expect(result.data!.orderCancel).toMatchObject({ order: { status: 'CANCELLED' }, userErrors: [] });
    expect((await c.stripe.paymentIntents.retrieve(intentOf(answer.paymentIntentClientSecret!))).status).toBe('canceled');
    expect(await eventually(() => stockOf(c, variant.id), (stock) => stock.reserved === before.reserved)).toEqual(before);
    const again = await c.request(CANCEL, { id: answer.order!.id, reason: 'Twice' }, c.staffToken);
    expect(again.data!.orderCancel.userErrors[0]).toMatchObject({ code: 'NOT_CANCELLABLE', field: ['orderId'] });
  });

  it('cancels a paid order: refunded in full through Stripe, REFUNDED, the sold units back on hand', async () => {
    const variant = c.variants[1]!;
    const before = await stockOf(c, variant.id);
    const { orderId, clientSecret } = await paidOrder(c, [{ merchandiseId: variant.id, quantity: 3 }]);
    await eventually(() => stockOf(c, variant.id), (stock) => stock.onHand === before.onHand - 3 && stock.reserved === before.reserved);
    const result = await c.request(CANCEL, { id: orderId, reason: 'Out of business' }, c.staffToken);
    expect(result.data!.orderCancel.userErrors).toEqual([]);
    const order = await orderOf(orderId);
    expect(order.status).toBe('REFUNDED');
    expect(order.payment.refunded.amount).toBe(order.payment.captured.amount);
    expect(order.refunds).toEqual([{ amount: order.payment.captured, status: 'SUCCEEDED', reason: 'Order cancelled: Out of business' }]);
    const charge = await chargeOf(clientSecret);
    expect(charge.amount_refunded).toBe(minor(order.payment.captured.amount));
    expect(order.history.map((entry: any) => `${entry.from}>${entry.to}`)).toEqual(
      expect.arrayContaining(['PAID>CANCELLED', 'CANCELLED>REFUNDED']),
    );
    expect(await eventually(() => stockOf(c, variant.id), (stock) => stock.onHand === before.onHand)).toEqual(before);
  });
});

describe('orderRefund', () => {
  it('refunds part, then the rest; never more than was captured, even asked twice at once', async () => {
    const { orderId, clientSecret } = await paidOrder(c, [{ merchandiseId: c.variants[2]!.id, quantity: 1 }]);
    const captured = minor((await orderOf(orderId)).payment.captured.amount);
    expect(captured).toBeGreaterThan(200);

    const part = await c.request(REFUND, { id: orderId, amount: { amount: '1.00', currencyCode: 'USD' }, reason: 'Scratched box' }, c.staffToken);
    expect(part.data!.orderRefund).toMatchObject({ refund: { amount: { amount: '1.00' }, status: 'SUCCEEDED' }, order: { status: 'PAID' }, userErrors: [] });

    const refundsBefore = await countRows('order_refund');
    const tooMuch = await c.request(REFUND, { id: orderId, amount: { amount: (captured / 100).toFixed(2), currencyCode: 'USD' }, reason: 'All of it' }, c.staffToken);
    expect(tooMuch.data!.orderRefund).toMatchObject({ refund: null, userErrors: [{ code: 'AMOUNT_EXCEEDS_REFUNDABLE', field: ['amount'] }] });
    expect(await countRows('order_refund')).toBe(refundsBefore);

    // Two staff refund the whole rest at the same moment: one refund happens.
    const rest = ((captured - 100) / 100).toFixed(2);
    const both = await Promise.all(
      [1, 2].map(() => c.request(REFUND, { id: orderId, amount: { amount: rest, currencyCode: 'USD' }, reason: 'Rest' }, c.staffToken)),
    );
    const codes = both.map((result) => result.data!.orderRefund.userErrors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual(['AMOUNT_EXCEEDS_REFUNDABLE', 'OK']);
    const order = await orderOf(orderId);
    expect(order.status).toBe('REFUNDED');
    expect(minor(order.payment.refunded.amount)).toBe(captured);
    expect(minor(order.payment.refundable.amount)).toBe(0);
    expect((await chargeOf(clientSecret)).amount_refunded).toBe(captured);
  });

  it('refuses bad input with typed userErrors, writing nothing', async () => {
    const { orderId } = await paidOrder(c, [{ merchandiseId: c.variants[3]!.id, quantity: 1 }]);
    const refundsBefore = await countRows('order_refund');
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ id: orderId, amount: { amount: '0.00', currencyCode: 'USD' }, reason: 'x' }, 'INVALID', ['amount', 'amount']],
      [{ id: orderId, amount: { amount: '1.001', currencyCode: 'USD' }, reason: 'x' }, 'INVALID', ['amount', 'amount']],
      [{ id: orderId, amount: { amount: '1.00', currencyCode: 'EUR' }, reason: 'x' }, 'INVALID', ['amount', 'currencyCode']],
      [{ id: orderId, reason: '   ' }, 'INVALID', ['reason']],
      [{ id: 'gid://commerce/Order/not-a-uuid', reason: 'x' }, 'INVALID', ['orderId']],
      [{ id: 'gid://commerce/Order/00000000-0000-4000-8000-000000000000', reason: 'x' }, 'NOT_FOUND', ['orderId']],
    ];
    for (const [variables, code, field] of cases) {
      const result = await c.request(REFUND, variables, c.staffToken);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      expect(result.data!.orderRefund.userErrors[0], JSON.stringify(variables)).toMatchObject({ code, field });
    }
    const historyBefore = await countRows('order_history');
    for (const [variables, code, field] of [
      [{ id: orderId, reason: '' }, 'INVALID', ['reason']],
      [{ id: 'gid://commerce/Order/x', reason: 'x' }, 'INVALID', ['orderId']],
      [{ id: 'gid://commerce/Order/00000000-0000-4000-8000-000000000000', reason: 'x' }, 'NOT_FOUND', ['orderId']],
    ] as const) {
      const result = await c.request(CANCEL, variables, c.staffToken);
      expect(result.data!.orderCancel.userErrors[0], JSON.stringify(variables)).toMatchObject({ code, field });
    }
    for (const [id, code] of [['gid://commerce/Order/x', 'INVALID'], ['gid://commerce/Order/00000000-0000-4000-8000-000000000000', 'NOT_FOUND'], [orderId, 'NOT_HELD']]) {
      expect((await c.request(APPROVE, { id }, c.staffToken)).data!.orderRiskApprove.userErrors[0]).toMatchObject({ code, field: ['orderId'] });
    }
    expect(await countRows('order_history')).toBe(historyBefore);
    const unpaidCart = await createCart(c, [{ merchandiseId: c.variants[3]!.id, quantity: 1 }]);
    const unpaid = await checkout(c, unpaidCart, 'unpaid-refund');
    const notRefundable = await c.request(REFUND, { id: unpaid.order!.id, reason: 'x' }, c.staffToken);
    expect(notRefundable.data!.orderRefund.userErrors[0]).toMatchObject({ code: 'NOT_REFUNDABLE' });
    expect(await countRows('order_refund')).toBe(refundsBefore);
  });
});

describe('refunds made in Stripe', () => {
  it('records a refund made outside the system from charge.refunded, once, and settles our own without counting it twice', async () => {
    const { orderId, clientSecret } = await paidOrder(c, [{ merchandiseId: c.variants[5]!.id, quantity: 1 }]);
    const captured = minor((await orderOf(orderId)).payment.captured.amount);
    // Ours first: settled at once, then its charge.refunded webhook changes nothing.
    await c.request(REFUND, { id: orderId, amount: { amount: '2.00', currencyCode: 'USD' }, reason: 'Ours' }, c.staffToken);
    // Then one made in Stripe's dashboard, for the rest.
    await c.stripe.refunds.create({ payment_intent: intentOf(clientSecret), amount: captured - 200 });
    const charge = await chargeOf(clientSecret);
    const events = c.local.events({ type: 'charge.refunded', object: charge.id });
    expect(events).toHaveLength(2);
    for (const event of [...events, ...events]) expect((await c.local.deliver(event.id)).status).toBe(200);
    const order = await orderOf(orderId);
    expect(order.refunds.map((refund: any) => [minor(refund.amount.amount), refund.status])).toEqual([
      [200, 'SUCCEEDED'],
      [captured - 200, 'SUCCEEDED'],
    ]);
    expect(minor(order.payment.refunded.amount)).toBe(captured);
    expect(order.status).toBe('REFUNDED');
  });
});

describe('who may operate on orders', () => {
  it('refuses customers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED) every staff operation, changing nothing', async () => {
    const { orderId } = await paidOrder(c, [{ merchandiseId: c.variants[4]!.id, quantity: 1 }], shopper);
    const historyBefore = await countRows('order_history');
    const operations: [string, Record<string, unknown>, string][] = [
      [CANCEL, { id: orderId, reason: 'mine' }, 'orderCancel'],
      [REFUND, { id: orderId, reason: 'mine' }, 'orderRefund'],
      [APPROVE, { id: orderId }, 'orderRiskApprove'],
    ];
    for (const [operation, variables, field] of operations) {
      for (const [token, code] of [[shopper, 'FORBIDDEN'], [undefined, 'UNAUTHENTICATED']] as const) {
        const result = await c.request(operation, variables, token);
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        expect(result.data![field].userErrors[0]).toMatchObject({ code });
      }
    }
    expect(await countRows('order_history')).toBe(historyBefore);
    expect((await orderOf(orderId)).status).toBe('PAID');
    // The staff-only order list and history: null history for the customer, the list refused.
    const own = await c.request(ORDER, { id: orderId }, shopper);
    expect(own.data!.order).toMatchObject({ status: 'PAID', history: null });
    const list = await c.request(`{ orders(first: 5) { nodes { id } } }`, {}, shopper);
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staffList = await c.request(`{ orders(first: 5, status: PAID) { nodes { status } } }`, {}, c.staffToken);
    expect(staffList.data!.orders.nodes.length).toBeGreaterThan(0);
    expect(staffList.data!.orders.nodes.every((node: any) => node.status === 'PAID')).toBe(true);
  });
});

describe('returns: who and what', () => {
  it('refuses bad input and the wrong caller on every return mutation with typed userErrors, writing nothing', async () => {
    const { orderId } = await paidOrder(c, [{ merchandiseId: c.variants[7]!.id, quantity: 1 }], shopper);
    const lineId = (await c.request(`query ($id: ID!) { order(id: $id) { lines { id } } }`, { id: orderId }, shopper)).data!.order.lines[0].id;
    const REQUEST = `mutation ($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } userErrors { code field } } }`;
    const returnsBefore = await countRows('order_return');
    const line = (overrides: Record<string, unknown> = {}) => ({ orderLineId: lineId, quantity: 1, reason: 'Too small', ...overrides });
    const cases: [Record<string, unknown>, string | undefined, string, string[]][] = [
      [{ orderId, lines: [line()] }, shopper, 'NOT_RETURNABLE', ['input', 'orderId']], // paid, not delivered
      [{ orderId, lines: [] }, shopper, 'INVALID', ['input', 'lines']],
      [{ orderId, lines: [line({ quantity: 0 })] }, shopper, 'INVALID', ['input', 'lines', '0', 'quantity']],
      [{ orderId, lines: [line({ reason: ' ' })] }, shopper, 'INVALID', ['input', 'lines', '0', 'reason']],
      [{ orderId, lines: [line(), line()] }, shopper, 'INVALID', ['input', 'lines', '1', 'orderLineId']],
      [{ orderId, lines: [line({ orderLineId: 'gid://commerce/OrderLine/nope' })] }, shopper, 'INVALID', ['input', 'lines', '0', 'orderLineId']],
      [{ orderId: 'gid://commerce/Order/nope', lines: [line()] }, shopper, 'INVALID', ['input', 'orderId']],
      [{ orderId, lines: [line()] }, undefined, 'UNAUTHENTICATED', []],
    ];
    for (const [input, as, code, field] of cases) {
      const result = await c.request(REQUEST, { input }, as);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const [error] = result.data!.returnRequest.userErrors;
      expect(error?.code, JSON.stringify(input)).toBe(code);
      if (field.length > 0) expect(error.field).toEqual(field);
    }
    const stranger = await register(c.system, 'returns-stranger@example.com');
    const foreign = await c.request(REQUEST, { input: { orderId, lines: [line()] } }, stranger);
    expect(foreign.data!.returnRequest.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'orderId'] });
    for (const [operation, field] of [
      [`mutation { returnApprove(id: "gid://commerce/OrderReturn/00000000-0000-4000-8000-000000000000") { userErrors { code } } }`, 'returnApprove'],
      [`mutation { returnDecline(id: "gid://commerce/OrderReturn/00000000-0000-4000-8000-000000000000", reason: "no") { userErrors { code } } }`, 'returnDecline'],
      [`mutation { returnReceive(id: "gid://commerce/OrderReturn/00000000-0000-4000-8000-000000000000") { userErrors { code } } }`, 'returnReceive'],
    ] as const) {
      expect((await c.request(operation, {}, shopper)).data![field].userErrors[0].code).toBe('FORBIDDEN');
      expect((await c.request(operation, {}, c.staffToken)).data![field].userErrors[0].code).toBe('NOT_FOUND');
      expect((await c.request(operation.replace('00000000-0000-4000-8000-000000000000', 'x'), {}, c.staffToken)).data![field].userErrors[0].code).toBe('INVALID');
    }
    expect(await countRows('order_return')).toBe(returnsBefore);
  });
});

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

