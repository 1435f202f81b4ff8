import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger, readSchema } from '#kit';
import { createTestDatabase, startTestSubgraph, testKeyRing, type TestSubgraph } from '#kit/testing/index.ts';
import { notes } from '../../subgraphs/kit/test/fixture/fixture.ts';
import { composeSupergraph } from '../src/compose.ts';
import { createGatewayServer, type GatewayOptions, type GatewayServer } from '../src/server.ts';
import { contentSecurityPolicy, isIntrospectionAllowed, PAGE_CSP, RATE_LIMITED, SERVICE_TIMEOUT } from '../src/hardening/index.ts';
import { introspectionGate } from '../src/hardening/operation-limits.ts';

/**
 * The gateway's hardening over real HTTP, in front of the kit's fixture subgraph (through a proxy that
 * counts what reaches it): refusals happen before any subgraph call, errors carry nothing internal,
 * subgraph fetches have deadlines and reuse connections, every response has the security headers.
 * Rate limits: hardening-rate-limit.test.ts.
 */
let subgraph: TestSubgraph;
let proxy: CountingProxy;
let stalled: StalledServer;
const gateways: GatewayServer[] = [];
let prod: string;
let dev: string;
let slow: string;
const log = createLogger('gateway');

interface CountingProxy {
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

interface StalledServer {
  url: string;
  /** 'headers': never answers; 'body': sends the headers and part of the body, then nothing. */
  mode: 'headers' | 'body';
  close(): Promise<void>;
}

async function stalledServer(): Promise<StalledServer> {
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

async function startGateway(target: () => string, options: Partial<GatewayOptions>): Promise<string> {
  const supergraph = composeSupergraph([{ name: notes.name, url: 'http://composed-url.invalid/graphql', sdl: readSchema(notes) }]);
  const gateway = await createGatewayServer({ supergraph, keys: testKeyRing('gateway'), log, subgraphUrl: () => target(), ...options });
  gateways.push(gateway);
  return gateway.listen(0);
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(notes, await createTestDatabase('hardening'), { events: false });
  proxy = await countingProxy(subgraph.url);
  stalled = await stalledServer();
  prod = await startGateway(() => proxy.url, { hardening: { production: true } });
  dev = await startGateway(() => proxy.url, { hardening: { production: false } });
  slow = await startGateway(() => stalled.url, { hardening: { subgraphs: { timeoutMs: 300 } } });
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  await stalled?.close();
  await proxy?.close();
  await subgraph?.close();
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: any; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] };
}

