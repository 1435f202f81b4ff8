import { readFileSync } from 'node:fs';
import { ApolloClient, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { generatePersistedQueryIdsFromManifest } from '@apollo/persisted-query-lists';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductListingDocument as MobileProductListing } from '../../clients/mobile/generated/graphql.ts';
import { ProductLookupDocument as PosProductLookup } from '../../clients/pos/generated/graphql.ts';
import { ProductSearchDocument as WebProductSearch } from '../../clients/web/generated/graphql.ts';
import type { PersistedOperation } from '../../gateway/src/safelist/index.ts';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph.ts';

/**
 * The whole system behind a gateway in production mode, with the committed manifests of
 * schema/persisted: each client's own operations run; anything else is refused before any subgraph hears
 * of it (no request reaches one, no SQL statement runs).
 */
let system: TestSupergraph;
const subgraphRequests: Record<string, number> = {};

beforeAll(async () => {
  system = await startTestSupergraph({ seed: 'small', production: true });
  for (const [name, subgraph] of Object.entries(system.subgraphs)) {
    subgraphRequests[name] = 0;
    subgraph.server.httpServer.on('request', () => void (subgraphRequests[name] = subgraphRequests[name]! + 1));
  }
});
afterAll(() => system?.close());

type Client = 'web' | 'mobile' | 'pos';
const manifestOf = (client: Client) =>
  JSON.parse(readFileSync(new URL(`../../schema/persisted/${client}.json`, import.meta.url), 'utf8')) as { operations: PersistedOperation[] };

function operation(client: Client, name: string): PersistedOperation {
  const manifest = manifestOf(client);
  const found = manifest.operations.find((op) => op.name === name);
  if (!found) throw new Error(`schema/persisted/${client}.json has no ${name}`);
  return found;
}

interface Sent {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function send(init: { method?: 'GET' | 'POST'; client?: string; body: Record<string, unknown> }): Promise<Sent> {
  const headers: Record<string, string> = init.client ? { 'apollographql-client-name': init.client } : {};
  const response =
    init.method === 'GET'
      ? await fetch(`${system.url}?${new URLSearchParams(Object.entries(init.body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string]))}`, { headers })
      : await fetch(system.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(init.body) });
  return { status: response.status, body: (await response.json()) as Sent['body'] };
}

const apq = (op: PersistedOperation) => ({ persistedQuery: { version: 1, sha256Hash: op.id } });

/** What every subgraph did while `run` ran: requests received and SQL statements sent. */
async function subgraphWorkDuring(run: () => Promise<void>): Promise<{ requests: number; statements: number }> {
  const statementsBefore = Object.values(system.subgraphs).map((s) => s.db.statementCount());
  const requestsBefore = Object.values(subgraphRequests).reduce((a, b) => a + b, 0);
  await run();
  const statements = Object.values(system.subgraphs).reduce((sum, s, i) => sum + s.db.statementCount() - statementsBefore[i]!, 0);
  return { requests: Object.values(subgraphRequests).reduce((a, b) => a + b, 0) - requestsBefore, statements };
}

