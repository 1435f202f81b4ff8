import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSchema } from '#kit';
import { createTestDatabase, startTestSubgraph, testKeyRing, type TestSubgraph } from '#kit/testing/index.ts';
import { notes } from '../../subgraphs/kit/test/fixture/fixture.ts';
import { composeSupergraph } from '../src/compose.ts';
import { loadManifests, manifestOf, sha256Hex, type PersistedManifests } from '../src/safelist/index.ts';
import { createGatewayServer, type GatewayServer } from '../src/server.ts';
import type { GatewayContext } from '../src/signed-data-source.ts';

/**
 * The safelist against the kit's fixture subgraph, with small manifests of its own: web and mobile share
 * `Whoami`; only web has the mutation; pos has `RequestId`. Two gateways over the same subgraph: one
 * enforcing (production), one not (development). "Partners" here are callers whose request id starts with
 * `partner-` (the real partner viewer comes from an API key; the rule is the same function).
 */
const WHOAMI = 'query Whoami { whoami }';
const NOTE_CREATE = 'mutation NoteCreate($text: String!) { noteCreate(text: $text) { note { id } userErrors { code } } }';
const REQUEST_ID = 'query RequestId { requestId }';
const id = sha256Hex;

let subgraph: TestSubgraph;
let production: GatewayServer;
let development: GatewayServer;
let prodUrl: string;
let devUrl: string;
let dir: string;
let manifests: PersistedManifests;
let subgraphRequests = 0;
const lines: Record<string, any>[] = [];

beforeAll(async () => {
  subgraph = await startTestSubgraph(notes, await createTestDatabase('safelist'));
  subgraph.server.httpServer.on('request', (req) => {
    if (req.url?.startsWith('/graphql')) subgraphRequests++;
  });
  dir = await mkdtemp(join(tmpdir(), 'safelist-test-'));
  await writeFile(join(dir, 'web.json'), JSON.stringify(manifestOf([WHOAMI, NOTE_CREATE])));
  await writeFile(join(dir, 'mobile.json'), JSON.stringify(manifestOf([WHOAMI])));
  await writeFile(join(dir, 'pos.json'), JSON.stringify(manifestOf([REQUEST_ID])));
  manifests = loadManifests(dir);
  const supergraph = composeSupergraph([{ name: notes.name, url: subgraph.url, sdl: readSchema(notes) }]);
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const partner = (context: GatewayContext) => context.requestId.startsWith('partner-');
  production = await createGatewayServer({ supergraph, keys: testKeyRing('gateway'), log, safelist: { manifests, enforce: true, allowsAdHoc: partner } });
  development = await createGatewayServer({ supergraph, keys: testKeyRing('gateway'), log, safelist: { manifests, enforce: false } });
  prodUrl = await production.listen(0);
  devUrl = await development.listen(0);
});
afterAll(async () => {
  await production?.close();
  await development?.close();
  await subgraph?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Sent {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Sent> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Sent['body'] };
}

async function get(url: string, params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Sent> {
  const search = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)] as [string, string]));
  const response = await fetch(`${url}?${search}`, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Sent['body'] };
}

const apq = (body: string) => ({ persistedQuery: { version: 1, sha256Hash: id(body) } });
const client = (name: string) => ({ 'apollographql-client-name': name });
const codeOf = (sent: Sent) => sent.body.errors?.[0]?.extensions?.code;

/** Runs `send` and answers how many requests reached the subgraph meanwhile. */
async function subgraphCallsDuring(send: () => Promise<unknown>): Promise<number> {
  const before = subgraphRequests;
  await send();
  return subgraphRequests - before;
}

