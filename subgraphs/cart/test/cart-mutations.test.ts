import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADDRESS_UPDATE, CART_CREATE, CART_QUERY, CODES_UPDATE, IDENTITY_UPDATE, LINES_ADD, LINES_REMOVE, LINES_UPDATE, OPTION_UPDATE, WARNINGS_QUERY,
  cartWith, cents, createVariant, mutate, startCartSystem, usd, type CartSystem,
} from './support.ts';

let sys: CartSystem;
let a: string; // 0.99, STANDARD, 100 g
let b: string; // 10.00, REDUCED, 500 g
let z: string; // 24.50, ZERO, 1 kg

beforeAll(async () => {
  sys = await startCartSystem();
  [a, b, z] = (await Promise.all([
    createVariant(sys, { price: '0.99', weightGrams: 100, taxClass: 'STANDARD', stock: 100 }),
    createVariant(sys, { price: '10.00', weightGrams: 500, taxClass: 'REDUCED', stock: 100 }),
    createVariant(sys, { price: '24.50', weightGrams: 1000, taxClass: 'ZERO', stock: 100 }),
  ])).map((variant) => variant.variantId) as [string, string, string];
});
afterAll(() => sys?.close());

/** round(amount × ratePpm / 1e6), halves up: the test's own arithmetic, not the code's. */
const taxOf = (amount: number, ratePpm: number) => Math.floor((amount * ratePpm + 500_000) / 1_000_000);
const CALIFORNIA = { address1: '1 Market St', city: 'San Francisco', provinceCode: 'CA', zip: '94105', countryCode: 'US' };
const NEW_YORK = { address1: '350 Fifth Avenue', city: 'New York', provinceCode: 'ny', zip: '10118', countryCode: 'us' };
const OPTIONS = `query ($id: ID!) { cart(id: $id) { shippingOptions { id title carrier price { amount currencyCode } estimatedDays } } }`;

async function optionsOf(cartId: string) {
  return (await sys.send<{ cart: { shippingOptions: { id: string; title: string; price: { amount: string } }[] } }>(OPTIONS, { id: cartId })).cart.shippingOptions;
}

