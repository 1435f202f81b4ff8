import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidOrder, register, startCommerce, type Commerce } from '../support/commerce.ts';

/**
 * `orderByNumber`: how a till finds an online order from the number on its confirmation email. The number
 * is short and guessable, so it shows an order only to whom `order(id:)` would: its customer and staff.
 */
let c: Commerce;
let owner: string;
let other: string;
let order: { id: string; number: number };

beforeAll(async () => {
  c = await startCommerce();
  owner = await register(c.system, 'number-owner@example.com');
  other = await register(c.system, 'number-other@example.com');
  const { orderId } = await paidOrder(c, [{ merchandiseId: c.variants[0]!.id, quantity: 1 }], owner);
  const read = await c.request(`query ($id: ID!) { order(id: $id) { id number } }`, { id: orderId }, owner);
  order = read.data!.order;
}, 120_000);
afterAll(() => c?.close());

const BY_NUMBER = `query ($number: Int!) { orderByNumber(number: $number) { id number status } }`;

describe('orderByNumber', () => {
  it('finds the order for staff and for its customer', async () => {
    for (const token of [c.staffToken, owner]) {
      const result = await c.request(BY_NUMBER, { number: order.number }, token);
      expect(result.errors).toBeUndefined();
      expect(result.data!.orderByNumber).toEqual({ id: order.id, number: order.number, status: 'PAID' });
    }
  });

  it('is null for another customer, a guest, an unknown number and numbers that cannot be one', async () => {
    for (const [number, token] of [
      [order.number, other],
      [order.number, undefined],
      [order.number + 1000, c.staffToken],
      [0, c.staffToken],
      [-5, c.staffToken],
    ] as const) {
      const result = await c.request(BY_NUMBER, { number }, token);
      expect(result.errors, `${number}`).toBeUndefined();
      expect(result.data!.orderByNumber, `${number}`).toBeNull();
    }
  });
});
