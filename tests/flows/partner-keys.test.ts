import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { createLogger, issueAccessToken, readSchema } from '#kit';
import { testKeyRing } from '#kit/testing/index.ts';
import { composeSupergraph } from '../../gateway/src/compose.ts';
import { createGatewayServer, type GatewayOptions, type GatewayServer } from '../../gateway/src/server.ts';
import { subgraphs as definitions } from '../../subgraphs/index.ts';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph.ts';

/**
 * Partner API keys end to end: staff create a key at the gateway, a partner sends it in `X-API-Key`, the
 * gateway checks it with customers (over HTTP, signed) and serves the partner schema; revoked or wrong keys
 * are refused. Besides the harness's own gateway, this file starts gateways of its own over the same
 * subgraphs: one asking customers on every request (cache 0), one caching for 1 s, one in production mode.
 */
let system: TestSupergraph;
let supergraph: string;
const gateways: GatewayServer[] = [];
let uncached: string;
let staffToken: string;

async function startGateway(options: Partial<GatewayOptions>): Promise<string> {
  const gateway = await createGatewayServer({ supergraph, keys: testKeyRing('gateway'), log: createLogger('gateway'), ...options });
  gateways.push(gateway);
  return gateway.listen(0);
}

beforeAll(async () => {
  system = await startTestSupergraph();
  supergraph = composeSupergraph(definitions.map((d) => ({ name: d.name, url: system.urls[d.name]!, sdl: readSchema(d) })));
  uncached = await startGateway({ partnerKeyCacheSeconds: 0 });
  // Staff tokens are customers' to sign; the account behind it need not exist for key management.
  staffToken = (await issueAccessToken({ customerId: crypto.randomUUID(), role: 'staff' }, testKeyRing('customers'))).accessToken;
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  await system?.close();
});

interface Answer {
  status: number;
  contentType: string | null;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(url: string, query: string, options: { key?: string; token?: string; variables?: Record<string, unknown> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.key !== undefined) headers['x-api-key'] = options.key;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables ?? {} }) });
  return { status: response.status, contentType: response.headers.get('content-type'), body: (await response.json()) as Answer['body'] };
}

async function createKey(name: string, url = uncached): Promise<{ id: string; secret: string }> {
  const answer = await post(url, `mutation ($input: PartnerApiKeyCreateInput!) { partnerApiKeyCreate(input: $input) { apiKey { id name } secret userErrors { code } } }`, {
    token: staffToken,
    variables: { input: { name } },
  });
  expect(answer.body.errors).toBeUndefined();
  const payload = answer.body.data.partnerApiKeyCreate;
  expect(payload.userErrors).toEqual([]);
  return { id: payload.apiKey.id, secret: payload.secret };
}

async function revokeKey(id: string): Promise<void> {
  const answer = await post(uncached, `mutation ($id: ID!) { partnerApiKeyRevoke(id: $id) { apiKey { revokedAt } userErrors { code } } }`, { token: staffToken, variables: { id } });
  expect(answer.body.data.partnerApiKeyRevoke.userErrors).toEqual([]);
}

const PRODUCTS = '{ products(first: 2) { nodes { id title } } }';
const ORDER_TYPE = '{ __type(name: "Order") { fields { name } } }';
const fieldNames = (answer: Answer) => answer.body.data.__type.fields.map((field: { name: string }) => field.name);
const refusedKey = (answer: Answer) => {
  expect(answer.status).toBe(401);
  expect(answer.contentType).toMatch(/^application\/json/);
  expect(answer.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'INVALID_API_KEY' } }] });
};

