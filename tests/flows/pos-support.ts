import { expect } from 'vitest';
import { createCart, minor, register, startCommerce, uuidOf, type Commerce } from '../support/commerce.ts';

/**
 * Shared by the till tests (pos-sale.test.ts, pos-pickup.test.ts). Each file starts its own system with
 * `startTill`, so the helpers take a getter for it (`() => till`) and are bound once per file.
 */
export interface Till {
  c: Commerce;
  shopper: string;
  store: { id: string; address: Record<string, string> };
  warehouse: { id: string };
  /** Variants with at least ten units online (these carts have no `locationId`, so cart checks online stock). */
  stocked: Commerce['variants'];
}

/** The whole system, a shopper signed up with `shopperEmail`, and its store and warehouse. */
export async function startTill(shopperEmail: string): Promise<Till> {
  const c = await startCommerce();
  const shopper = await register(c.system, shopperEmail);
  const locations = await c.request(`{ locations(first: 10) { nodes { id handle kind address { address1 city provinceCode zip countryCode } } } }`);
  const nodes = locations.data!.locations.nodes as { id: string; handle: string; kind: string; address: Record<string, string> }[];
  const store = nodes.find((node) => node.kind === 'STORE')!;
  const warehouse = nodes.find((node) => node.kind === 'WAREHOUSE')!;
  expect(store && warehouse).toBeTruthy();
  const stocked = c.variants.filter((variant) => variant.available >= 10);
  expect(stocked.length).toBeGreaterThanOrEqual(10);
  return { c, shopper, store, warehouse, stocked };
}

const money = `{ amount currencyCode }`;
export const ORDER_FIELDS = `id number status channel location { id name }
  lines { quantity shippedQuantity merchandise { id } }
  totals { subtotal ${money} discounts ${money} shipping ${money} tax ${money} total ${money} }
  payment { method tendered ${money} changeDue ${money} captured ${money} refunded ${money} }
  history { from to actor reason }`;
export const SELL = `mutation ($cartId: ID!, $locationId: ID!, $payment: PosPaymentInput!, $key: String!) {
  posCheckoutComplete(cartId: $cartId, locationId: $locationId, payment: $payment, idempotencyKey: $key) {
    order { ${ORDER_FIELDS} } changeDue ${money} userErrors { code field message }
  }
}`;
const PICK_UP = `mutation ($orderId: ID!, $locationId: ID!) {
  orderPickUp(orderId: $orderId, locationId: $locationId) { order { ${ORDER_FIELDS} } userErrors { code field message } }
}`;
export const ORDER = `query ($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;

export type Payment = { method: 'CASH' | 'CARD_PRESENT'; tendered?: { amount: string; currencyCode: string } };

export const usd = (minorUnits: number) => ({ amount: (minorUnits / 100).toFixed(2), currencyCode: 'USD' });

export function tillHelpers(till: () => Till) {
  async function sell(cartId: string, payment: Payment, key: string, options: { locationId?: string; token?: string | null } = {}) {
    const { c, store } = till();
    const token = options.token === null ? undefined : (options.token ?? c.staffToken);
    const result = await c.request(SELL, { cartId, locationId: options.locationId ?? store.id, payment, key }, token);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.posCheckoutComplete;
  }

  /** Picks an order up at a location (the store unless given), as staff unless another token (or null: anonymous) is given. */
  async function pickUp(orderId: string, locationId = till().store.id, token: string | null = till().c.staffToken) {
    const result = await till().c.request(PICK_UP, { orderId, locationId }, token ?? undefined);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.orderPickUp;
  }

  const orderOf = async (id: string) => (await till().c.request(ORDER, { id }, till().c.staffToken)).data!.order;

  /** On hand and reserved of a variant at one location. */
  async function levelAt(variantGid: string, locationGid: string): Promise<{ onHand: number; reserved: number }> {
    const [row] = await till().c.system.subgraphs.inventory!.sql<{ on_hand: number; reserved: number }>(
      'select on_hand, reserved from stock_level where variant_id = ? and location_id = ?',
      [uuidOf(variantGid), uuidOf(locationGid)],
    );
    return { onHand: row?.on_hand ?? 0, reserved: row?.reserved ?? 0 };
  }

  /** Sets a variant's on-hand at a location with a staff adjustment (the ledger records it). */
  async function setOnHand(variantGid: string, locationGid: string, units: number): Promise<void> {
    const { c } = till();
    const { onHand } = await levelAt(variantGid, locationGid);
    if (onHand === units) return;
    const result = await c.request(
      `mutation ($input: InventoryAdjustQuantityInput!) { inventoryAdjustQuantity(input: $input) { userErrors { code message } } }`,
      { input: { variantId: variantGid, locationId: locationGid, delta: units - onHand, reason: units > onHand ? 'RECEIVED' : 'CORRECTION' } },
      c.staffToken,
    );
    expect(result.data?.inventoryAdjustQuantity.userErrors, JSON.stringify(result)).toEqual([]);
  }

  /** A cart the clerk builds for a walk-in shopper, addressed to the store so that the store's tax applies. */
  async function tillCart(lines: { merchandiseId: string; quantity: number }[]): Promise<string> {
    const { c, store } = till();
    const cartId = await createCart(c, lines, c.staffToken);
    const addressed = await c.request(
      `mutation ($id: ID!, $address: MailingAddressInput!) { cartShippingAddressUpdate(cartId: $id, address: $address) { cart { id } userErrors { code message } } }`,
      { id: cartId, address: { firstName: 'Walk-in', lastName: 'Shopper', ...store.address } },
      c.staffToken,
    );
    expect(addressed.data!.cartShippingAddressUpdate.userErrors).toEqual([]);
    return cartId;
  }

  async function cartCost(cartId: string): Promise<{ subtotal: number; discount: number; shipping: number; tax: number; total: number }> {
    const { c } = till();
    const result = await c.request(
      `query ($id: ID!) { cart(id: $id) { cost { subtotalAmount { amount } discountAmount { amount } shippingAmount { amount } totalTaxAmount { amount } totalAmount { amount } } } }`,
      { id: cartId },
      c.staffToken,
    );
    const cost = result.data!.cart.cost;
    return {
      subtotal: minor(cost.subtotalAmount.amount),
      discount: minor(cost.discountAmount.amount),
      shipping: minor(cost.shippingAmount.amount),
      tax: minor(cost.totalTaxAmount.amount),
      total: minor(cost.totalAmount.amount),
    };
  }
  const cartTotal = async (cartId: string) => (await cartCost(cartId)).total;

  const ordersSql = <T = Record<string, any>>(sql: string, params: unknown[] = []) => till().c.system.subgraphs.orders!.sql<T>(sql, params);
  const countRows = async (table: string) => (await ordersSql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  const reservationCount = async () =>
    (await till().c.system.subgraphs.inventory!.sql<{ n: number }>("select count(*)::int as n from stock_reservation where status <> 'RELEASED'"))[0]!.n;
  const cartStatus = async (cartId: string) =>
    (await till().c.system.subgraphs.cart!.sql<{ status: string }>('select status from cart where id = ?', [uuidOf(cartId)]))[0]?.status;

  return { sell, pickUp, orderOf, levelAt, setOnHand, tillCart, cartCost, cartTotal, ordersSql, countRows, reservationCount, cartStatus };
}
