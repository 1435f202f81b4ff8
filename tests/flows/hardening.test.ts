import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, issueAccessToken, readSchema } from '#kit';
import { testKeyRing } from '#kit/testing/index.ts';
import { composeSupergraph } from '../../gateway/src/compose.ts';
import { createGatewayServer, type GatewayServer } from '../../gateway/src/server.ts';
import { subgraphs as definitions } from '../../subgraphs/index.ts';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph.ts';

/**
 * The gateway's limits against the real supergraph: abusive operations and requests are refused before
 * any subgraph is called. A gateway in production mode of this file's own sends every subgraph request
 * through a proxy that counts them; an ordinary storefront read goes through the same gateway.
 */
let system: TestSupergraph;
let gateway: GatewayServer;
let url: string;
const proxies: Server[] = [];
let subgraphRequests = 0;

async function countingProxy(target: string): Promise<string> {
  const server = createServer((req, res) => {
    subgraphRequests += 1;
    const upstream = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  proxies.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

beforeAll(async () => {
  system = await startTestSupergraph();
  const proxied: Record<string, string> = {};
  for (const definition of definitions) proxied[definition.name] = await countingProxy(system.urls[definition.name]!);
  const supergraph = composeSupergraph(definitions.map((d) => ({ name: d.name, url: proxied[d.name]!, sdl: readSchema(d) })));
  gateway = await createGatewayServer({ supergraph, keys: testKeyRing('gateway'), log: createLogger('gateway'), hardening: { production: true } });
  url = await gateway.listen(0);
});
afterAll(async () => {
  await gateway?.close();
  for (const proxy of proxies) {
    proxy.closeAllConnections();
    proxy.close();
  }
  await system?.close();
});

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function send(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const post = (query: string, headers: Record<string, string> = {}) => send(JSON.stringify({ query }), headers);

/** The answer to `act`, which must not have reached any subgraph. */
async function refusedBeforeSubgraphs(act: () => Promise<Answer>): Promise<Answer> {
  const before = subgraphRequests;
  const answer = await act();
  expect(subgraphRequests - before, 'requests that reached a subgraph').toBe(0);
  expect(answer.body.data ?? undefined).toBeUndefined();
  return answer;
}

/** `products { nodes { variants { nodes { product { variants … } } } } }`, `depth` fields deep. */
function deepQuery(depth: number): string {
  const levels = ['products(first: 1)', 'nodes'];
  const cycle = ['variants(first: 1)', 'nodes', 'product'];
  while (levels.length < depth - 1) levels.push(cycle[(levels.length - 2) % 3]!);
  return `{ ${levels.map((level) => `${level} {`).join(' ')} id ${'}'.repeat(levels.length)} }`;
}

describe('limits at the gateway, before any subgraph call', () => {
  it('serves an ordinary storefront read (the limits leave room for real clients)', async () => {
    const before = subgraphRequests;
    const answer = await post('{ products(first: 20) { nodes { id title variants(first: 10) { nodes { sku price { amount } quantityAvailable } } } } }');
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.products.nodes).toEqual(expect.any(Array));
    expect(subgraphRequests).toBeGreaterThan(before);
    // Depth 12 is allowed.
    expect((await post(deepQuery(12))).body.errors).toBeUndefined();
  });

  it('refuses a query 20 deep (limit 12)', async () => {
    const answer = await refusedBeforeSubgraphs(() => post(deepQuery(20)));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ message: 'Syntax Error: Query depth limit of 12 exceeded, found 20.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });

  it('refuses an operation whose lists multiply past the cost limit', async () => {
    const answer = await refusedBeforeSubgraphs(() =>
      post('{ products(first: 100) { nodes { variants(first: 100) { nodes { product { variants(first: 100) { nodes { id sku } } } } } } } }'),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors![0]!.message).toMatch(/^Syntax Error: Query Cost limit of 100000 exceeded, found \d+/);
    expect(answer.body.errors![0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('refuses 200 aliases', async () => {
    // Small selections: 200 larger ones would already pass the token limit (2,000), refused while parsing.
    const aliases = Array.from({ length: 200 }, (_, i) => `m${i}: me { id }`).join(' ');
    const answer = await refusedBeforeSubgraphs(() => post(`{ ${aliases} }`));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ message: 'Syntax Error: Aliases limit of 15 exceeded, found 200.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });

  it('refuses a 1 MB body with 413 and a batched request with 400', async () => {
    const big = await refusedBeforeSubgraphs(() => send(JSON.stringify({ query: '{ products(first: 1) { nodes { id } } }', variables: { pad: 'x'.repeat(1024 * 1024) } })));
    expect(big.status).toBe(413);
    expect(big.body.errors![0]!.extensions).toEqual({ code: 'BAD_REQUEST' });
    const batched = await refusedBeforeSubgraphs(() => send(JSON.stringify([{ query: '{ products(first: 1) { nodes { id } } }' }, { query: '{ categories(first: 1) { nodes { id } } }' }])));
    expect(batched.status).toBe(400);
    expect(batched.body.errors).toEqual([{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }]);
  });

  it('hides suggestions in production', async () => {
    const answer = await refusedBeforeSubgraphs(() => post('{ products(first: 1) { nodes { titel } } }'));
    expect(answer.body.errors).toEqual([{ message: 'Cannot query field "titel" on type "Product".', locations: expect.any(Array), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
  });
});

describe('introspection in production', () => {
  it('is refused without a partner key and allowed with one', async () => {
    const refused = await refusedBeforeSubgraphs(() => post('{ __schema { queryType { name } } }'));
    expect(refused.status).toBe(400);
    expect(refused.body.errors![0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const staff = (await issueAccessToken({ customerId: crypto.randomUUID(), role: 'staff' }, testKeyRing('customers'))).accessToken;
    // Staff are not partners: their token opens no schema either.
    expect((await post('{ __type(name: "Product") { name } }', { authorization: `Bearer ${staff}` })).body.errors![0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const created = await post(`mutation { partnerApiKeyCreate(input: { name: "Hardening test" }) { secret userErrors { code } } }`, { authorization: `Bearer ${staff}` });
    expect(created.body.data.partnerApiKeyCreate.userErrors).toEqual([]);
    const secret: string = created.body.data.partnerApiKeyCreate.secret;
    const allowed = await post('{ __schema { queryType { name } } }', { 'x-api-key': secret });
    expect(allowed.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});
