/**
 * What the operations rotate over: product handles, search terms, listing pages, in-stock variants, a
 * signed-in customer's token, and carts made through the gateway as a shopper makes them (lines, an
 * address, a shipping option), for reading, adding to and checking out.
 */
import { encodeCursor } from '#kit';
import { initialStock } from '../../subgraphs/inventory/src/seed.ts';
import { CATALOG } from '../../subgraphs/products/src/seed-catalog-words.ts';
import type { BenchCatalog } from './catalog.ts';
import { toHttpRequest, type OperationCall, type PersistedOperation } from './operations.ts';

export interface ListingPage {
  after: string;
  sortKey: 'TITLE' | 'PRICE';
  reverse: boolean;
}

export interface Fixtures {
  /** The demo customer's access token (customers' seed), for the signed-in listing. */
  token?: string;
  handles: string[];
  searchTerms: string[];
  /** Variants with stock online. */
  variantIds: string[];
  /**
   * Variants with at least ADD_MIN_UNITS in the warehouse, for add-to-cart: each round restarts its rotation,
   * so a cart meets the same variant once per round (warm-up included), and a variant with one unit refused
   * the second add with NOT_ENOUGH_STOCK (10 of them in a ×50 round) where a shopper's would have succeeded.
   */
  addVariantIds: string[];
  pages: ListingPage[];
  readCarts: string[];
  writeCarts: string[];
  /** Single use: one checkout each. */
  checkoutCarts: string[];
}

export const DEMO_CUSTOMER = { email: 'demo@example.com', password: 'demo-password-2026' };

export interface GatewayClient {
  send(call: OperationCall, token?: string): Promise<{ status: number; headers: Headers; body: any }>;
}

export function gatewayClient(gatewayUrl: string, manifest: Map<string, PersistedOperation>): GatewayClient {
  const origin = new URL(gatewayUrl).origin;
  return {
    async send(call, token) {
      const request = toHttpRequest(call, manifest, token);
      const response = await fetch(`${origin}${request.path}`, { method: request.method, headers: request.headers, ...(request.body ? { body: request.body } : {}) });
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
  };
}

/** Sends and returns `data`, or throws with what came back instead. */
export async function sendOk(client: GatewayClient, call: OperationCall, token?: string): Promise<any> {
  const { status, body } = await client.send(call, token);
  if (status !== 200 || body.errors) throw new Error(`${call.operation}: ${status} ${JSON.stringify(body.errors ?? body)}`);
  const payload = Object.values(body.data ?? {})[0] as { userErrors?: unknown[] } | null;
  if (payload && Array.isArray(payload.userErrors) && payload.userErrors.length > 0) throw new Error(`${call.operation}: ${JSON.stringify(payload.userErrors)}`);
  return body.data;
}

export async function logIn(client: GatewayClient, account = DEMO_CUSTOMER): Promise<string> {
  const data = await sendOk(client, { operation: 'LogIn', variables: { input: account }, method: 'POST' });
  return data.customerAccessTokenCreate.customerAccessToken.accessToken;
}

/**
 * A product cursor as the products subgraph writes it (product-page.ts: [order, sort value, id], base64url
 * JSON), so that a listing can start after any product without walking there. The test checks the form
 * against the cursors the API hands out.
 */
export function productCursor(order: 'title' | 'price', value: string | number, productId: string): string {
  return encodeCursor([order, value, productId]);
}

/** Every product as a starting point, by TITLE and by PRICE, each both ways; in a fixed shuffled order. */
export function listingPages(catalog: Pick<BenchCatalog, 'products'>): ListingPage[] {
  const pages: ListingPage[] = [];
  for (const product of catalog.products) {
    for (const reverse of [false, true]) {
      pages.push({ after: productCursor('title', product.title, product.id), sortKey: 'TITLE', reverse });
      pages.push({ after: productCursor('price', product.priceMinMinor, product.id), sortKey: 'PRICE', reverse });
    }
  }
  return shuffled(pages);
}

/** Words shoppers type: materials, item nouns, and the two together. */
export function searchTerms(): string[] {
  const terms = new Set<string>();
  for (const department of CATALOG) {
    for (const material of department.materials) terms.add(material.toLowerCase());
    for (const kind of department.kinds) {
      terms.add(kind.noun.toLowerCase());
      terms.add(`${department.materials[kind.noun.length % department.materials.length]!.toLowerCase()} ${kind.noun.toLowerCase()}`);
    }
  }
  return shuffled([...terms]);
}

/** Far more than the adds one cart can make of one variant over a run's rounds. */
export const ADD_MIN_UNITS = 20;

/** Variants that inventory's seed stocks in the warehouse with at least `minUnits` (initialStock is its own rule). */
export function inStockVariants(catalog: Pick<BenchCatalog, 'variants'>, minUnits = 1): string[] {
  return shuffled(catalog.variants.filter((variant) => initialStock(variant.id).warehouse >= minUnits).map((variant) => `gid://commerce/ProductVariant/${variant.id}`));
}

const ADDRESS = { firstName: 'Bench', lastName: 'Shopper', address1: '350 Fifth Avenue', city: 'New York', provinceCode: 'NY', zip: '10118', countryCode: 'US' };

/**
 * `count` carts as a shopper leaves them before paying: three lines, an email, the demo's WELCOME10
 * discount, a shipping address and the first shipping option; `concurrency` at a time.
 */
export async function readyCarts(client: GatewayClient, count: number, variantIds: readonly string[], options: { concurrency?: number; offset?: number } = {}): Promise<string[]> {
  const carts: string[] = [];
  let next = 0;
  const offset = options.offset ?? 0;
  const one = async (index: number) => {
    const lines = [0, 1, 2].map((k) => ({ merchandiseId: variantIds[(offset + index * 3 + k) % variantIds.length]!, quantity: 1 }));
    const created = await sendOk(client, {
      operation: 'CartCreate',
      variables: { input: { lines, buyerIdentity: { email: `bench-${offset + index}@example.com`, countryCode: 'US' }, discountCodes: ['WELCOME10'] } },
      method: 'POST',
    });
    const cartId: string = created.cartCreate.cart.id;
    const addressed = await sendOk(client, { operation: 'CartShippingAddressUpdate', variables: { cartId, address: ADDRESS }, method: 'POST' });
    const option = addressed.cartShippingAddressUpdate.cart.shippingOptions[0];
    if (!option) throw new Error(`no shipping option for ${JSON.stringify(ADDRESS)}`);
    await sendOk(client, { operation: 'CartSelectedShippingOptionUpdate', variables: { cartId, shippingOptionId: option.id }, method: 'POST' });
    carts[index] = cartId;
  };
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 8, count) }, async () => {
      while (next < count) await one(next++);
    }),
  );
  return carts;
}

/** A fixed shuffle (the same every run), so rotation does not walk the catalog in its stored order. */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  let state = 0x9e3779b9;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state ^ (state >>> 16), 0x45d9f3b) + i) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