describe('a guest cart from creation to a shipping option, to the cent', () => {
  let cartId: string;

  it('cartCreate: lines, buyer identity and a code (lower case is fine); 10% of 22.97 is 2.30', async () => {
    const cart = await cartWith(sys, { [a]: 3, [b]: 2 }, undefined, { discountCodes: ['welcome10'], buyerIdentity: { email: ' Ada@Example.com ', countryCode: 'us' } });
    cartId = cart.id;
    expect(cart.id).toMatch(/^gid:\/\/commerce\/Cart\/[0-9a-f-]{36}$/);
    expect(cart.lines.map((line: any) => [line.merchandise.id, line.quantity, line.cost])).toEqual([
      [a, 3, { amountPerQuantity: usd('0.99'), totalAmount: usd('2.97') }],
      [b, 2, { amountPerQuantity: usd('10.00'), totalAmount: usd('20.00') }],
    ]);
    expect(cart.totalQuantity).toBe(5);
    expect(cart.discountCodes).toEqual([{ code: 'WELCOME10', applicable: true }]);
    expect(cart.buyerIdentity).toEqual({ email: 'ada@example.com', countryCode: 'US', customer: null });
    const subtotal = 3 * 99 + 2 * 1000;
    const discount = Math.floor((subtotal * 1000 + 5000) / 10_000);
    // The buyer's country (US, no state) taxes nothing.
    expect(cart.cost).toEqual({
      subtotalAmount: cents(subtotal), discountAmount: cents(discount), shippingAmount: cents(0), totalTaxAmount: cents(0),
      totalAmount: cents(subtotal - discount),
    });
    expect(discount).toBe(230);
  });

  it('cartShippingAddressUpdate: California taxes each discounted line at 7.25%, not shipping', async () => {
    const { cart, userErrors } = await mutate(sys, ADDRESS_UPDATE, { cartId, address: CALIFORNIA });
    expect(userErrors).toEqual([]);
    expect(cart.shippingAddress).toEqual({ address1: '1 Market St', city: 'San Francisco', provinceCode: 'CA', countryCode: 'US' });
    // The 2.30 discount splits 0.30 / 2.00 over 2.97 / 20.00 (largest remainder); REDUCED has no Californian rate: STANDARD.
    const tax = taxOf(297 - 30, 72_500) + taxOf(2000 - 200, 72_500);
    expect(tax).toBe(19 + 131);
    expect(cart.cost.totalTaxAmount).toEqual(cents(tax));
    expect(cart.cost.totalAmount).toEqual(cents(2297 - 230 + tax));
    expect((await sys.send(WARNINGS_QUERY, { id: cartId })).cart.warnings).toEqual([]);
  });

  it('offers shipping options computed by shipping from the cart\'s weight, and cartSelectedShippingOptionUpdate stores one', async () => {
    // 3 × 100 g + 2 × 500 g = 1.3 kg: the "up to 5 kg" band; free shipping needs $100 after discounts.
    const options = await optionsOf(cartId);
    expect(options.map((option) => [option.title, option.price.amount])).toEqual([['Standard', '9.99'], ['Express', '19.99']]);
    const standard = options[0]!;
    const { cart, userErrors } = await mutate(sys, OPTION_UPDATE, { cartId, optionId: standard.id });
    expect(userErrors).toEqual([]);
    expect(cart.selectedShippingOption).toEqual({ id: standard.id, title: 'Standard', carrier: 'USPS', price: usd('9.99'), estimatedDays: 5 });
    expect(cart.cost).toEqual({
      subtotalAmount: cents(2297), discountAmount: cents(230), shippingAmount: cents(999), totalTaxAmount: cents(150),
      totalAmount: cents(2297 - 230 + 999 + 150),
    });
  });

  it('moves to New York: taxes at 4%, shipping included, and the selected option is re-quoted for the new address', async () => {
    const { cart, userErrors } = await mutate(sys, ADDRESS_UPDATE, { cartId, address: NEW_YORK });
    expect(userErrors).toEqual([]);
    expect(cart.shippingAddress).toMatchObject({ provinceCode: 'NY', countryCode: 'US' });
    const tax = taxOf(267, 40_000) + taxOf(1800, 40_000) + taxOf(999, 40_000);
    expect(tax).toBe(11 + 72 + 40);
    expect(cart.cost).toMatchObject({ shippingAmount: cents(999), totalTaxAmount: cents(tax), totalAmount: cents(2297 - 230 + 999 + tax) });
  });

  it('cartLinesAdd re-prices the selected option when the parcel crosses a weight band', async () => {
    const { cart, userErrors } = await mutate(sys, LINES_ADD, { cartId, lines: [{ merchandiseId: b, quantity: 8 }] });
    expect(userErrors).toEqual([]);
    // 300 g + 10 × 500 g = 5.3 kg: Standard is now $19.99.
    expect(cart.lines.map((line: any) => line.quantity)).toEqual([3, 10]);
    expect(cart.selectedShippingOption).toMatchObject({ title: 'Standard', price: usd('19.99') });
    const subtotal = 297 + 10_000;
    const discount = Math.floor((subtotal * 1000 + 5000) / 10_000); // 1029.7 → 10.30
    expect(cart.cost).toMatchObject({ subtotalAmount: cents(subtotal), discountAmount: cents(discount), shippingAmount: cents(1999) });
  });

  it('clears a selected option the cart no longer qualifies for, and says so', async () => {
    // With 24.50 more, 127.47 less 10% is 114.72: over $100, so free shipping is offered; choose it.
    await mutate(sys, LINES_ADD, { cartId, lines: [{ merchandiseId: z, quantity: 1 }] });
    const free = (await optionsOf(cartId)).find((option) => option.title === 'Free shipping')!;
    expect((await mutate(sys, OPTION_UPDATE, { cartId, optionId: free.id })).cart.cost.shippingAmount).toEqual(cents(0));
    const zLine = (await sys.send(CART_QUERY, { id: cartId })).cart.lines[2].id;
    const { cart, userErrors } = await mutate(sys, LINES_REMOVE, { cartId, lineIds: [zLine] });
    expect(userErrors).toEqual([]);
    expect(cart.selectedShippingOption).toBeNull();
    expect(cart.cost.shippingAmount).toEqual(cents(0));
    expect((await sys.send(WARNINGS_QUERY, { id: cartId })).cart.warnings).toEqual([
      { code: 'SHIPPING_OPTION_UNAVAILABLE', message: expect.stringContaining('Free shipping'), target: cartId },
    ]);
  });
});

