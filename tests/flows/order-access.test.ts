import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidOrder, register, startCommerce, type Commerce } from '../support/commerce.ts';
import { APPROVE, CANCEL, ORDER, REFUND, orderHelpers } from './order-operations-support.ts';

/**
 * Who may operate on orders through the gateway: customers and anonymous callers are refused every staff
 * operation and every return mutation but their own request, with typed userErrors, writing nothing.
 * What the operations do is in order-cancel-refund.test.ts and order-risk.test.ts.
 */
let c: Commerce;
let shopper: string;

beforeAll(async () => {
  c = await startCommerce();
  shopper = await register(c.system, 'operations-shopper@example.com');
}, 120_000);

afterAll(async () => {
  await c?.close();
});

const { orderOf, countRows } = orderHelpers(() => c);

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
