import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, PAGE_CSP, RATE_LIMITED, SERVICE_TIMEOUT } from '../src/hardening/index.ts';
import type { GatewayOptions } from '../src/server.ts';
import { codeOf, post, send, startHardeningRig, stalledServer, type Answer, type CountingProxy, type HardeningRig, type StalledServer } from './hardening-support.ts';

/**
 * The gateway's hardening over real HTTP, in front of the kit's fixture subgraph (through a proxy that
 * counts what reaches it): operation limits refuse before any subgraph call, the HTTP layer refuses batches
 * and oversized bodies and sends the security headers everywhere, subgraph fetches have deadlines and reuse
 * connections, rate limits leave health checks alone.
 * Introspection and errors: hardening-introspection-errors.test.ts. Rate limits: hardening-rate-limit.test.ts.
 */
let rig: HardeningRig;
let proxy: CountingProxy;
let stalled: StalledServer;
let prod: string;
let dev: string;
let slow: string;

const startGateway = (target: () => string, options: Partial<GatewayOptions>) => rig.startGateway(target, options);
const withoutSubgraphCalls = <T>(act: () => Promise<T>) => rig.withoutSubgraphCalls(act);

beforeAll(async () => {
  rig = await startHardeningRig();
  proxy = rig.proxy;
  stalled = await stalledServer();
  prod = await startGateway(() => proxy.url, { hardening: { production: true } });
  dev = await startGateway(() => proxy.url, { hardening: { production: false } });
  slow = await startGateway(() => stalled.url, { hardening: { subgraphs: { timeoutMs: 300 } } });
});
afterAll(async () => {
  await rig?.close();
  await stalled?.close();
});

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
