import { expect } from 'vitest';
import { issueAccessToken, type Viewer } from '#kit';
import { eventually, testKeyRing, type GraphQLResult, type TestSubgraph } from '#kit/testing/index.ts';
import { startTestSupergraph, type TestSupergraph } from '../../../tests/support/supergraph.ts';
import { customers } from '../../customers/src/subgraph.ts';
import { inventory } from '../../inventory/src/subgraph.ts';
import { products } from '../../products/src/subgraph.ts';
import { shipping } from '../../shipping/src/subgraph.ts';
import { cart } from '../src/subgraph.ts';

/** The cart with the real subgraphs it calls, seeded (`small`), behind the real gateway. */
export interface CartSystem {
  system: TestSupergraph;
  cart: TestSubgraph;
  staff: Person;
  warehouseId: string;
  /** Sends an operation through the gateway as `person` (anonymous without one); it must not fail as a whole. */
  send<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, person?: Person): Promise<T>;
  close(): Promise<void>;
}

/** Someone with an access token, and the viewer the gateway makes of it. */
export interface Person {
  token: string;
  viewer: Viewer;
  customerId: string;
}

export async function person(role: 'customer' | 'staff' = 'customer'): Promise<Person> {
  const customerId = crypto.randomUUID();
  const { accessToken } = await issueAccessToken({ customerId, role }, testKeyRing('customers'));
  return { token: accessToken, viewer: { role, customerId }, customerId };
}

export async function startCartSystem(options: { shipping?: boolean } = {}): Promise<CartSystem> {
  const definitions = [products, inventory, customers, cart, ...(options.shipping === false ? [] : [shipping])];
  const system = await startTestSupergraph({ definitions, seed: 'small' });
  const staff = await person('staff');
  const send = async <T>(query: string, variables: Record<string, unknown> = {}, who?: Person): Promise<T> => {
    const result: GraphQLResult<T> = await system.request<T>(query, variables, who?.token);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  };
  const locations = await send<{ locations: { nodes: { id: string; handle: string }[] } }>('{ locations { nodes { id handle } } }');
  const warehouseId = locations.locations.nodes.find((location) => location.handle === 'central-warehouse')!.id;
  return { system, cart: system.subgraphs.cart!, staff, warehouseId, send, close: () => system.close() };
}

let skus = 0;

/**
 * A product with one variant priced as given, stocked at the warehouse (inventory learns of the
 * variant from products' event, so the stock is added once it has).
 */
export async function createVariant(
  sys: CartSystem,
  options: { price: string; currencyCode?: string; weightGrams?: number; taxClass?: 'STANDARD' | 'REDUCED' | 'ZERO'; stock?: number; title?: string },
): Promise<{ variantId: string; productId: string }> {
  skus += 1;
  const sku = `CART-TEST-${crypto.randomUUID().slice(0, 8)}-${skus}`;
  const created = await sys.send<{ productCreate: { product: { id: string; variants: { nodes: { id: string }[] } }; userErrors: unknown[] } }>(
    `mutation ($input: ProductCreateInput!) { productCreate(input: $input) { product { id variants { nodes { id } } } userErrors { field code message } } }`,
    {
      input: {
        title: options.title ?? `Test item ${sku}`,
        variants: [{
          sku,
          price: { amount: options.price, currencyCode: options.currencyCode ?? 'USD' },
          weight: { value: options.weightGrams ?? 100, unit: 'GRAMS' },
          taxClass: options.taxClass ?? 'STANDARD',
        }],
      },
    },
    sys.staff,
  );
  expect(created.productCreate.userErrors).toEqual([]);
  const variantId = created.productCreate.product.variants.nodes[0]!.id;
  const stock = options.stock ?? 50;
  if (stock > 0) await adjustStock(sys, variantId, stock);
  return { variantId, productId: created.productCreate.product.id };
}