describe('partner API keys at the gateway', () => {
  it('lets a partner with a valid key run ad-hoc queries and introspection; staff see when the key was last used', async () => {
    const { id, secret } = await createKey('Acme Feeds');
    const products = await post(uncached, PRODUCTS, { key: secret });
    expect(products.status).toBe(200);
    expect(products.body).toEqual({ data: { products: { nodes: [] } } });
    const schema = await post(uncached, '{ __schema { queryType { name } } }', { key: secret });
    expect(schema.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const listed = await post(uncached, '{ partnerApiKeys(first: 100) { nodes { id lastUsedAt } } }', { token: staffToken });
    const mine = listed.body.data.partnerApiKeys.nodes.find((node: { id: string }) => node.id === id);
    expect(mine.lastUsedAt).not.toBeNull();
  });

  it('refuses a wrong key with 401 INVALID_API_KEY rather than serving an anonymous caller', async () => {
    for (const key of [`sgc_${'A'.repeat(43)}`, 'not-a-key', `sgc_${'A'.repeat(43)}, sgc_${'B'.repeat(43)}`]) {
      refusedKey(await post(uncached, PRODUCTS, { key }));
    }
    // On the harness's gateway (default settings) too; an empty header is no key at all.
    refusedKey(await post(system.url, PRODUCTS, { key: `sgc_${'C'.repeat(43)}` }));
    expect((await post(uncached, PRODUCTS, { key: '' })).body.data).toEqual({ products: { nodes: [] } });
  });

  it('refuses a revoked key at once when nothing is cached, and within the cache time otherwise', async () => {
    const cached = await startGateway({ partnerKeyCacheSeconds: 1 });
    const { id, secret } = await createKey('Soon revoked');
    expect((await post(uncached, PRODUCTS, { key: secret })).status).toBe(200);
    expect((await post(cached, PRODUCTS, { key: secret })).status).toBe(200);
    await revokeKey(id);
    refusedKey(await post(uncached, PRODUCTS, { key: secret }));
    // The caching gateway trusts its answer for up to 1 s more, then asks again.
    expect((await post(cached, PRODUCTS, { key: secret })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    refusedKey(await post(cached, PRODUCTS, { key: secret }));
  });

  it('answers 503 API_KEY_UNVERIFIED when customers cannot be asked: a key is never taken on trust', async () => {
    const { secret } = await createKey('Unverifiable');
    const cut = await startGateway({ partnerKeyCacheSeconds: 0, subgraphUrl: (name) => (name === 'customers' ? 'http://127.0.0.1:9/graphql' : undefined) });
    const answer = await post(cut, PRODUCTS, { key: secret });
    expect(answer.status).toBe(503);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('API_KEY_UNVERIFIED');
  });

  it('forwards a partner to subgraphs as anonymous, whatever bearer token comes with the key', async () => {
    const { secret } = await createKey('Anonymous downstream');
    const email = `${crypto.randomUUID()}@example.com`;
    await post(uncached, 'mutation ($input: CustomerCreateInput!) { customerCreate(input: $input) { userErrors { code } } }', {
      variables: { input: { email, password: 'correct horse battery' } },
    });
    const login = await post(uncached, 'mutation ($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } } }', {
      variables: { input: { email, password: 'correct horse battery' } },
    });
    const token = login.body.data.customerAccessTokenCreate.customerAccessToken.accessToken;
    expect((await post(uncached, '{ me { email } }', { token })).body.data).toEqual({ me: { email } });
    expect((await post(uncached, '{ me { email } }', { token, key: secret })).body.data).toEqual({ me: null });
    // A signed-in-only mutation refuses the partner as it refuses a shopper who is not signed in.
    const returned = await post(uncached, 'mutation { returnRequest(input: { orderId: "x", lines: [] }) { userErrors { code } } }', { key: secret, token });
    expect(returned.body.data.returnRequest.userErrors).toEqual([{ code: 'UNAUTHENTICATED' }]);
  });
});

describe('the partner contract: no field tagged internal', () => {
  let secret: string;
  beforeAll(async () => {
    ({ secret } = await createKey('Contract'));
  });

  it('introspects without internal fields, or types only they reach; everyone else sees the whole API schema', async () => {
    const forPartner = fieldNames(await post(uncached, ORDER_TYPE, { key: secret }));
    const forOthers = fieldNames(await post(uncached, ORDER_TYPE));
    expect(forOthers).toEqual(expect.arrayContaining(['history', 'risk', 'held', 'status']));
    expect(forPartner).toContain('status');
    expect(forPartner).not.toEqual(expect.arrayContaining(['history']));
    expect(forPartner.filter((name: string) => ['history', 'risk', 'held'].includes(name))).toEqual([]);

    const roots = '{ query: __type(name: "Query") { fields { name } } mutation: __type(name: "Mutation") { fields { name } } }';
    const partnerRoots = (await post(uncached, roots, { key: secret })).body.data;
    const names = (type: { fields: { name: string }[] }) => type.fields.map((field) => field.name);
    expect(names(partnerRoots.query)).toEqual(expect.arrayContaining(['products', 'product', 'cart', 'order', 'locations', 'shippingZones', 'me']));
    for (const hidden of ['orders', 'stockMovements', 'partnerApiKeys']) expect(names(partnerRoots.query)).not.toContain(hidden);
    expect(names(partnerRoots.mutation)).toEqual(expect.arrayContaining(['cartCreate', 'checkoutComplete', 'customerCreate']));
    for (const hidden of ['productCreate', 'inventoryAdjustQuantity', 'orderRefund', 'shipmentCreate', 'partnerApiKeyCreate', 'partnerApiKeyRevoke']) {
      expect(names(partnerRoots.mutation)).not.toContain(hidden);
    }
    // Types reachable only through internal fields are gone; for anyone else they are there.
    const types = '{ a: __type(name: "PartnerApiKey") { name } b: __type(name: "OrderHistoryEntry") { name } c: __type(name: "StockMovement") { name } }';
    expect((await post(uncached, types, { key: secret })).body.data).toEqual({ a: null, b: null, c: null });
    expect((await post(uncached, types)).body.data).toEqual({ a: { name: 'PartnerApiKey' }, b: { name: 'OrderHistoryEntry' }, c: { name: 'StockMovement' } });

    // The full introspection query a tool sends builds a valid client schema.
    const full = await post(uncached, getIntrospectionQuery(), { key: secret });
    expect(full.body.errors).toBeUndefined();
    const client = buildClientSchema(full.body.data as IntrospectionQuery);
    expect(Object.keys(client.getQueryType()!.getFields())).not.toContain('orders');
  });

  it('refuses a document selecting an internal field as if the field did not exist, even one Apollo already validated for someone else', async () => {
    const query = 'query ($id: ID!) { order(id: $id) { id history { actor } } }';
    const variables = { id: `gid://commerce/Order/${crypto.randomUUID()}` };
    // Anonymous first, so Apollo has the document validated and cached.
    const anonymous = await post(uncached, query, { variables });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.data).toEqual({ order: null });
    const partner = await post(uncached, query, { key: secret, variables });
    expect(partner.status).toBe(400);
    expect(partner.body.data).toBeUndefined();
    expect(partner.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^Cannot query field "history" on type "Order"\./), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
    const mutation = await post(uncached, 'mutation { partnerApiKeyCreate(input: { name: "x" }) { secret } }', { key: secret });
    expect(mutation.status).toBe(400);
    expect(mutation.body.errors?.[0]?.message).toMatch(/^Cannot query field "partnerApiKeyCreate" on type "Mutation"\./);
  });

  it('refuses introspection mixed with data fields (it would be answered from the whole API schema)', async () => {
    const answer = await post(uncached, '{ products(first: 1) { nodes { id } } __type(name: "Order") { fields { name } } }', { key: secret });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('in production (safelist enforced, introspection gated)', () => {
  let production: string;
  let secret: string;
  beforeAll(async () => {
    production = await startGateway({
      partnerKeyCacheSeconds: 0,
      safelist: { manifests: new Map(), enforce: true },
      hardening: { production: true },
    });
    ({ secret } = await createKey('Production partner'));
  });

  it('lets only partners run ad-hoc documents and introspect, and still only within their contract', async () => {
    const anonymous = await post(production, PRODUCTS);
    expect(anonymous.body.data).toBeUndefined();
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');

    const partner = await post(production, PRODUCTS, { key: secret });
    expect(partner.status).toBe(200);
    expect(partner.body).toEqual({ data: { products: { nodes: [] } } });
    const introspection = await post(production, ORDER_TYPE, { key: secret });
    expect(introspection.body.errors).toBeUndefined();
    expect(fieldNames(introspection)).toContain('status');
    expect(fieldNames(introspection)).not.toContain('history');
    const internal = await post(production, '{ orders(first: 1) { nodes { id } } }', { key: secret });
    expect(internal.status).toBe(400);
    expect(internal.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    refusedKey(await post(production, PRODUCTS, { key: `sgc_${'D'.repeat(43)}` }));
  });
});
