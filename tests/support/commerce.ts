import { expect } from 'vitest';
import { parseMinorUnits } from '#kit';
import { createStripe } from '#kit/payments/stripe-client.ts';
import { startStripeLocal, type StripeLocal } from '../../stripe-local/src/server.ts';
import { STAFF, startTestSupergraph, type TestSupergraph } from './supergraph.ts';

/**
 * The whole system with Stripe played by stripe-local: what the commerce flow tests share. Webhooks are
 * delivered on demand (`pay`, `local.deliver`), signed with the secret the orders subgraph is given.
 */
export interface Commerce {
  system: TestSupergraph;
  local: StripeLocal;
  stripe: ReturnType<typeof createStripe>;
  /** Where stripe-local delivers webhooks: orders' own route, or the gateway's. */
  webhookUrl: string;
  staffToken: string;
  /** Variants with stock, their price in minor units and their stock. */
  variants: { id: string; available: number; priceMinor: number }[];
  request: TestSupergraph['request'];
  close(): Promise<void>;
}

export const SECRET_KEY = 'sk_test_commerce_flows';
export const WEBHOOK_SECRET = 'whsec_commerce_flows';

/**
 * Starts it all; `webhookUrl` `gateway` points stripe-local's deliveries at the gateway's origin instead of
 * orders; `databaseUrl` is a database of the caller's instead of a fresh one on the run's server.
 */
