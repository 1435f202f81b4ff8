import { afterAll, beforeAll, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import { ADDRESS_UPDATE, OPTION_UPDATE, WARNINGS_QUERY, cartRows, cartWith, cents, createVariant, localId, mutate, startCartSystem, type CartSystem } from './support.ts';

// The shipping subgraph is not running (no process answers for it): the cart must still work.
let sys: CartSystem;
let cart: any;
beforeAll(async () => {
  sys = await startCartSystem({ shipping: false });
  const { variantId } = await createVariant(sys, { price: '10.00', stock: 10 });
  cart = await cartWith(sys, { [variantId]: 1 });
});
afterAll(() => sys?.close());

it('still takes an address (taxes follow it), without knowing whether it is served', async () => {
  const { cart: after, userErrors } = await mutate(sys, ADDRESS_UPDATE, { cartId: cart.id, address: { address1: '1 Main St', city: 'Seattle', provinceCode: 'WA', countryCode: 'US' } });
  expect(userErrors).toEqual([]);
  expect(after.cost).toMatchObject({ totalTaxAmount: cents(65), totalAmount: cents(1065) });
  expect(await sys.cart.sql('select shipping_served from cart where id = ?', [localId(cart.id)])).toEqual([{ shipping_served: null }]);
  expect((await sys.send<any>(WARNINGS_QUERY, { id: cart.id })).cart.warnings).toEqual([]);
});

it('refuses choosing an option with SHIPPING_UNAVAILABLE, writing nothing', async () => {
  const before = await cartRows(sys);
  const payload = await mutate(sys, OPTION_UPDATE, { cartId: cart.id, optionId: toGlobalId('ShippingRate', crypto.randomUUID()) });
  expect(payload).toEqual({ cart: null, userErrors: [{ field: null, message: expect.stringContaining('Shipping cannot be priced'), code: 'SHIPPING_UNAVAILABLE' }] });
  expect(await cartRows(sys)).toEqual(before);
});
