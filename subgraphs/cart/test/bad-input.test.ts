import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import {
  ADDRESS_UPDATE, CART_CREATE, CODES_UPDATE, IDENTITY_UPDATE, LINES_ADD, LINES_REMOVE, LINES_UPDATE, OPTION_UPDATE,
  cartRows, cartWith, createVariant, mutate, person, startCartSystem, type CartSystem, type Person,
} from './support.ts';

let sys: CartSystem;
let scarce: string; // 5 in stock
let plenty: string;
let euro: string;
let guestCart: any;
let othersCart: any;

beforeAll(async () => {
  sys = await startCartSystem();
  [scarce, plenty, euro] = (await Promise.all([
    createVariant(sys, { price: '5.00', stock: 5 }),
    createVariant(sys, { price: '1.00', stock: 5000 }),
    createVariant(sys, { price: '3.00', currencyCode: 'EUR', stock: 10 }),
  ])).map((v) => v.variantId) as [string, string, string];
  guestCart = await cartWith(sys, { [scarce]: 1, [plenty]: 1 });
  othersCart = await cartWith(sys, { [plenty]: 1 }, await person());
});
afterAll(() => sys?.close());

const unknownVariant = toGlobalId('ProductVariant', crypto.randomUUID());
const unknownCart = toGlobalId('Cart', crypto.randomUUID());
const notFound = [{ field: ['cartId'], code: 'NOT_FOUND' }];

/** Runs a mutation that must be refused with exactly `errors` (codes and fields), and checks no row changed. */
async function refused(query: string, variables: Record<string, unknown>, errors: { code: string; field: string[] | null }[], who?: Person) {
  const before = await cartRows(sys);
  const payload = await mutate(sys, query, variables, who);
  expect(payload.cart).toBeNull();
  expect(payload.userErrors.map(({ code, field }) => ({ code, field }))).toEqual(errors);
  for (const error of payload.userErrors) expect(error.message).not.toBe('');
  expect(await cartRows(sys)).toEqual(before);
}

describe('quantities', () => {
  it('refuses zero, negative, over 999 and huge quantities on add and create', async () => {
    for (const quantity of [0, -1, 1000, 2_147_483_647]) {
      await refused(LINES_ADD, { cartId: guestCart.id, lines: [{ merchandiseId: plenty, quantity }] }, [{ code: 'INVALID', field: ['lines', '0', 'quantity'] }]);
      await refused(CART_CREATE, { input: { lines: [{ merchandiseId: plenty, quantity }] } }, [{ code: 'INVALID', field: ['input', 'lines', '0', 'quantity'] }]);
    }
  });

  it('refuses negative and over-999 quantities on update, and a line that would pass 999 by adding', async () => {
    const line = guestCart.lines[1].id;
    for (const quantity of [-1, 1000, 2_147_483_647]) {
      await refused(LINES_UPDATE, { cartId: guestCart.id, lines: [{ id: line, quantity }] }, [{ code: 'INVALID', field: ['lines', '0', 'quantity'] }]);
    }
    await refused(LINES_ADD, { cartId: guestCart.id, lines: [{ merchandiseId: plenty, quantity: 999 }] }, [{ code: 'INVALID', field: ['lines', '0', 'quantity'] }]);
  });

  it('refuses more than inventory can sell, with NOT_ENOUGH_STOCK on the quantity', async () => {
    await refused(LINES_ADD, { cartId: guestCart.id, lines: [{ merchandiseId: scarce, quantity: 5 }] }, [{ code: 'NOT_ENOUGH_STOCK', field: ['lines', '0', 'quantity'] }]);
    await refused(LINES_UPDATE, { cartId: guestCart.id, lines: [{ id: guestCart.lines[0].id, quantity: 6 }] }, [{ code: 'NOT_ENOUGH_STOCK', field: ['lines', '0', 'quantity'] }]);
    await refused(CART_CREATE, { input: { lines: [{ merchandiseId: scarce, quantity: 6 }] } }, [{ code: 'NOT_ENOUGH_STOCK', field: ['input', 'lines', '0', 'quantity'] }]);
    const payload = await mutate(sys, LINES_ADD, { cartId: guestCart.id, lines: [{ merchandiseId: scarce, quantity: 5 }] });
    expect(payload.userErrors[0]!.message).toBe('Only 5 of this item are available.');
  });
});

