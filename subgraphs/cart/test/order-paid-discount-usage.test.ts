import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentHelpers } from './checkout-support.ts';
import {
  WARNINGS_QUERY,
  cartWith,
  checkedOut,
  createVariant,
  person,
  startCartSystem,
  type CartSystem,
} from './support.ts';

let sys: CartSystem;
let cheap: string; // 20.00
let pricey: string; // 300.00

beforeAll(async () => {
  sys = await startCartSystem({ shipping: false });
  cheap = (await createVariant(sys, { price: '20.00', stock: 500 })).variantId;
  pricey = (await createVariant(sys, { price: '300.00', stock: 500 })).variantId;
});
// How `orders.order.paid` counts the discounts an order used; completing the cart is in order-paid-completion.test.ts.
afterAll(() => sys?.close());

const { readCart, paidEvent, apply, pay, redemptionsOf } = paymentHelpers(() => sys);

let codes = 0;
/** A percentage code with limits, made for one test. */
async function createCode(fields: { percentageBp?: number; usageLimit?: number | null; usageLimitPerCustomer?: number | null }): Promise<string> {
  codes += 1;
  const code = `PAIDTEST${codes}`;
  await sys.cart.sql(
    `insert into discount (code, title, kind, percentage_bp, usage_limit, usage_limit_per_customer) values (?, ?, 'PERCENTAGE', ?, ?, ?)`,
    [code, `${code} test code`, fields.percentageBp ?? 1000, fields.usageLimit ?? null, fields.usageLimitPerCustomer ?? null],
  );
  return code;
}

describe('discount usage', () => {
  it('a code with a usage limit of 1, used by one paid order, is no longer applicable on another cart', async () => {
    const code = await createCode({ usageLimit: 1 });
    const first = await cartWith(sys, { [cheap]: 1 }, undefined, { discountCodes: [code] });
    const second = await cartWith(sys, { [cheap]: 2 }, undefined, { discountCodes: [code] });
    expect(first.discountCodes).toEqual([{ code, applicable: true }]);
    expect(second.discountCodes).toEqual([{ code, applicable: true }]);

    const paid = await pay(first);
    expect((await redemptionsOf(paid.payload.orderId)).map((r) => [r.code, r.amount_minor])).toEqual([[code, 200]]);

    const after = await readCart(second.id);
    expect(after.discountCodes).toEqual([{ code, applicable: false }]);
    expect(after.cost.discountAmount).toEqual({ amount: '0.00', currencyCode: 'USD' });
    const warnings = (await sys.send<any>(WARNINGS_QUERY, { id: second.id })).cart.warnings;
    expect(warnings).toContainEqual({ code: 'DISCOUNT_CODE_NOT_APPLICABLE', message: `Discount code ${code} has reached its usage limit.`, target: code });
    // A new cart cannot use it either.
    expect((await cartWith(sys, { [cheap]: 1 }, undefined, { discountCodes: [code] })).discountCodes).toEqual([{ code, applicable: false }]);
  });

  it('still counts a code that ran out between this order\'s checkout and its payment: the order had it', async () => {
    const code = await createCode({ usageLimit: 1 });
    const first = await cartWith(sys, { [cheap]: 1 }, undefined, { discountCodes: [code] });
    const second = await cartWith(sys, { [cheap]: 2 }, undefined, { discountCodes: [code] });
    // Both checked out while the code applied (the order of `second` took 4.00 off); `first` is paid first.
    const secondOrder = paidEvent(second, { orderId: await checkedOut(sys, second.id) });
    await pay(first);
    await apply(secondOrder);
    expect((await redemptionsOf(secondOrder.payload.orderId)).map((r) => [r.code, r.amount_minor])).toEqual([[code, 400]]);
    expect(await sys.cart.sql('select count(*)::int as n from discount_redemption r join discount d on d.id = r.discount_id where d.code = ?', [code])).toEqual([{ n: 2 }]);
    // A cart checked out after the code ran out had no discount: nothing is counted for its order.
    const third = await cartWith(sys, { [cheap]: 1 }, undefined, { discountCodes: [code] });
    expect(third.cost.discountAmount.amount).toBe('0.00');
    const thirdOrder = await pay(third);
    expect(await redemptionsOf(thirdOrder.payload.orderId)).toEqual([]);
  });

  it('a per-customer limit stops that customer only', async () => {
    const code = await createCode({ usageLimitPerCustomer: 1 });
    const [alice, bob] = [await person(), await person()];
    const first = await cartWith(sys, { [cheap]: 1 }, alice, { discountCodes: [code] });
    await pay(first);
    expect((await cartWith(sys, { [cheap]: 1 }, alice, { discountCodes: [code] })).discountCodes).toEqual([{ code, applicable: false }]);
    expect((await cartWith(sys, { [cheap]: 1 }, bob, { discountCodes: [code] })).discountCodes).toEqual([{ code, applicable: true }]);
  });

  it('counts the automatic discount that took money off and every code that did, never one that took nothing', async () => {
    const useless = await createCode({ usageLimit: 5 });
    await sys.cart.sql(`update discount set minimum_subtotal_minor = 100000000, currency_code = 'USD' where code = ?`, [useless]);
    // 2 × 300.00 = 600.00: the seeded automatic $25 off $500 applies, then WELCOME10 on 575.00 = 57.50.
    const shopper = await person();
    const big = await cartWith(sys, { [pricey]: 2 }, shopper, { discountCodes: ['WELCOME10', useless] });
    expect(big.cost.discountAmount.amount).toBe('82.50');
    expect(big.discountCodes).toEqual([{ code: 'WELCOME10', applicable: true }, { code: useless, applicable: false }]);
    const event = await pay(big);
    expect((await redemptionsOf(event.payload.orderId)).map((r) => [r.code, r.title, r.amount_minor, r.customer_id])).toEqual([
      ['WELCOME10', '10% off your order', 5750, shopper.customerId],
      [null, '$25 off orders of $500 or more', 2500, shopper.customerId],
    ]);
    // Under the minimum: the automatic discount took nothing and is not counted.
    const small = await cartWith(sys, { [cheap]: 1 });
    const smallOrder = await pay(small);
    expect(await redemptionsOf(smallOrder.payload.orderId)).toEqual([]);
  });
});
