import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import { eventually } from '#kit/testing/index.ts';
import { checkout, minor, register, setAvailable, startCommerce, uuidOf, type Commerce } from '../support/commerce.ts';

/**
 * A till cart checks the store's shelf, through the real gateway: a clerk creates the sale's cart with the
 * store's `locationId`, and cart checks its lines against what that store can sell (on hand − reserved
 * there), not against online availability (the warehouses). A variant the warehouse has none of but the
 * store has three of: the till sells three (not four), online nobody can buy it.
 */
let c: Commerce;
let shopper: string;
let store: { id: string; address: Record<string, string> };
let warehouse: { id: string };
let variant: { id: string; priceMinor: number };

const money = `{ amount currencyCode }`;
const PAYLOAD = `cart { id location { id } totalQuantity lines { id quantity merchandise { id } } warnings { code target }
  buyerIdentity { customer { id } } cost { totalAmount ${money} } } userErrors { code field message }`;
const CART_CREATE = `mutation ($input: CartInput) { cartCreate(input: $input) { ${PAYLOAD} } }`;
const LINES_ADD = `mutation ($id: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $id, lines: $lines) { ${PAYLOAD} } }`;
const ADDRESS = `mutation ($id: ID!, $address: MailingAddressInput!) { cartShippingAddressUpdate(cartId: $id, address: $address) { ${PAYLOAD} } }`;
const IDENTITY = `mutation ($id: ID!, $identity: CartBuyerIdentityInput!) { cartBuyerIdentityUpdate(cartId: $id, buyerIdentity: $identity) { ${PAYLOAD} } }`;
const SELL = `mutation ($cartId: ID!, $locationId: ID!, $payment: PosPaymentInput!, $key: String!) {
  posCheckoutComplete(cartId: $cartId, locationId: $locationId, payment: $payment, idempotencyKey: $key) {
    order { id status channel lines { quantity merchandise { id } } } changeDue ${money} userErrors { code field message }
  }
}`;

beforeAll(async () => {
  c = await startCommerce();
  shopper = await register(c.system, 'till-stock-shopper@example.com');
  const locations = await c.request(`{ locations(first: 10) { nodes { id kind address { address1 city provinceCode zip countryCode } } } }`);
  const nodes = locations.data!.locations.nodes as { id: string; kind: string; address: Record<string, string> }[];
  store = nodes.find((node) => node.kind === 'STORE')!;
  warehouse = nodes.find((node) => node.kind === 'WAREHOUSE')!;
  variant = c.variants[0]!;
  // The warehouse has none of it; the store's shelf has three.
  await setAvailable(c, variant.id, 0);
  await setOnHand(variant.id, store.id, 3);
}, 120_000);

afterAll(async () => {
  await c?.close();
});

/** On hand and reserved of the variant at one location. */
async function levelAt(locationGid: string): Promise<{ onHand: number; reserved: number }> {
  const [row] = await c.system.subgraphs.inventory!.sql<{ on_hand: number; reserved: number }>(
    'select on_hand, reserved from stock_level where variant_id = ? and location_id = ?',
    [uuidOf(variant.id), uuidOf(locationGid)],
  );
  return { onHand: row?.on_hand ?? 0, reserved: row?.reserved ?? 0 };
}

async function setOnHand(variantGid: string, locationGid: string, units: number): Promise<void> {
  const { onHand } = await levelAt(locationGid);
  const result = await c.request(
    `mutation ($input: InventoryAdjustQuantityInput!) { inventoryAdjustQuantity(input: $input) { userErrors { code message } } }`,
    { input: { variantId: variantGid, locationId: locationGid, delta: units - onHand, reason: 'CYCLE_COUNT' } },
    c.staffToken,
  );
  expect(result.data?.inventoryAdjustQuantity.userErrors, JSON.stringify(result)).toEqual([]);
}