async function send(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

const post = (url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  send(url, JSON.stringify({ query, variables }), headers);

/** Runs `act` and expects the subgraph to have received nothing meanwhile. */
async function withoutSubgraphCalls<T>(act: () => Promise<T>): Promise<T> {
  const before = proxy.requests;
  const result = await act();
  expect(proxy.requests - before, 'requests that reached the subgraph').toBe(0);
  return result;
}

const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

describe('operation limits, before any subgraph call', () => {
  it('refuses 200 aliases (limit 15) with GRAPHQL_VALIDATION_FAILED', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: whoami`).join(' ');
    const answer = await withoutSubgraphCalls(() => post(prod, `{ ${aliases} }`));
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.body.errors![0]!.message).toMatch(/Aliases limit of 15 exceeded, found 200/);
    expect(answer.body.data).toBeUndefined();
  });

  it('refuses too many directives and too many tokens', async () => {
    const directives = Array.from({ length: 30 }, () => '@include(if: true)').join(' ');
    const tooManyDirectives = await withoutSubgraphCalls(() => post(prod, `{ whoami ${directives} }`));
    expect(tooManyDirectives.status).toBe(400);
    expect(codeOf(tooManyDirectives)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tooManyDirectives.body.errors![0]!.message).toMatch(/Directives limit of 25 exceeded/);
    const tooManyTokens = await withoutSubgraphCalls(() => post(prod, `{ whoami ${'__typename '.repeat(2_500)} }`));
    expect(tooManyTokens.status).toBe(400);
    expect(codeOf(tooManyTokens)).toBe('GRAPHQL_PARSE_FAILED');
    expect(tooManyTokens.body.errors![0]!.message).toMatch(/contains more th.t 2000 tokens/);
  });

  it('lets an ordinary operation through', async () => {
    const before = proxy.requests;
    const answer = await post(prod, '{ a: whoami b: whoami }');
    expect(answer.body).toEqual({ data: { a: 'anonymous:-', b: 'anonymous:-' } });
    expect(proxy.requests).toBe(before + 1);
  });
});

describe('the HTTP layer', () => {
  it('refuses a batched request (a JSON array) with 400 BAD_REQUEST', async () => {
    const answer = await withoutSubgraphCalls(() => send(prod, JSON.stringify([{ query: '{ whoami }' }, { query: '{ requestId }' }])));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('refuses a body over 256 KiB with 413 and a JSON error, streamed or declared', async () => {
    for (const size of [300 * 1024, 1024 * 1024]) {
      const body = JSON.stringify({ query: '{ whoami }', variables: { padding: 'x'.repeat(size) } });
      const answer = await withoutSubgraphCalls(() => send(prod, body));
      expect(answer.status).toBe(413);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.body).toEqual({ errors: [{ message: 'Request body too large', extensions: { code: 'BAD_REQUEST' } }] });
    }
    // Chunked: no Content-Length, the limit applies as the body streams in.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(32 * 1024)));
        controller.close();
      },
    });
    const response = await fetch(prod, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as Answer['body']).errors![0]!.extensions!.code).toBe('BAD_REQUEST');
  });

  it('sends the security headers on /graphql, health checks, 404s and refusals; HSTS in production only', async () => {
    const responses = {
      graphql: await fetch(prod, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
      live: await fetch(prod.replace('/graphql', '/health/live')),
      ready: await fetch(prod.replace('/graphql', '/health/ready')),
      notFound: await fetch(prod.replace('/graphql', '/nope')),
      batched: await fetch(prod, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' }),
    };
    expect(responses.notFound.status).toBe(404);
    for (const [name, response] of Object.entries(responses)) {
      const headers = response.headers;
      expect(headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(headers.get('x-frame-options'), name).toBe('DENY');
      expect(headers.get('referrer-policy'), name).toBe('no-referrer');
      expect(headers.get('cross-origin-resource-policy'), name).toBe('same-origin');
      expect(headers.get('content-security-policy'), name).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(headers.get('strict-transport-security'), name).toBe('max-age=31536000; includeSubDomains');
    }
    const development = await fetch(dev.replace('/graphql', '/health/live'));
    expect(development.headers.get('x-content-type-options')).toBe('nosniff');
    expect(development.headers.get('strict-transport-security')).toBeNull();
  });

  it('gives a page of the gateway (the explorer) a CSP of its own to extend', () => {
    expect(contentSecurityPolicy(PAGE_CSP, { 'img-src': ['data:'], 'worker-src': ["'self'", 'blob:'] })).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; worker-src 'self' blob:",
    );
  });
});

describe('introspection', () => {
  const SCHEMA = '{ __schema { queryType { name } } }';
  const TYPE = '{ __type(name: "Query") { name } }';
  const IN_FRAGMENT = 'query { ...Peek } fragment Peek on Query { __schema { types { name } } }';

  it('is refused in production (without a partner key), before any subgraph call; __typename is not introspection', async () => {
    for (const query of [SCHEMA, TYPE, IN_FRAGMENT]) {
      const answer = await withoutSubgraphCalls(() => post(prod, query));
      expect(answer.status, query).toBe(400);
      expect(answer.body.data, query).toBeUndefined();
      expect(answer.body.errors, query).toEqual([{ message: expect.stringMatching(/^Introspection is not allowed/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    }
    expect((await post(prod, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('is open outside production', async () => {
    expect((await post(dev, SCHEMA)).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect((await post(dev, TYPE)).body).toEqual({ data: { __type: { name: 'Query' } } });
  });

  it('is allowed to partners in production, per request: a document a partner ran stays refused to others', async () => {
    expect(isIntrospectionAllowed({ viewer: { role: 'partner' } }, true)).toBe(true);
    expect(isIntrospectionAllowed({ viewer: { role: 'staff' } }, true)).toBe(false);
    expect(isIntrospectionAllowed({ viewer: { role: 'anonymous' } }, false)).toBe(true);
    // Apollo caches validated documents: the gate must not be a validation rule.
    const server = new ApolloServer<{ viewer: { role: string } }>({
      typeDefs: 'type Query { hello: String }',
      resolvers: { Query: { hello: () => 'hi' } },
      introspection: true,
      plugins: [introspectionGate({ production: true })],
    });
    await server.start();
    try {
      const run = async (role: string) => {
        const response = await server.executeOperation({ query: SCHEMA }, { contextValue: { viewer: { role } } });
        return response.body.kind === 'single' ? response.body.singleResult : undefined;
      };
      expect((await run('partner'))?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const anonymous = await run('anonymous');
      expect(anonymous?.data).toBeUndefined();
      expect(anonymous?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await run('partner'))?.errors).toBeUndefined();
    } finally {
      await server.stop();
    }
  });
});

describe('errors', () => {
  it('hides "Did you mean" suggestions in production, and only there', async () => {
    const production = await withoutSubgraphCalls(() => post(prod, '{ whoam }'));
    expect(production.body.errors).toEqual([{ message: 'Cannot query field "whoam" on type "Query".', locations: [{ line: 1, column: 3 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    const development = await post(dev, '{ whoam }');
    expect(development.body.errors![0]!.message).toMatch(/Did you mean "whoami"/);
  });

  it('never carries serviceName, a stack, SQL or a subgraph\'s internal message; client errors keep code, field and message', async () => {
    const relayed = await post(prod, '{ invalid(first: 1000) }');
    expect(relayed.body.errors).toHaveLength(1);
    const error = relayed.body.errors![0]!;
    expect(Object.keys(error.extensions!).sort()).toEqual(['code', 'field']);
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.message).not.toBe('Unexpected error');
    for (const query of ['{ boom }', '{ sqlError }', '{ relay(field: remoteClientError) }', '{ relay(field: boom) }']) {
      const answer = await post(prod, query);
      expect(answer.body.errors, query).toHaveLength(1);
      const { message, extensions, path: _path, locations: _locations, ...rest } = answer.body.errors![0]! as Record<string, unknown>;
      expect({ message, extensions, rest }, query).toEqual({ message: 'Unexpected error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, rest: {} });
    }
    for (const query of ['{ invalid(first: 1000) }', '{ boom }', '{ sqlError }', '{ relay(field: remoteClientError) }', '{ nope }', '{ whoami(x: 1) }']) {
      for (const url of [prod, dev]) {
        const { text } = await post(url, query);
        for (const leak of ['serviceName', 'kit_fixture', 'stacktrace', 'exception', 'secret internal', 'table_that_does_not_exist', 'select ', '    at ']) {
          expect(text, `${query}: ${leak}`).not.toContain(leak);
        }
      }
    }
  });
});

describe('subgraph fetches', () => {
  it('time out (SUBGRAPH_TIMEOUT_MS) into a masked SERVICE_TIMEOUT, whether the headers or the body never come', async () => {
    for (const mode of ['headers', 'body'] as const) {
      stalled.mode = mode;
      const answer = await post(slow, '{ whoami }');
      expect(answer.body.errors, mode).toEqual([{ message: 'A service did not answer in time; try again.', extensions: { code: SERVICE_TIMEOUT } }]);
      expect(answer.text).not.toContain('127.0.0.1');
      expect(answer.text).not.toContain('serviceName');
    }
  });

  it('reuse keep-alive connections', async () => {
    const before = proxy.connections;
    for (let i = 0; i < 5; i++) expect((await post(dev, '{ whoami }')).body.data).toEqual({ whoami: 'anonymous:-' });
    expect(proxy.connections - before).toBeLessThanOrEqual(1);
  });
});

describe('rate limits apply to /graphql only', () => {
  it('leave health checks alone', async () => {
    vi.stubEnv('TRUST_PROXY', '1');
    try {
      const limited = await startGateway(() => proxy.url, { hardening: { rateLimit: { perIp: 1, windowSeconds: 3600 } } });
      const headers = { 'x-forwarded-for': '198.51.100.77' };
      expect((await post(limited, '{ __typename }', {}, headers)).status).toBe(200);
      const refused = await post(limited, '{ __typename }', {}, headers);
      expect(refused.status).toBe(429);
      expect(codeOf(refused)).toBe(RATE_LIMITED);
      expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await fetch(limited.replace('/graphql', '/health/live'), { headers })).status).toBe(200);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
