import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { createLogger, readSchema } from '#kit';
import { createTestDatabase, startTestSubgraph, testKeyRing, type TestSubgraph } from '#kit/testing/index.ts';
import { notes } from '../../subgraphs/kit/test/fixture/fixture.ts';
import { composeSupergraph } from '../src/compose.ts';
import { createGatewayServer, type GatewayOptions, type GatewayServer } from '../src/server.ts';

/**
 * Shared by the hardening tests (hardening-limits-http.test.ts, hardening-introspection-errors.test.ts): the
 * kit's fixture subgraph behind a proxy that counts what reaches it, a server that stalls, gateways in front.
 */
const log = createLogger('gateway');

export interface CountingProxy {
  url: string;
  requests: number;
  connections: number;
  close(): Promise<void>;
}

/** Forwards to the subgraph, counting requests and TCP connections. */
async function countingProxy(target: string): Promise<CountingProxy> {
  const state = { requests: 0, connections: 0 };
  const server = createServer((req, res) => {
    state.requests += 1;
    const upstream = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  server.on('connection', () => (state.connections += 1));
  const url = await listenOn(server);
  return {
    url,
    get requests() {
      return state.requests;
    },
    get connections() {
      return state.connections;
    },
    close: () => closeServer(server),
  };
}

export interface StalledServer {
  url: string;
  /** 'headers': never answers; 'body': sends the headers and part of the body, then nothing. */
  mode: 'headers' | 'body';
  close(): Promise<void>;
}

export async function stalledServer(): Promise<StalledServer> {
  const state: StalledServer = { url: '', mode: 'headers', close: async () => undefined };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    if (state.mode === 'body') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":');
    }
  });
  state.url = await listenOn(server);
  state.close = () => closeServer(server);
  return state;
}

async function listenOn(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The fixture subgraph behind a counting proxy, and the gateways a test file starts in front of it. */
export interface HardeningRig {
  subgraph: TestSubgraph;
  proxy: CountingProxy;
  startGateway(target: () => string, options: Partial<GatewayOptions>): Promise<string>;
  /** Runs `act` and expects the subgraph to have received nothing meanwhile. */
  withoutSubgraphCalls<T>(act: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function startHardeningRig(): Promise<HardeningRig> {
  const gateways: GatewayServer[] = [];
  const subgraph = await startTestSubgraph(notes, await createTestDatabase('hardening'), { events: false });
  const proxy = await countingProxy(subgraph.url);
  return {
    subgraph,
    proxy,
    async startGateway(target, options) {
      const supergraph = composeSupergraph([{ name: notes.name, url: 'http://composed-url.invalid/graphql', sdl: readSchema(notes) }]);
      const gateway = await createGatewayServer({ supergraph, keys: testKeyRing('gateway'), log, subgraphUrl: () => target(), ...options });
      gateways.push(gateway);
      return gateway.listen(0);
    },
    async withoutSubgraphCalls(act) {
      const before = proxy.requests;
      const result = await act();
      expect(proxy.requests - before, 'requests that reached the subgraph').toBe(0);
      return result;
    },
    async close() {
      await Promise.all(gateways.map((gateway) => gateway.close()));
      await proxy.close();
      await subgraph.close();
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: any; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] };
}

export async function send(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

export const post = (url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  send(url, JSON.stringify({ query, variables }), headers);

export const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;