/** The payload of the one mutation in `query`, as `token` (anonymous without one). */
async function mutate(query: string, variables: Record<string, unknown>, token?: string) {
  const result = await c.request(query, variables, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return Object.values(result.data!)[0] as { cart: any; userErrors: { code: string; field: string[] | null; message: string }[] };
}

/** cartCreate tied to a store, as staff unless another token (or null: anonymous) is given. */
const tillCart = (quantity: number, token: string | null = c.staffToken, locationId = store.id) =>
  mutate(CART_CREATE, { input: { lines: [{ merchandiseId: variant.id, quantity }], locationId } }, token ?? undefined);
const cartCount = async () => (await c.system.subgraphs.cart!.sql<{ n: number }>('select count(*)::int as n from cart'))[0]!.n;

describe('a till cart checks its store’s stock', () => {
  it('is refused online: the warehouse has none', async () => {
    const answer = await mutate(CART_CREATE, { input: { lines: [{ merchandiseId: variant.id, quantity: 1 }] } });
    expect(answer.userErrors).toEqual([{ code: 'NOT_ENOUGH_STOCK', field: ['input', 'lines', '0', 'quantity'], message: 'This item is out of stock.' }]);
  });

  it('takes what the store can sell (3), not one more, sells it for cash, and only the store’s stock drops', async () => {
    const carts = await cartCount();
    const tooMany = await tillCart(4);
    expect(tooMany.cart).toBeNull();
    expect(tooMany.userErrors).toEqual([{ code: 'NOT_ENOUGH_STOCK', field: ['input', 'lines', '0', 'quantity'], message: 'Only 3 of this item are available.' }]);
    expect(await cartCount()).toBe(carts);

    const created = await tillCart(3);
    expect(created.userErrors).toEqual([]);
    const cart = created.cart;
    // A new cart of nobody's, tied to the store, with no stock warning (the store has the three).
    expect(cart).toMatchObject({ location: { id: store.id }, totalQuantity: 3, buyerIdentity: { customer: null } });
    expect(cart.warnings.filter((warning: any) => warning.code.startsWith('MERCHANDISE_'))).toEqual([]);
    // Changed as the till does, without a token: a fourth is beyond the shelf.
    const fourth = await mutate(LINES_ADD, { id: cart.id, lines: [{ merchandiseId: variant.id, quantity: 1 }] });
    expect(fourth.userErrors).toEqual([{ code: 'NOT_ENOUGH_STOCK', field: ['lines', '0', 'quantity'], message: 'Only 3 of this item are available.' }]);
    const addressed = await mutate(ADDRESS, { id: cart.id, address: { firstName: 'Walk-in', lastName: 'Shopper', ...store.address } });
    expect(addressed.userErrors).toEqual([]);

    // Never checked out online: its stock was promised from the store's shelf, online would take the warehouse's.
    const online = await checkout(c, cart.id, `online-${cart.id}`);
    expect(online.order).toBeNull();
    expect(online.userErrors).toEqual([expect.objectContaining({ code: 'CART_AT_STORE', field: ['cartId'] })]);

    // Nor sold at another store's till: its lines were checked against this store's shelf, not that one's.
    const [other] = await c.system.subgraphs.inventory!.sql<{ id: string }>(
      `insert into location (name, handle, kind, fulfills_online_orders, address1, city, province_code, zip, country_code)
       select 'Second Store', 'second-store', 'STORE', false, address1, city, province_code, zip, country_code from location where id = ?
       returning id`,
      [uuidOf(store.id)],
    );
    await setOnHand(variant.id, toGlobalId('Location', other!.id), 3);
    const elsewhere = await c.request(SELL, { cartId: cart.id, locationId: toGlobalId('Location', other!.id), payment: { method: 'CASH', tendered: addressed.cart.cost.totalAmount }, key: `elsewhere-${cart.id}` }, c.staffToken);
    expect(elsewhere.data!.posCheckoutComplete).toMatchObject({ order: null, userErrors: [{ code: 'CART_AT_OTHER_STORE', field: ['locationId'] }] });
    expect(await levelAt(store.id)).toEqual({ onHand: 3, reserved: 0 });

    const total = minor(addressed.cart.cost.totalAmount.amount);
    const sold = await c.request(SELL, { cartId: cart.id, locationId: store.id, payment: { method: 'CASH', tendered: addressed.cart.cost.totalAmount }, key: `till-${cart.id}` }, c.staffToken);
    expect(sold.errors, JSON.stringify(sold.errors)).toBeUndefined();
    const answer = sold.data!.posCheckoutComplete;
    expect(answer.userErrors).toEqual([]);
    expect(answer.order).toMatchObject({ status: 'DELIVERED', channel: 'POS', lines: [{ quantity: 3, merchandise: { id: variant.id } }] });
    expect(minor(answer.changeDue.amount)).toBe(0);
    expect(total).toBeGreaterThan(0);
    // The store's reservation is committed when the order.paid event reaches inventory.
    await eventually(() => levelAt(store.id), (level) => level.onHand === 0 && level.reserved === 0, 20_000);
    expect(await levelAt(warehouse.id)).toEqual({ onHand: 0, reserved: 0 });
  });

  it('always makes a new cart, and no customer claims it', async () => {
    await setOnHand(variant.id, store.id, 2);
    const [first, second] = [await tillCart(1), await tillCart(1)];
    expect(first.userErrors).toEqual([]);
    expect(second.userErrors).toEqual([]);
    expect(first.cart.id).not.toBe(second.cart.id);
    const touched = await mutate(IDENTITY, { id: first.cart.id, identity: { email: 'walk-in@example.com' } }, shopper);
    expect(touched.userErrors).toEqual([]);
    expect(touched.cart.buyerIdentity.customer).toBeNull();
    // A customer's own open cart is not a till cart.
    const own = await mutate(CART_CREATE, { input: {} }, shopper);
    expect(own.cart.location).toBeNull();
  });
});

describe('who may tie a cart to a store, and which store', () => {
  it('refuses customers and guests with FORBIDDEN on the field, and writes nothing', async () => {
    for (const token of [shopper, null]) {
      const carts = await cartCount();
      const answer = await tillCart(1, token);
      expect(answer.cart).toBeNull();
      expect(answer.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', field: ['input', 'locationId'] })]);
      expect(await cartCount()).toBe(carts);
    }
  });

  it('refuses a malformed id, a warehouse and an unknown location, on the field', async () => {
    const cases: [string, string][] = [
      ['not-an-id', 'INVALID'],
      [toGlobalId('Product', crypto.randomUUID()), 'INVALID'],
      [warehouse.id, 'INVALID'],
      [toGlobalId('Location', crypto.randomUUID()), 'NOT_FOUND'],
    ];
    const carts = await cartCount();
    for (const [locationId, code] of cases) {
      const answer = await tillCart(1, c.staffToken, locationId);
      expect(answer.cart, locationId).toBeNull();
      expect(answer.userErrors, locationId).toEqual([expect.objectContaining({ code, field: ['input', 'locationId'] })]);
    }
    expect(await cartCount()).toBe(carts);
  });
});