describe('ids', () => {
  it('answers unknown, malformed and someone else\'s carts alike, on every mutation', async () => {
    const address = { address1: '1 Main St', city: 'Springfield', countryCode: 'US' };
    for (const cartId of [unknownCart, 'gid://commerce/Cart/not-a-uuid', 'nonsense', toGlobalId('Product', crypto.randomUUID().toString()), othersCart.id]) {
      await refused(LINES_ADD, { cartId, lines: [{ merchandiseId: plenty }] }, notFound);
      await refused(LINES_UPDATE, { cartId, lines: [{ id: guestCart.lines[0].id, quantity: 1 }] }, notFound);
      await refused(LINES_REMOVE, { cartId, lineIds: [guestCart.lines[0].id] }, notFound);
      await refused(CODES_UPDATE, { cartId, codes: ['WELCOME10'] }, notFound);
      await refused(IDENTITY_UPDATE, { cartId, buyerIdentity: { email: 'x@example.com' } }, notFound);
      await refused(ADDRESS_UPDATE, { cartId, address }, notFound);
      await refused(OPTION_UPDATE, { cartId, optionId: 'gid://commerce/ShippingRate/x' }, notFound);
    }
  });

  it('refuses malformed and unknown variants and lines, each on its own field', async () => {
    await refused(LINES_ADD, { cartId: guestCart.id, lines: [{ merchandiseId: 'gid://commerce/ProductVariant/nope' }, { merchandiseId: toGlobalId('Product', crypto.randomUUID()) }] }, [
      { code: 'INVALID', field: ['lines', '0', 'merchandiseId'] },
      { code: 'INVALID', field: ['lines', '1', 'merchandiseId'] },
    ]);
    await refused(LINES_ADD, { cartId: guestCart.id, lines: [{ merchandiseId: plenty }, { merchandiseId: unknownVariant }] }, [
      { code: 'MERCHANDISE_NOT_FOUND', field: ['lines', '1', 'merchandiseId'] },
    ]);
    await refused(LINES_UPDATE, { cartId: guestCart.id, lines: [{ id: 'gid://commerce/CartLine/1', quantity: 1 }] }, [{ code: 'INVALID', field: ['lines', '0', 'id'] }]);
    await refused(LINES_UPDATE, { cartId: guestCart.id, lines: [{ id: othersCart.lines[0].id, quantity: 1 }] }, [{ code: 'NOT_FOUND', field: ['lines', '0', 'id'] }]);
    await refused(LINES_UPDATE, { cartId: guestCart.id, lines: [{ id: guestCart.lines[0].id, quantity: 1 }, { id: guestCart.lines[0].id, quantity: 2 }] }, [
      { code: 'INVALID', field: ['lines', '1', 'id'] },
    ]);
    await refused(LINES_REMOVE, { cartId: guestCart.id, lineIds: ['x', othersCart.lines[0].id] }, [{ code: 'INVALID', field: ['lineIds', '0'] }]);
    await refused(LINES_REMOVE, { cartId: guestCart.id, lineIds: [guestCart.lines[0].id, othersCart.lines[0].id] }, [{ code: 'NOT_FOUND', field: ['lineIds', '1'] }]);
  });

  it('refuses empty line lists', async () => {
    await refused(LINES_ADD, { cartId: guestCart.id, lines: [] }, [{ code: 'INVALID', field: ['lines'] }]);
    await refused(LINES_UPDATE, { cartId: guestCart.id, lines: [] }, [{ code: 'INVALID', field: ['lines'] }]);
    await refused(LINES_REMOVE, { cartId: guestCart.id, lineIds: [] }, [{ code: 'INVALID', field: ['lineIds'] }]);
  });

  it('keeps a cart in one currency', async () => {
    await refused(LINES_ADD, { cartId: guestCart.id, lines: [{ merchandiseId: euro }] }, [{ code: 'CURRENCY_MISMATCH', field: ['lines', '0', 'merchandiseId'] }]);
    await refused(CART_CREATE, { input: { lines: [{ merchandiseId: plenty }, { merchandiseId: euro }] } }, [{ code: 'CURRENCY_MISMATCH', field: ['input', 'lines', '1', 'merchandiseId'] }]);
  });
});