describe('each mutation\'s happy path', () => {
  it('cartLinesAdd adds to an existing line for the same variant, and a new line for another', async () => {
    const cart = await cartWith(sys, { [a]: 1 });
    const { cart: after, userErrors } = await mutate(sys, LINES_ADD, { cartId: cart.id, lines: [{ merchandiseId: a, quantity: 2 }, { merchandiseId: z }] });
    expect(userErrors).toEqual([]);
    expect(after.lines.map((line: any) => [line.merchandise.id, line.quantity])).toEqual([[a, 3], [z, 1]]);
    expect(after.lines[0].id).toBe(cart.lines[0].id);
  });

  it('cartLinesUpdate sets quantities, and 0 removes a line', async () => {
    const cart = await cartWith(sys, { [a]: 1, [b]: 1 });
    const [lineA, lineB] = cart.lines;
    const { cart: after, userErrors } = await mutate(sys, LINES_UPDATE, { cartId: cart.id, lines: [{ id: lineA.id, quantity: 7 }, { id: lineB.id, quantity: 0 }] });
    expect(userErrors).toEqual([]);
    expect(after.lines.map((line: any) => [line.id, line.quantity])).toEqual([[lineA.id, 7]]);
    expect(after.cost.subtotalAmount).toEqual(cents(7 * 99));
  });

  it('cartLinesRemove removes lines', async () => {
    const cart = await cartWith(sys, { [a]: 1, [b]: 1, [z]: 1 });
    const { cart: after, userErrors } = await mutate(sys, LINES_REMOVE, { cartId: cart.id, lineIds: [cart.lines[0].id, cart.lines[2].id] });
    expect(userErrors).toEqual([]);
    expect(after.lines.map((line: any) => line.merchandise.id)).toEqual([b]);
  });

  it('cartDiscountCodesUpdate replaces the codes, keeping unknown ones as not applicable (with a warning), and [] removes them', async () => {
    const cart = await cartWith(sys, { [b]: 6 });
    const { cart: after, userErrors } = await mutate(sys, CODES_UPDATE, { cartId: cart.id, codes: ['nope-2026', 'SAVE5', 'save5'] });
    expect(userErrors).toEqual([]);
    expect(after.discountCodes).toEqual([{ code: 'NOPE-2026', applicable: false }, { code: 'SAVE5', applicable: true }]);
    expect(after.cost).toMatchObject({ subtotalAmount: cents(6000), discountAmount: cents(500), totalAmount: cents(5500) });
    const warnings = (await sys.send(WARNINGS_QUERY, { id: cart.id })).cart.warnings;
    expect(warnings).toContainEqual({ code: 'DISCOUNT_CODE_NOT_APPLICABLE', message: 'Discount code NOPE-2026 is not a discount code we know.', target: 'NOPE-2026' });
    // SAVE5 needs $50.00: at $40.00 it stops applying, and the cart says so.
    const lowered = await mutate(sys, LINES_UPDATE, { cartId: cart.id, lines: [{ id: cart.lines[0].id, quantity: 4 }] });
    expect(lowered.cart.discountCodes).toEqual([{ code: 'NOPE-2026', applicable: false }, { code: 'SAVE5', applicable: false }]);
    expect((await sys.send(WARNINGS_QUERY, { id: cart.id })).cart.warnings.map((w: any) => w.target)).toEqual(['NOPE-2026', 'SAVE5', cart.id]);
    const cleared = await mutate(sys, CODES_UPDATE, { cartId: cart.id, codes: [] });
    expect(cleared.cart.discountCodes).toEqual([]);
  });

  it('applies the automatic discount ($25 off $500) before codes, on its own', async () => {
    const cart = await cartWith(sys, { [z]: 21 }, undefined, { discountCodes: ['WELCOME10'] });
    const subtotal = 21 * 2450; // 514.50
    const afterAutomatic = subtotal - 2500;
    const discount = 2500 + Math.floor((afterAutomatic * 1000 + 5000) / 10_000);
    expect(cart.cost).toMatchObject({ subtotalAmount: cents(subtotal), discountAmount: cents(discount), totalAmount: cents(subtotal - discount) });
  });

  it('cartBuyerIdentityUpdate sets email and country (taxing by country before there is an address), and null clears', async () => {
    const cart = await cartWith(sys, { [b]: 1, [z]: 1 });
    const { cart: after, userErrors } = await mutate(sys, IDENTITY_UPDATE, { cartId: cart.id, buyerIdentity: { email: 'shopper@example.de', countryCode: 'DE' } });
    expect(userErrors).toEqual([]);
    expect(after.buyerIdentity).toEqual({ email: 'shopper@example.de', countryCode: 'DE', customer: null });
    // Germany: REDUCED 7% on 10.00, ZERO on 24.50.
    expect(after.cost.totalTaxAmount).toEqual(cents(70));
    const cleared = await mutate(sys, IDENTITY_UPDATE, { cartId: cart.id, buyerIdentity: { countryCode: null } });
    expect(cleared.cart.buyerIdentity).toEqual({ email: 'shopper@example.de', countryCode: null, customer: null });
    expect(cleared.cart.cost.totalTaxAmount).toEqual(cents(0));
  });

  it('remembers a destination shipping does not serve, and warns', async () => {
    const cart = await cartWith(sys, { [a]: 1 });
    const { userErrors } = await mutate(sys, ADDRESS_UPDATE, { cartId: cart.id, address: { address1: '1-1 Chiyoda', city: 'Tokyo', countryCode: 'JP' } });
    expect(userErrors).toEqual([]);
    expect((await sys.send(WARNINGS_QUERY, { id: cart.id })).cart.warnings).toEqual([
      { code: 'SHIPPING_DESTINATION_NOT_SERVED', message: 'We do not ship to this address.', target: cart.id },
    ]);
    expect(await optionsOf(cart.id)).toEqual([]);
  });

  it('creates an empty cart without input, in the default currency', async () => {
    const { cart, userErrors } = await mutate(sys, CART_CREATE, {});
    expect(userErrors).toEqual([]);
    expect(cart).toMatchObject({ lines: [], totalQuantity: 0, discountCodes: [], cost: { totalAmount: usd('0.00') } });
    expect((await sys.send(WARNINGS_QUERY, { id: cart.id })).cart.warnings).toEqual([]);
  });
});
