import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, readSchema } from '#kit';
import { createTestDatabase, startTestSubgraph, testKeyRing, type TestSubgraph } from '#kit/testing/index.ts';
import { notes } from '../../subgraphs/kit/test/fixture/fixture.ts';
import { composeSupergraph } from '../src/compose.ts';
import { createGatewayServer, type GatewayServer } from '../src/server.ts';

/**
 * The gateway sends a subgraph each query's text once, then its hash alone (signed-data-source.ts). Real
 * HTTP, the kit's fixture subgraph behind a proxy that records every body it forwards.
 */
interface SentBody {
  query?: string;
  extensions?: { persistedQuery?: { version: number; sha256Hash: string } };
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let subgraph: TestSubgraph;
let proxy: Server;
let gateway: GatewayServer;
let gatewayUrl: string;
const sent: SentBody[] = [];

beforeAll(async () => {
  database = await createTestDatabase('subgraph-apq');
  subgraph = await startTestSubgraph(notes, database, { events: false });
  // Forwards to whichever subgraph is current, keeping a copy of each request body.
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      sent.push(JSON.parse(body.toString('utf8')) as SentBody);
      const upstream = httpRequest(subgraph.url, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
  const supergraph = composeSupergraph([{ name: notes.name, url: 'http://composed-url.invalid/graphql', sdl: readSchema(notes) }]);
  gateway = await createGatewayServer({ supergraph, keys: testKeyRing('gateway'), log: createLogger('gateway'), subgraphUrl: () => proxyUrl });
  gatewayUrl = await gateway.listen(0);
});

afterAll(async () => {
  await gateway?.close();
  proxy?.closeAllConnections();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  await subgraph?.close();
});

async function whoami(): Promise<unknown> {
  const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ whoami }' }) });
  return response.json();
}

/** What the subgraph was sent while `act` ran. */
async function sentDuring(act: () => Promise<unknown>): Promise<SentBody[]> {
  const from = sent.length;
  await act();
  return sent.slice(from);
}

describe('subgraph queries by hash', () => {
  it('sends the text with its hash the first time, then the hash alone, with the same answers', async () => {
    const first = await sentDuring(async () => expect(await whoami()).toEqual({ data: { whoami: 'anonymous:-' } }));
    expect(first).toHaveLength(1);
    const { query, extensions } = first[0]!;
    expect(query).toContain('whoami');
    expect(extensions?.persistedQuery).toEqual({ version: 1, sha256Hash: createHash('sha256').update(query!).digest('hex') });

    const later = await sentDuring(async () => {
      for (let i = 0; i < 3; i++) expect(await whoami()).toEqual({ data: { whoami: 'anonymous:-' } });
    });
    expect(later.map((body) => [body.query, body.extensions?.persistedQuery?.sha256Hash])).toEqual(Array(3).fill([undefined, extensions!.persistedQuery!.sha256Hash]));
  });

  it('sends the text again to a subgraph that has forgotten the hash (restarted), and answers as before', async () => {
    await whoami();
    await subgraph.close();
    subgraph = await startTestSubgraph(notes, database, { events: false });

    const retried = await sentDuring(async () => expect(await whoami()).toEqual({ data: { whoami: 'anonymous:-' } }));
    expect(retried.map((body) => body.query === undefined)).toEqual([true, false]);
    const after = await sentDuring(async () => expect(await whoami()).toEqual({ data: { whoami: 'anonymous:-' } }));
    expect(after.map((body) => body.query === undefined)).toEqual([true]);
  });
});