/** Changes the warehouse's stock of a variant as staff would (retried until inventory knows the variant). */
export async function adjustStock(sys: CartSystem, variantId: string, delta: number): Promise<void> {
  const adjust = () =>
    sys.send<{ inventoryAdjustQuantity: { userErrors: { code: string }[] } }>(
      `mutation ($input: InventoryAdjustQuantityInput!) { inventoryAdjustQuantity(input: $input) { userErrors { code field message } } }`,
      { input: { variantId, locationId: sys.warehouseId, delta, reason: 'CORRECTION' } },
      sys.staff,
    );
  const result = await eventually(adjust, (data) => data.inventoryAdjustQuantity.userErrors.length === 0, 20_000);
  expect(result.inventoryAdjustQuantity.userErrors).toEqual([]);
}

const MONEY = 'amount currencyCode';
export const CART_FIELDS = `
  id totalQuantity createdAt updatedAt
  lines { id quantity merchandise { id } cost { amountPerQuantity { ${MONEY} } totalAmount { ${MONEY} } } }
  discountCodes { code applicable }
  cost { subtotalAmount { ${MONEY} } discountAmount { ${MONEY} } shippingAmount { ${MONEY} } totalTaxAmount { ${MONEY} } totalAmount { ${MONEY} } }
  buyerIdentity { email countryCode customer { id } }
  shippingAddress { address1 city provinceCode countryCode }
  selectedShippingOption { id title carrier price { ${MONEY} } estimatedDays }
`;
const PAYLOAD = `cart { ${CART_FIELDS} } userErrors { field message code }`;

export const CART_QUERY = `query ($id: ID!) { cart(id: $id) { ${CART_FIELDS} } }`;
export const WARNINGS_QUERY = `query ($id: ID!) { cart(id: $id) { id warnings { code message target } } }`;
export const CART_CREATE = `mutation ($input: CartInput) { cartCreate(input: $input) { ${PAYLOAD} } }`;
export const LINES_ADD = `mutation ($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { ${PAYLOAD} } }`;
export const LINES_UPDATE = `mutation ($cartId: ID!, $lines: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $cartId, lines: $lines) { ${PAYLOAD} } }`;
export const LINES_REMOVE = `mutation ($cartId: ID!, $lineIds: [ID!]!) { cartLinesRemove(cartId: $cartId, lineIds: $lineIds) { ${PAYLOAD} } }`;
export const CODES_UPDATE = `mutation ($cartId: ID!, $codes: [String!]!) { cartDiscountCodesUpdate(cartId: $cartId, discountCodes: $codes) { ${PAYLOAD} } }`;
export const IDENTITY_UPDATE = `mutation ($cartId: ID!, $buyerIdentity: CartBuyerIdentityInput!) { cartBuyerIdentityUpdate(cartId: $cartId, buyerIdentity: $buyerIdentity) { ${PAYLOAD} } }`;
export const ADDRESS_UPDATE = `mutation ($cartId: ID!, $address: MailingAddressInput!) { cartShippingAddressUpdate(cartId: $cartId, address: $address) { ${PAYLOAD} } }`;
export const OPTION_UPDATE = `mutation ($cartId: ID!, $optionId: ID!) { cartSelectedShippingOptionUpdate(cartId: $cartId, shippingOptionId: $optionId) { ${PAYLOAD} } }`;

export interface Payload {
  cart: any;
  userErrors: { field: string[] | null; message: string; code: string }[];
}

/** The payload of the one mutation in `query`. */
export async function mutate(sys: CartSystem, query: string, variables: Record<string, unknown>, who?: Person): Promise<Payload> {
  const data = await sys.send<Record<string, Payload>>(query, variables, who);
  return Object.values(data)[0]!;
}

/** A new cart holding `lines` (variant id → quantity), as `who`; the mutation must succeed. */
export async function cartWith(sys: CartSystem, lines: Record<string, number>, who?: Person, extra: Record<string, unknown> = {}): Promise<any> {
  const payload = await mutate(sys, CART_CREATE, {
    input: { lines: Object.entries(lines).map(([merchandiseId, quantity]) => ({ merchandiseId, quantity })), ...extra },
  }, who);
  expect(payload.userErrors).toEqual([]);
  return payload.cart;
}

/** Every row of the cart's tables, to show a refused mutation wrote nothing. */
export async function cartRows(sys: CartSystem): Promise<unknown> {
  const [carts, lines, codes] = await Promise.all([
    sys.cart.sql('select * from cart order by id'),
    sys.cart.sql('select * from cart_line order by id'),
    sys.cart.sql('select * from cart_discount_code order by cart_id, code'),
  ]);
  return { carts, lines, codes };
}

