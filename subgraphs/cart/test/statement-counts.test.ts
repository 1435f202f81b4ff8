import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADDRESS_UPDATE, CART_CREATE, CART_FIELDS, CODES_UPDATE, IDENTITY_UPDATE, LINES_ADD, LINES_REMOVE, LINES_UPDATE, OPTION_UPDATE,
  cartWith, createVariants, type CartSystem, type Person, person, startCartSystem,
} from './support.ts';

let sys: CartSystem;
let variants: string[];
let shopper: Person;
const ADDRESS = { address1: '1 Main St', city: 'Austin', provinceCode: 'TX', zip: '73301', countryCode: 'US' };

beforeAll(async () => {
  sys = await startCartSystem();
  variants = await createVariants(sys, 54, 100);
  shopper = await person();
});
afterAll(() => sys?.close());

/** Statements the cart subgraph sends for one request made to it directly (as the gateway would); it must succeed. */
async function statements(query: string, variables: Record<string, unknown>, who: Person = shopper): Promise<number> {
  sys.cart.db.resetStatementCount();
  const result = await sys.cart.request(query, variables, who.viewer);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const payload = Object.values(result.data!)[0] as { userErrors?: unknown[] } | null;
  if (payload && 'userErrors' in payload) expect(payload.userErrors).toEqual([]);
  return sys.cart.db.statementCount();
}

/** A cart of `count` lines with an address and a code, as `who`. */
async function fullCart(count: number, who: Person): Promise<any> {
  const cart = await cartWith(sys, Object.fromEntries(variants.slice(0, count).map((id) => [id, 1])), who, { discountCodes: ['WELCOME10', 'UNKNOWN'] });
  const response = await sys.cart.request(ADDRESS_UPDATE, { cartId: cart.id, address: ADDRESS }, who.viewer);
  expect(response.data!.cartShippingAddressUpdate.userErrors).toEqual([]);
  return response.data!.cartShippingAddressUpdate.cart;
}

const READ = `query ($id: ID!) { cart(id: $id) { ${CART_FIELDS} warnings { code target } shippingWeightGrams shippingSubtotalMinor shippingCurrencyCode shippingCountryCode } }`;

describe('SQL statements per cart request do not grow with the cart', () => {
  it('reads a cart of 50 lines, with totals, codes, taxes and warnings, in as many statements as one of 2', async () => {
    const small = await fullCart(2, await person());
    const large = await fullCart(50, await person());
    const two = await statements(READ, { id: small.id }, sys.staff);
    const fifty = await statements(READ, { id: large.id }, sys.staff);
    expect(fifty).toBe(two);
    // One: the cart with its lines, its codes with the discounts (and usage counts), the destination's tax
    // rules and the catalog observations, each a JSON column (services/cart-reads.ts).
    expect(fifty).toBe(1);
  });

  it('changes a cart of 50 lines in as many statements as one of 2, for every mutation', async () => {
    const counts: Record<string, [number, number]> = {};
    for (const [index, size] of [2, 50].entries()) {
      const who = await person();
      const cart = await fullCart(size, who);
      const extra = variants[50 + index]!;
      const measure = async (name: string, query: string, variables: Record<string, unknown>) => {
        (counts[name] ??= [0, 0])[index] = await statements(query, { cartId: cart.id, ...variables }, who);
      };
      await measure('cartLinesAdd', LINES_ADD, { lines: [{ merchandiseId: extra, quantity: 2 }] });
      await measure('cartLinesUpdate', LINES_UPDATE, { lines: [{ id: cart.lines[0].id, quantity: 3 }] });
      await measure('cartLinesRemove', LINES_REMOVE, { lineIds: [cart.lines[1].id] });
      await measure('cartDiscountCodesUpdate', CODES_UPDATE, { codes: ['SAVE5'] });
      await measure('cartBuyerIdentityUpdate', IDENTITY_UPDATE, { buyerIdentity: { email: 'counted@example.com' } });
      await measure('cartShippingAddressUpdate', ADDRESS_UPDATE, { address: { ...ADDRESS, provinceCode: 'CA' } });
      const options = await sys.system.request<any>(`query ($id: ID!) { cart(id: $id) { shippingOptions { id } } }`, { id: cart.id }, who.token);
      await measure('cartSelectedShippingOptionUpdate', OPTION_UPDATE, { optionId: options.data!.cart.shippingOptions[0].id });
      // With an option selected, a change to the parcel re-quotes it.
      await measure('cartLinesAdd, re-quoting', LINES_ADD, { lines: [{ merchandiseId: extra }] });
    }
    for (const [name, [two, fifty]] of Object.entries(counts)) expect(fifty, name).toBe(two);
    // Each: the read before the lock (cart and line ids), the lock, lines and codes, the cart's upsert,
    // every line's upsert (one statement); then the payload's codes-with-discounts and tax rules (one). Plus:
    // deleting lines (remove), writing codes (codes), the discounts for the parcel shipping is asked to
    // price (address, option, and a re-quote of a selected option).
    expect(Object.fromEntries(Object.entries(counts).map(([name, [two]]) => [name, two]))).toEqual({
      cartLinesAdd: 6,
      cartLinesUpdate: 6,
      cartLinesRemove: 7,
      cartDiscountCodesUpdate: 7,
      cartBuyerIdentityUpdate: 6,
      cartShippingAddressUpdate: 7,
      cartSelectedShippingOptionUpdate: 7,
      'cartLinesAdd, re-quoting': 7,
    });
  });

  it('creates a cart in a fixed number of statements', async () => {
    const create = (count: number) => statements(CART_CREATE, {
      input: { lines: variants.slice(0, count).map((merchandiseId) => ({ merchandiseId })), discountCodes: ['WELCOME10'], buyerIdentity: { countryCode: 'US' } },
    }, sys.staff);
    const two = await create(2);
    expect(await create(50)).toBe(two);
    // The cart's insert, its lines, its codes; then the payload's codes-with-discounts and tax rules (one).
    expect(two).toBe(4);
  });
});
