import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, issueAccessToken, readSchema } from '#kit';
import { createTestDatabase, postGraphQL, startTestSubgraph, testKeyRing, type TestSubgraph } from '#kit/testing/index.ts';
import { notes } from '../../subgraphs/kit/test/fixture/fixture.ts';
import { composeSupergraph } from '../src/compose.ts';
import { createGatewayServer, type GatewayServer } from '../src/server.ts';
import { supergraphFromFile } from '../src/supergraph-file.ts';

let subgraph: TestSubgraph;
let gateway: GatewayServer;
let url: string;
let dir: string;
let file: string;

const compose = (sdl: string) => composeSupergraph([{ name: notes.name, url: 'http://composed-url.invalid/graphql', sdl }]);

beforeAll(async () => {
  subgraph = await startTestSubgraph(notes, await createTestDatabase('gateway'));
  dir = await mkdtemp(join(tmpdir(), 'gateway-test-'));
  file = join(dir, 'supergraph.graphql');
  await writeFile(file, compose(readSchema(notes)));
  const log = createLogger('gateway');
  gateway = await createGatewayServer({
    supergraph: supergraphFromFile(file, { watchForChanges: true, log }),
    keys: testKeyRing('gateway'),
    log,
    subgraphUrl: (name) => (name === notes.name ? subgraph.url : undefined),
  });
  url = await gateway.listen(0);
});
afterAll(async () => {
  await gateway?.close();
  await subgraph?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('gateway', () => {
  it('answers readiness once the supergraph is loaded', async () => {
    expect((await fetch(url.replace('/graphql', '/health/ready'))).status).toBe(200);
  });

  it('forwards a verified customer as a signed identity, and an anonymous caller as anonymous', async () => {
    const customerId = crypto.randomUUID();
    const { accessToken } = await issueAccessToken({ customerId, role: 'customer' }, testKeyRing('customers'));
    const signedIn = await postGraphQL(url, '{ whoami }', {}, { authorization: `Bearer ${accessToken}` });
    expect(signedIn.data).toEqual({ whoami: `customer:${customerId}` });
    const anonymous = await postGraphQL(url, '{ whoami }');
    expect(anonymous.data).toEqual({ whoami: 'anonymous:-' });
  });

  it('passes the caller\'s request id to subgraphs and back, so logs line up', async () => {
    const result = await postGraphQL(url, '{ requestId }', {}, { 'x-request-id': 'checkout-7f3a' });
    expect(result.data).toEqual({ requestId: 'checkout-7f3a' });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ requestId }"}' });
    const generated = response.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ data: { requestId: generated } });
  });

  it('keeps Apollo\'s own client errors as they are: a persisted-query hash that does not match its document', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ whoami }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]!.message).toMatch(/provided sha does not match query/);
  });

  it('names an operationName the document lacks as the sender\'s mistake, not an unexpected error', async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ whoami }', operationName: 'Account' }) });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors).toEqual([{ message: 'Unknown operation named "Account".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }]);
  });

  it('keeps subgraph failures masked', async () => {
    const result = await postGraphQL(url, '{ boom }');
    expect(result.errors?.[0]?.message).toBe('Unexpected error');
    expect(JSON.stringify(result)).not.toContain('secret internal');
  });

  it('reloads the supergraph when the file changes', async () => {
    const fieldsOfQuery = async () => {
      const result = await postGraphQL<{ __type: { fields: { name: string }[] } }>(url, '{ __type(name: "Query") { fields { name } } }');
      return result.data?.__type.fields.map((field) => field.name) ?? [];
    };
    expect(await fieldsOfQuery()).not.toContain('greeting');
    const extended = readSchema(notes).replace('whoami: String!', 'whoami: String!\n  greeting: String');
    await writeFile(file, compose(extended));
    const deadline = Date.now() + 10_000;
    while (!(await fieldsOfQuery()).includes('greeting') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await fieldsOfQuery()).toContain('greeting');
  });
});