export const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
/** Minor units as the API shows USD. */
export const cents = (minor: number) => usd(`${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`);
export const localId = (gid: string) => gid.split('/').at(-1)!;

/** `count` stocked variants at 1.00 each, as products of up to 100 variants. */
export async function createVariants(sys: CartSystem, count: number, stock = 10): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 100) {
    const size = Math.min(100, count - start);
    const prefix = `BULK-${crypto.randomUUID().slice(0, 8)}`;
    const created = await sys.send<any>(
      `mutation ($input: ProductCreateInput!) { productCreate(input: $input) { product { variants(first: 100) { nodes { id } } } userErrors { field code message } } }`,
      {
        input: {
          title: `Bulk ${prefix}`,
          variants: Array.from({ length: size }, (_, i) => ({
            sku: `${prefix}-${i}`, price: { amount: '1.00', currencyCode: 'USD' }, weight: { value: 10, unit: 'GRAMS' },
            selectedOptions: [{ name: 'Number', value: String(i) }],
          })),
        },
      },
      sys.staff,
    );
    expect(created.productCreate.userErrors).toEqual([]);
    ids.push(...created.productCreate.product.variants.nodes.map((node: { id: string }) => node.id));
  }
  for (let start = 0; start < ids.length; start += 25) await Promise.all(ids.slice(start, start + 25).map((id) => adjustStock(sys, id, stock)));
  return ids;
}

/** The orders subgraph, as cart sees it when orders calls (checkout reads carts, starts and abandons their checkouts). */
export const ORDERS_SERVICE: Viewer = { role: 'service', customerId: null, service: 'orders' };
export const CHECKOUT_START = `mutation ($cartId: ID!, $orderId: ID!, $revision: Int!) {
  cartCheckoutStart(cartId: $cartId, orderId: $orderId, revision: $revision) { cart { id completedAt } userErrors { field message code } }
}`;
export const CHECKOUT_ABANDON = `mutation ($cartId: ID!, $orderId: ID!) {
  cartCheckoutAbandon(cartId: $cartId, orderId: $orderId) { cart { id totalQuantity } userErrors { field message code } }
}`;
export const orderGid = (orderId: string) => `gid://commerce/Order/${orderId}`;

/** The cart's `revision` as the orders service reads it (null when orders cannot see the cart). */
export async function revisionOf(sys: CartSystem, cartGid: string): Promise<number | null> {
  const result = await sys.cart.request<{ cart: { revision: number } | null }>(`query ($id: ID!) { cart(id: $id) { revision } }`, { id: cartGid }, ORDERS_SERVICE);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.cart?.revision ?? null;
}

/** `cartCheckoutStart` called on the cart subgraph as orders calls it (or as `as`); the payload. */
export async function startCheckout(
  sys: CartSystem,
  cartGid: string,
  options: { orderId?: string; revision?: number; as?: Viewer } = {},
): Promise<Payload & { orderId: string }> {
  const orderId = options.orderId ?? crypto.randomUUID();
  const revision = options.revision ?? (await revisionOf(sys, cartGid)) ?? 0;
  const result = await sys.cart.request<{ cartCheckoutStart: Payload }>(CHECKOUT_START, { cartId: cartGid, orderId: orderGid(orderId), revision }, options.as ?? ORDERS_SERVICE);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return { ...result.data!.cartCheckoutStart, orderId };
}

/** The cart checked out for a new order (it must succeed): the order's uuid. */
export async function checkedOut(sys: CartSystem, cartGid: string): Promise<string> {
  const started = await startCheckout(sys, cartGid);
  expect(started.userErrors).toEqual([]);
  return started.orderId;
}

/** `cartCheckoutAbandon` as orders calls it; the payload. */
export async function abandonCheckout(sys: CartSystem, cartGid: string, orderId: string, as: Viewer = ORDERS_SERVICE): Promise<Payload> {
  const result = await sys.cart.request<{ cartCheckoutAbandon: Payload }>(CHECKOUT_ABANDON, { cartId: cartGid, orderId: orderGid(orderId) }, as);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.cartCheckoutAbandon;
}