describe('the production gateway with the committed manifests', () => {
  it('runs each client\'s persisted operations: web and mobile by APQ hash, pos by documentId', async () => {
    const web = await send({ client: 'web', body: { extensions: apq(operation('web', 'ProductListing')), variables: { first: 10 } } });
    expect(web.body.errors).toBeUndefined();
    expect(web.body.data.products.nodes).toHaveLength(10);

    const mobile = await send({ client: 'mobile', body: { extensions: apq(operation('mobile', 'ProductListing')), variables: { first: 2 } } });
    expect(mobile.body.errors).toBeUndefined();
    expect(mobile.body.data.products.nodes).toHaveLength(2);

    const pos = await send({ client: 'pos', body: { documentId: `sha256:${operation('pos', 'Locations').id}` } });
    expect(pos.body.errors).toBeUndefined();
    expect(pos.body.data.locations.nodes.length).toBeGreaterThan(0);

    // A persisted mutation runs too (POST).
    const variant = web.body.data.products.nodes.flatMap((p: any) => p.variants.nodes).find((v: any) => v.availableForSale).id;
    const cart = await send({ client: 'web', body: { documentId: operation('web', 'CartCreate').id, variables: { input: { lines: [{ merchandiseId: variant, quantity: 1 }] } } } });
    expect(cart.body.errors).toBeUndefined();
    expect(cart.body.data.cartCreate.userErrors).toEqual([]);
    expect(cart.body.data.cartCreate.cart.id).toMatch(/^gid:\/\/commerce\/Cart\//);
  });

  it('refuses an ad-hoc document, an unknown hash and another client\'s operation with stable codes, and no subgraph does anything', async () => {
    const results: Sent[] = [];
    const work = await subgraphWorkDuring(async () => {
      results.push(await send({ client: 'web', body: { query: '{ products(first: 1) { nodes { id } } }' } }));
      results.push(await send({ client: 'web', body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } } }));
      results.push(await send({ client: 'pos', body: { extensions: apq(operation('web', 'ProductListing')), variables: { first: 3 } } }));
      results.push(await send({ body: { extensions: apq(operation('web', 'ProductListing')) } }));
    });
    expect(results.map((r) => [r.status, r.body.errors?.[0]?.extensions?.code, r.body.data])).toEqual([
      [400, 'PERSISTED_QUERY_REQUIRED', undefined],
      [400, 'PERSISTED_QUERY_NOT_IN_LIST', undefined],
      [400, 'PERSISTED_QUERY_NOT_IN_LIST', undefined],
      [400, 'PERSISTED_QUERY_UNKNOWN_CLIENT', undefined],
    ]);
    expect(work).toEqual({ requests: 0, statements: 0 });
  });

  it('serves a persisted query over GET and refuses a persisted mutation over GET (405), before any subgraph', async () => {
    const listing = operation('web', 'ProductListing');
    const read = await send({ method: 'GET', client: 'web', body: { extensions: apq(listing), operationName: listing.name, variables: { first: 2 } } });
    expect(read.status).toBe(200);
    expect(read.body.data.products.nodes).toHaveLength(2);

    let refused!: Sent;
    const work = await subgraphWorkDuring(async () => {
      refused = await send({ method: 'GET', client: 'web', body: { extensions: apq(operation('web', 'CartCreate')), variables: { input: {} } } });
    });
    expect(refused.status).toBe(405);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(work).toEqual({ requests: 0, statements: 0 });
  });
});

/**
 * What a storefront does: Apollo Client with its persisted-query link, ids from the client's manifest
 * (`@apollo/persisted-query-lists`), the codegen client preset's typed documents, and its name in
 * `clientAwareness`. Each request carries the id and no document.
 */
describe('Apollo Client against the production gateway', () => {
  async function run<TData, TVariables extends Record<string, unknown>>(client: Client, query: TypedDocumentNode<TData, TVariables>, variables: TVariables, options: { get?: boolean } = {}) {
    const sent: { name: string | null; method: string; body: Record<string, any> }[] = [];
    const apollo = new ApolloClient({
      cache: new InMemoryCache(),
      clientAwareness: { name: client, version: 'test' },
      link: new PersistedQueryLink({ ...generatePersistedQueryIdsFromManifest({ loadManifest: () => manifestOf(client) }), useGETForHashedQueries: options.get ?? false }).concat(
        new HttpLink({
          uri: system.url,
          fetch: (input, init) => {
            const method = init?.method ?? 'GET';
            const params = Object.fromEntries(new URL(String(input)).searchParams);
            const body = method === 'GET' ? { ...params, extensions: JSON.parse(params.extensions ?? '{}') } : JSON.parse(String(init?.body));
            sent.push({ name: new Headers(init?.headers).get('apollographql-client-name'), method, body });
            return fetch(input, init);
          },
        }),
      ),
    });
    const result = await apollo.query({ query, variables } as any);
    return { result, sent };
  }

  it('runs one operation of each client by its manifest id (mobile over GET)', async () => {
    const web = await run('web', WebProductSearch, { query: 'wool', first: 2 });
    expect(web.result.error).toBeUndefined();
    expect((web.result.data as any).products.nodes.length).toBeGreaterThan(0);
    const mobile = await run('mobile', MobileProductListing, { first: 2 }, { get: true });
    expect((mobile.result.data as any).products.nodes).toHaveLength(2);
    const pos = await run('pos', PosProductLookup, { query: 'wool' });
    expect((pos.result.data as any).products.nodes.length).toBeGreaterThan(0);

    for (const [client, { sent }] of Object.entries({ web, mobile, pos })) {
      const name = { web: 'ProductSearch', mobile: 'ProductListing', pos: 'ProductLookup' }[client]!;
      expect(sent).toEqual([{ name: client, method: client === 'mobile' ? 'GET' : 'POST', body: expect.objectContaining({ operationName: name, extensions: expect.objectContaining({ persistedQuery: { version: 1, sha256Hash: operation(client as Client, name).id } }) }) }]);
      expect(sent[0]!.body.query).toBeUndefined();
    }
  });
});
