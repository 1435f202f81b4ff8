import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '#kit/testing/index.ts';
import { checkout, createCart, intentOf, minor, paidOrder, startCommerce, stockOf, type Commerce } from '../support/commerce.ts';
import { APPROVE, CANCEL, REFUND, orderHelpers } from './order-operations-support.ts';

/**
 * Staff taking money back through the gateway: cancelling (an unpaid order's intent, a paid order's refund),
 * refunding part or all, never more than was captured, and refunds made in Stripe itself; bad input.
 * Who may do each is in order-access.test.ts, the risk hold in order-risk.test.ts.
 */
let c: Commerce;

beforeAll(async () => {
  c = await startCommerce();
}, 120_000);

afterAll(async () => {
  await c?.close();
});

const { orderOf, chargeOf, countRows } = orderHelpers(() => c);

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