export async function startCommerce(options: { webhookUrl?: 'orders' | 'gateway'; databaseUrl?: string } = {}): Promise<Commerce> {
  const local = await startStripeLocal({ webhookSecret: WEBHOOK_SECRET });
  process.env.STRIPE_SECRET_KEY = SECRET_KEY;
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.STRIPE_API_URL = local.url;
  const system = await startTestSupergraph({ seed: 'small', ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
  const webhookUrl =
    options.webhookUrl === 'gateway'
      ? `${new URL(system.url).origin}/webhooks/stripe`
      : `${system.subgraphs.orders!.url.replace(/\/graphql$/, '')}/webhooks/stripe`;
  local.setWebhookUrl(webhookUrl);
  const catalog = await system.request(`{ products(first: 40) { nodes { variants(first: 10) { nodes { id quantityAvailable price { amount } } } } } }`);
  const variants = catalog
    .data!.products.nodes.flatMap((product: any) => product.variants.nodes)
    .filter((variant: any) => variant.quantityAvailable > 0)
    .map((variant: any) => ({ id: variant.id, available: variant.quantityAvailable, priceMinor: parseMinorUnits(variant.price.amount, 'USD')! }));
  return {
    system,
    local,
    stripe: createStripe({ secretKey: SECRET_KEY, apiUrl: local.url }),
    webhookUrl,
    staffToken: await logIn(system, STAFF.email, STAFF.password),
    variants,
    request: system.request,
    async close() {
      await system.close();
      await local.close();
      delete process.env.STRIPE_SECRET_KEY;
      delete process.env.STRIPE_WEBHOOK_SECRET;
      delete process.env.STRIPE_API_URL;
    },
  };
}

export async function logIn(system: TestSupergraph, email: string, password: string): Promise<string> {
  const result = await system.request(
    `mutation ($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { code } } }`,
    { input: { email, password } },
  );
  const token = result.data?.customerAccessTokenCreate.customerAccessToken?.accessToken;
  if (!token) throw new Error(`log-in failed for ${email}: ${JSON.stringify(result)}`);
  return token;
}

export async function register(system: TestSupergraph, email: string): Promise<string> {
  const created = await system.request(`mutation ($input: CustomerCreateInput!) { customerCreate(input: $input) { userErrors { code } } }`, {
    input: { email, password: 'a long password', firstName: 'Ada', lastName: 'Buyer' },
  });
  expect(created.data?.customerCreate.userErrors).toEqual([]);
  return logIn(system, email, 'a long password');
}

const CART_CREATE = `mutation ($input: CartInput) { cartCreate(input: $input) { cart { id } userErrors { code message } } }`;

export async function createCart(c: Commerce, lines: { merchandiseId: string; quantity: number }[], token?: string): Promise<string> {
  const result = await c.request(CART_CREATE, { input: { lines } }, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data!.cartCreate.userErrors).toEqual([]);
  return result.data!.cartCreate.cart.id;
}

export const CHECKOUT = `mutation ($cartId: ID!, $key: String!) {
  checkoutComplete(cartId: $cartId, idempotencyKey: $key) {
    order { id number status lines { id quantity title } totals { subtotal { amount } discounts { amount } shipping { amount } tax { amount } total { amount currencyCode } } }
    paymentIntentClientSecret
    userErrors { code field message }
  }
}`;

export interface CheckoutAnswer {
  order: { id: string; number: number; status: string; lines: { id: string; quantity: number; title: string }[]; totals: any } | null;
  paymentIntentClientSecret: string | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

export async function checkout(c: Commerce, cartId: string, key: string, token?: string): Promise<CheckoutAnswer> {
  const result = await c.request(CHECKOUT, { cartId, key }, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.checkoutComplete;
}

export const intentOf = (clientSecret: string) => clientSecret.split('_secret_')[0]!;
export const uuidOf = (gid: string) => gid.split('/').at(-1)!;

/** Confirms the intent with a test card at stripe-local and delivers its signed webhook; the delivery's HTTP status. */
export async function pay(c: Commerce, clientSecret: string, paymentMethod = 'pm_card_visa'): Promise<number> {
  const response = await fetch(`${c.local.url}/_local/payment_intents/${intentOf(clientSecret)}/succeed?payment_method=${paymentMethod}`, { method: 'POST' });
  const body = (await response.json()) as { delivery?: { status: number } };
  return body.delivery?.status ?? response.status;
}

/** A cart, checked out and paid: the order's global id. */
export async function paidOrder(c: Commerce, lines: { merchandiseId: string; quantity: number }[], token?: string): Promise<{ orderId: string; clientSecret: string }> {
  const cartId = await createCart(c, lines, token);
  const answer = await checkout(c, cartId, `key-${cartId}`, token);
  expect(answer.userErrors).toEqual([]);
  expect(await pay(c, answer.paymentIntentClientSecret!)).toBe(200);
  return { orderId: answer.order!.id, clientSecret: answer.paymentIntentClientSecret! };
}

/** Units on hand and reserved of a variant, summed over every location. */
export async function stockOf(c: Commerce, variantGid: string): Promise<{ onHand: number; reserved: number }> {
  const [row] = await c.system.subgraphs.inventory!.sql<{ on_hand: number; reserved: number }>(
    'select coalesce(sum(on_hand), 0)::int as on_hand, coalesce(sum(reserved), 0)::int as reserved from stock_level where variant_id = ?',
    [uuidOf(variantGid)],
  );
  return { onHand: row!.on_hand, reserved: row!.reserved };
}

export const minor = (amount: string) => parseMinorUnits(amount, 'USD')!;

/**
 * Makes exactly `units` of a variant available online, through staff's own stock adjustments (the
 * ledger records each): every online location emptied of what is free, then `units` received at one.
 */
export async function setAvailable(c: Commerce, variantGid: string, units: number): Promise<void> {
  const read = await c.request(`{ products(first: 100) { nodes { variants(first: 10) { nodes { id stockLevels { location { id fulfillsOnlineOrders isActive } available } } } } } }`);
  const variant = read.data!.products.nodes.flatMap((product: any) => product.variants.nodes).find((node: any) => node.id === variantGid);
  if (!variant) throw new Error(`variant ${variantGid} not in the first 100 products`);
  const online = variant.stockLevels.filter((level: any) => level.location.fulfillsOnlineOrders && level.location.isActive);
  const adjust = async (locationId: string, delta: number, reason: string) => {
    const result = await c.request(
      `mutation ($input: InventoryAdjustQuantityInput!) { inventoryAdjustQuantity(input: $input) { userErrors { code message } } }`,
      { input: { variantId: variantGid, locationId, delta, reason } },
      c.staffToken,
    );
    expect(result.data?.inventoryAdjustQuantity.userErrors, JSON.stringify(result)).toEqual([]);
  };
  for (const level of online) if (level.available > 0) await adjust(level.location.id, -level.available, 'CORRECTION');
  if (units > 0) await adjust(online[0].location.id, units, 'RECEIVED');
}

/** A cart's status as the cart subgraph stores it: OPEN, CHECKING_OUT (its order awaits payment), MERGED, EXPIRED, COMPLETED. */
export async function cartStatusOf(c: Commerce, cartGid: string): Promise<string | undefined> {
  const [row] = await c.system.subgraphs.cart!.sql<{ status: string }>('select status from cart where id = ?', [uuidOf(cartGid)]);
  return row?.status;
}

/** The lines of a cart as `token` reads it through the gateway: [variant id, quantity], in the order added. */
export async function cartLinesOf(c: Commerce, cartGid: string, token?: string): Promise<[string, number][]> {
  const result = await c.request(`query ($id: ID!) { cart(id: $id) { lines { quantity merchandise { id } } } }`, { id: cartGid }, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.cart.lines.map((line: any) => [line.merchandise.id, line.quantity]);
}
