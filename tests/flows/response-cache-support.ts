import { fileURLToPath } from 'node:url';
import { createLogger, readSchema } from '#kit';
import { eventually, testKeyRing } from '#kit/testing/index.ts';
import { composeSupergraph } from '../../gateway/src/compose.ts';
import { loadManifests, manifestOf, parseManifest, type PersistedOperation } from '../../gateway/src/safelist/index.ts';
import { createGatewayServer, type GatewayServer } from '../../gateway/src/server.ts';
import type { ResponseCacheOptions } from '../../gateway/src/cache/index.ts';
import { subgraphs as allSubgraphs } from '../../subgraphs/index.ts';
import { STAFF, startTestSupergraph, type TestSupergraph } from '../support/supergraph.ts';

/**
 * Shared by the response cache tests (response-cache-reads.test.ts, response-cache-invalidation.test.ts,
 * response-cache-redis.test.ts): the whole system (seeded), whose own gateway (development mode) plays
 * "another replica" through which staff and shoppers change things, and gateways in production mode with
 * the cache, running the committed manifests of schema/persisted plus a staff tool's manifest (its catalog
 * and stock writes as persisted mutations). Reads are the web and mobile clients' persisted queries over
 * GET, as a CDN would send them. Each file starts its own system, so the helpers that need it take a
 * getter for it (`() => cache`) and are bound once per file.
 */
export const PRODUCT_VARIANTS_UPDATE = 'mutation PriceUpdate($productId: ID!, $variants: [ProductVariantUpdateInput!]!) { productVariantsUpdate(productId: $productId, variants: $variants) { productVariants { id price { amount } } userErrors { code message } } }';
const INVENTORY_ADJUST = 'mutation StockAdjust($input: InventoryAdjustQuantityInput!) { inventoryAdjustQuantity(input: $input) { stockLevel { available } userErrors { code message } } }';
const staffTools = parseManifest(manifestOf([PRODUCT_VARIANTS_UPDATE, INVENTORY_ADJUST]), 'staff-tools');

export interface CachingGateway {
  server: GatewayServer;
  url: string;
}

/** The system, and the requests each of its subgraphs has received. */
export interface CacheSystem {
  system: TestSupergraph;
  subgraphRequests: Record<string, number>;
}

export async function startCacheSystem(): Promise<CacheSystem> {
  const system = await startTestSupergraph({ seed: 'small' });
  const subgraphRequests: Record<string, number> = {};
  for (const [name, subgraph] of Object.entries(system.subgraphs)) {
    subgraphRequests[name] = 0;
    subgraph.server.httpServer.on('request', () => void (subgraphRequests[name] = subgraphRequests[name]! + 1));
  }
  return { system, subgraphRequests };
}

type Client = 'web' | 'mobile' | 'staff-tools';
const operations = new Map<string, PersistedOperation>();
function operation(client: Client, name: string): PersistedOperation {
  const key = `${client}:${name}`;
  if (!operations.has(key)) {
    const list = client === 'staff-tools' ? [...staffTools.values()] : [...loadManifests(fileURLToPath(new URL('../../schema/persisted', import.meta.url))).get(client)!.values()];
    const found = list.find((op) => op.name === name);
    if (!found) throw new Error(`${client} has no ${name}`);
    operations.set(key, found);
  }
  return operations.get(key)!;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}
const answer = async (response: Response): Promise<Answer> => {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null };
};
const apq = (op: PersistedOperation) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: op.id } });

/** A persisted query over GET, as a CDN forwards it. */
export async function get(url: string, client: Client, name: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const op = operation(client, name);
  const search = new URLSearchParams({ operationName: name, variables: JSON.stringify(variables), extensions: apq(op) });
  return answer(await fetch(`${url}?${search}`, { headers: { 'apollographql-client-name': client, ...headers } }));
}

export async function post(url: string, client: Client, name: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const op = operation(client, name);
  return answer(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'apollographql-client-name': client, ...headers }, body: JSON.stringify({ documentId: `sha256:${op.id}`, variables }) }));
}

/**
 * Asks until the answer comes from the cache: where an entry being cached is the test's starting point, not
 * what it checks (an earlier test's event may still be on its way and invalidate once more).
 */
export const cachedAnswer = (read: () => Promise<Answer>) => eventually(read, (answer) => answer.headers.get('x-cache') === 'HIT', 5_000);
export const variantOf = (page: Answer, id: string) => page.body!.data.product.variants.nodes.find((v: any) => v.id === id);
export const cents = (amount: string) => Math.round(Number(amount) * 100);
export const amountOf = (minor: number) => (minor / 100).toFixed(2);

type Product = { id: string; handle: string; variants: { nodes: { id: string; quantityAvailable: number; price: { amount: string; currencyCode: string } }[] } };

export function cacheHelpers(cache: () => CacheSystem) {
  async function startCachingGateway(responseCache: ResponseCacheOptions): Promise<CachingGateway> {
    const { system } = cache();
    const supergraph = composeSupergraph(allSubgraphs.map((definition) => ({ name: definition.name, url: system.urls[definition.name]!, sdl: readSchema(definition) })));
    const manifests = new Map(loadManifests(fileURLToPath(new URL('../../schema/persisted', import.meta.url))));
    manifests.set('staff-tools', staffTools);
    const server = await createGatewayServer({
      supergraph,
      keys: testKeyRing('gateway'),
      log: createLogger('gateway'),
      safelist: { manifests, enforce: true },
      hardening: { production: true },
      responseCache,
    });
    const url = await server.listen(0);
    // The cache serves once its events consumer runs.
    await eventually(async () => server.responseCache.active(), Boolean, 30_000);
    return { server, url };
  }

  /** Requests every subgraph received while `run` ran. */
  async function subgraphRequestsDuring<T>(run: () => Promise<T>): Promise<{ result: T; requests: number }> {
    const total = () => Object.values(cache().subgraphRequests).reduce((a, b) => a + b, 0);
    const before = total();
    const result = await run();
    return { result, requests: total() - before };
  }

  let staffToken: string | undefined;
  async function staff(): Promise<string> {
    if (!staffToken) {
      const result = await cache().system.request(`mutation ($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } } }`, { input: STAFF });
      staffToken = result.data!.customerAccessTokenCreate.customerAccessToken.accessToken as string;
    }
    return staffToken;
  }

  /** A product with several variants in stock at a location that fulfils online orders, and that location. */
  async function pickProducts(count: number) {
    const result = await cache().system.request(`{ products(first: 40, sortKey: TITLE) { nodes { id handle variants(first: 10) { nodes { id quantityAvailable price { amount currencyCode } } } } } locations(first: 10) { nodes { id fulfillsOnlineOrders } } }`);
    const products = result.data!.products.nodes.filter((p: any) => p.variants.nodes.every((v: any) => v.quantityAvailable > 2));
    return { products: products.slice(0, count) as Product[], warehouse: result.data!.locations.nodes.find((l: any) => l.fulfillsOnlineOrders).id as string };
  }
  const productsUsed = new Set<string>();
  /** A product no earlier test of the file has had: nothing of it is cached by an earlier test. */
  async function freshProduct() {
    const { products, warehouse } = await pickProducts(40);
    const product = products.find((p) => !productsUsed.has(p.id))!;
    productsUsed.add(product.id);
    return { product, warehouse };
  }

  return { startCachingGateway, subgraphRequestsDuring, staff, pickProducts, freshProduct };
}