describe('safelist in production', () => {
  it('runs each client\'s persisted operations, by APQ hash or GraphQL-over-HTTP documentId', async () => {
    const byHash = await post(prodUrl, { extensions: apq(WHOAMI) }, client('web'));
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual({ data: { whoami: 'anonymous:-' } });
    expect((await post(prodUrl, { documentId: `sha256:${id(WHOAMI)}` }, client('mobile'))).body).toEqual({ data: { whoami: 'anonymous:-' } });
    expect((await post(prodUrl, { documentId: id(REQUEST_ID) }, { ...client('pos'), 'x-request-id': 'pos-7' })).body).toEqual({ data: { requestId: 'pos-7' } });
    // A document sent along with a listed hash (an APQ link's retry) runs the manifest's, not the one sent.
    const withDocument = await post(prodUrl, { query: '{ requestId }', extensions: apq(WHOAMI) }, client('web'));
    expect(withDocument.body).toEqual({ data: { whoami: 'anonymous:-' } });
  });

  it('refuses an ad-hoc document with PERSISTED_QUERY_REQUIRED, before it reaches any subgraph or is even parsed', async () => {
    let refused!: Sent;
    expect(await subgraphCallsDuring(async () => (refused = await post(prodUrl, { query: '{ whoami }' }, client('web'))))).toBe(0);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('cache-control')).toBe('private, no-store');
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toEqual([{ message: expect.stringMatching(/Only persisted operations/), extensions: { code: 'PERSISTED_QUERY_REQUIRED' } }]);
    // Not validated either: a field that does not exist says nothing about the schema.
    const unknownField = await post(prodUrl, { query: '{ whoamii }' });
    expect(codeOf(unknownField)).toBe('PERSISTED_QUERY_REQUIRED');
    expect(JSON.stringify(unknownField.body)).not.toMatch(/whoami/);
    expect(codeOf(await post(prodUrl, { query: 'not graphql at all' }, client('web')))).toBe('PERSISTED_QUERY_REQUIRED');
  });

  it('refuses an unknown hash, and another client\'s operation, with PERSISTED_QUERY_NOT_IN_LIST and no subgraph call', async () => {
    const results: Sent[] = [];
    const calls = await subgraphCallsDuring(async () => {
      results.push(await post(prodUrl, { extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }, client('web')));
      results.push(await post(prodUrl, { documentId: `sha256:${'f'.repeat(64)}` }, client('web')));
      // web's operations, sent as pos: pos's manifest does not list them.
      results.push(await post(prodUrl, { extensions: apq(WHOAMI) }, client('pos')));
      results.push(await post(prodUrl, { documentId: `sha256:${id(NOTE_CREATE)}`, variables: { text: 'x' } }, client('pos')));
      // mobile shares Whoami with web, but not the mutation.
      results.push(await post(prodUrl, { extensions: apq(NOTE_CREATE), variables: { text: 'x' } }, client('mobile')));
      // Identifiers no manifest can hold: another prefix, another APQ version.
      results.push(await post(prodUrl, { documentId: `x-md5:${'a'.repeat(32)}` }, client('web')));
      results.push(await post(prodUrl, { extensions: { persistedQuery: { version: 2, sha256Hash: id(WHOAMI) } } }, client('web')));
    });
    expect(calls).toBe(0);
    for (const result of results) {
      expect(result.status).toBe(400);
      expect(codeOf(result)).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      expect(result.body.data).toBeUndefined();
    }
  });

  it('refuses a persisted id without a known client name with PERSISTED_QUERY_UNKNOWN_CLIENT', async () => {
    const results: Sent[] = [];
    const calls = await subgraphCallsDuring(async () => {
      results.push(await post(prodUrl, { extensions: apq(WHOAMI) }));
      results.push(await post(prodUrl, { extensions: apq(WHOAMI) }, client('kiosk')));
    });
    expect(calls).toBe(0);
    expect(results.map(codeOf)).toEqual(['PERSISTED_QUERY_UNKNOWN_CLIENT', 'PERSISTED_QUERY_UNKNOWN_CLIENT']);
    expect(results[0]!.body.errors![0]!.message).toMatch(/apollographql-client-name/);
  });

  it('serves persisted queries over GET (a CDN may cache them), and refuses mutations over GET with 405', async () => {
    const query = await get(prodUrl, { extensions: apq(WHOAMI), operationName: 'Whoami' }, client('web'));
    expect(query.status).toBe(200);
    expect(query.body).toEqual({ data: { whoami: 'anonymous:-' } });
    const byDocumentId = await get(prodUrl, { documentId: `sha256:${id(REQUEST_ID)}` }, { ...client('pos'), 'x-request-id': 'get-1' });
    expect(byDocumentId.body).toEqual({ data: { requestId: 'get-1' } });

    let mutation!: Sent;
    const calls = await subgraphCallsDuring(async () => {
      mutation = await get(prodUrl, { extensions: apq(NOTE_CREATE), variables: { text: 'x' } }, client('web'));
    });
    expect(calls).toBe(0);
    expect(mutation.status).toBe(405);
    expect(mutation.headers.get('allow')).toBe('POST');
    expect(codeOf(mutation)).toBe('BAD_REQUEST');
    // An ad-hoc GET is refused like an ad-hoc POST.
    expect(codeOf(await get(prodUrl, { query: '{ whoami }' }, client('web')))).toBe('PERSISTED_QUERY_REQUIRED');
  });

  it('lets partners send ad-hoc documents; an unknown hash tells their APQ link to send the document', async () => {
    const partner = { 'x-request-id': 'partner-1' };
    expect((await post(prodUrl, { query: '{ whoami }' }, partner)).body).toEqual({ data: { whoami: 'anonymous:-' } });
    const unknown = await post(prodUrl, { extensions: apq('{ requestId }') }, partner);
    expect(codeOf(unknown)).toBe('PERSISTED_QUERY_NOT_FOUND');
    const retried = await post(prodUrl, { query: '{ requestId }', extensions: apq('{ requestId }') }, partner);
    expect(retried.body).toEqual({ data: { requestId: 'partner-1' } });
  });

  it('logs the client, the persisted id and any refusal on each request line', async () => {
    await post(prodUrl, { extensions: apq(WHOAMI) }, { ...client('web'), 'x-request-id': 'log-ok' });
    await post(prodUrl, { query: 'query Sneaky { whoami }', operationName: 'Sneaky' }, { ...client('pos'), 'x-request-id': 'log-refused' });
    const line = (requestId: string) => lines.find((entry) => entry.requestId === requestId && entry.msg === 'graphql request');
    expect(line('log-ok')).toMatchObject({ client: 'web', operation: 'Whoami', operationId: id(WHOAMI), status: 200, errors: 0, ms: expect.any(Number) });
    expect(line('log-refused')).toMatchObject({ client: 'pos', operation: 'Sneaky', refused: 'PERSISTED_QUERY_REQUIRED', status: 400, errors: 1 });
  });
});

describe('safelist in development', () => {
  it('accepts ad-hoc documents and Apollo\'s automatic persisted queries', async () => {
    expect((await post(devUrl, { query: '{ whoami }' })).body).toEqual({ data: { whoami: 'anonymous:-' } });
    const document = '{ requestId }';
    expect(codeOf(await post(devUrl, { extensions: apq(document) }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(devUrl, { query: document, extensions: apq(document) }, { 'x-request-id': 'dev-1' })).body).toEqual({ data: { requestId: 'dev-1' } });
    expect((await post(devUrl, { extensions: apq(document) }, { 'x-request-id': 'dev-2' })).body).toEqual({ data: { requestId: 'dev-2' } });
  });

  it('resolves manifest ids from any client\'s list, and refuses an unknown documentId', async () => {
    expect((await post(devUrl, { documentId: `sha256:${id(WHOAMI)}` })).body).toEqual({ data: { whoami: 'anonymous:-' } });
    expect((await post(devUrl, { extensions: apq(WHOAMI) }, client('pos'))).body).toEqual({ data: { whoami: 'anonymous:-' } });
    expect(codeOf(await post(devUrl, { documentId: `sha256:${'e'.repeat(64)}` }))).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });
});