describe('codes, identity and addresses', () => {
  it('refuses malformed discount codes and too many of them (unknown ones are kept, not refused)', async () => {
    await refused(CODES_UPDATE, { cartId: guestCart.id, codes: ['', 'WITH SPACE', 'X'.repeat(65), 'ok!'] }, [
      { code: 'INVALID', field: ['discountCodes', '0'] },
      { code: 'INVALID', field: ['discountCodes', '1'] },
      { code: 'INVALID', field: ['discountCodes', '2'] },
      { code: 'INVALID', field: ['discountCodes', '3'] },
    ]);
    await refused(CODES_UPDATE, { cartId: guestCart.id, codes: Array.from({ length: 11 }, (_, i) => `CODE${i}`) }, [{ code: 'INVALID', field: ['discountCodes'] }]);
    await refused(CART_CREATE, { input: { discountCodes: ['no way'] } }, [{ code: 'INVALID', field: ['input', 'discountCodes', '0'] }]);
  });

  it('refuses a malformed email and country', async () => {
    await refused(IDENTITY_UPDATE, { cartId: guestCart.id, buyerIdentity: { email: 'not-an-email', countryCode: 'USA' } }, [
      { code: 'INVALID', field: ['buyerIdentity', 'email'] },
      { code: 'INVALID', field: ['buyerIdentity', 'countryCode'] },
    ]);
    await refused(IDENTITY_UPDATE, { cartId: guestCart.id, buyerIdentity: { email: `${'x'.repeat(250)}@example.com` } }, [{ code: 'TOO_LONG', field: ['buyerIdentity', 'email'] }]);
    await refused(CART_CREATE, { input: { buyerIdentity: { countryCode: 'XX' } } }, [{ code: 'INVALID', field: ['input', 'buyerIdentity', 'countryCode'] }]);
  });

  it('refuses a malformed address, every field at once', async () => {
    await refused(ADDRESS_UPDATE, { cartId: guestCart.id, address: {} }, [
      { code: 'BLANK', field: ['address', 'countryCode'] },
      { code: 'BLANK', field: ['address', 'address1'] },
      { code: 'BLANK', field: ['address', 'city'] },
    ]);
    await refused(ADDRESS_UPDATE, { cartId: guestCart.id, address: { address1: '1 Main St', city: 'X', countryCode: 'XX', provinceCode: 'C@', phone: 'call me', zip: '1'.repeat(21) } }, [
      { code: 'INVALID', field: ['address', 'countryCode'] },
      { code: 'INVALID', field: ['address', 'provinceCode'] },
      { code: 'INVALID', field: ['address', 'phone'] },
      { code: 'TOO_LONG', field: ['address', 'zip'] },
    ]);
  });

  it('refuses choosing a shipping option without an address, or one that is not offered', async () => {
    await refused(OPTION_UPDATE, { cartId: guestCart.id, optionId: 'gid://commerce/ShippingRate/x' }, [{ code: 'SHIPPING_ADDRESS_MISSING', field: ['shippingOptionId'] }]);
    const cart = await cartWith(sys, { [plenty]: 1 });
    expect((await mutate(sys, ADDRESS_UPDATE, { cartId: cart.id, address: { address1: '1 Main St', city: 'Austin', provinceCode: 'TX', countryCode: 'US' } })).userErrors).toEqual([]);
    await refused(OPTION_UPDATE, { cartId: cart.id, optionId: toGlobalId('ShippingRate', crypto.randomUUID()) }, [{ code: 'SHIPPING_OPTION_NOT_FOUND', field: ['shippingOptionId'] }]);
  });
});

describe('who may call', () => {
  it('refuses cart mutations from other subgraphs, and lets only orders read carts as a service', async () => {
    const before = await cartRows(sys);
    const asOrders = { role: 'service' as const, customerId: null, service: 'orders' };
    const added = await sys.cart.request(LINES_ADD, { cartId: guestCart.id, lines: [{ merchandiseId: plenty }] }, asOrders);
    expect(added.data!.cartLinesAdd.userErrors).toEqual([{ field: null, message: expect.any(String), code: 'FORBIDDEN' }]);
    expect(await cartRows(sys)).toEqual(before);
    const read = `query ($id: ID!) { cart(id: $id) { id } }`;
    expect((await sys.cart.request(read, { id: othersCart.id }, asOrders)).data!.cart).toEqual({ id: othersCart.id });
    const asShipping = await sys.cart.request(read, { id: guestCart.id }, { role: 'service', customerId: null, service: 'shipping' });
    expect(asShipping.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers a malformed id in the cart query as BAD_USER_INPUT', async () => {
    const result = await sys.system.request(`{ cart(id: "gid://commerce/Cart/nope") { id } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['id'] });
  });
});
