import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger, readSchema } from '#kit';
import { testKeyRing } from '#kit/testing/index.ts';
import { notes } from '../../subgraphs/kit/test/fixture/fixture.ts';
import { composeSupergraph } from '../src/compose.ts';
import { createGatewayServer, type GatewayServer } from '../src/server.ts';
import { createRateLimiter, memoryStore, redisStore, type RateLimits, type RateLimitStore } from '../src/hardening/rate-limit.ts';

/**
 * Rate limits per IP, per client name and per API key, with both stores: in memory, and Redis (REDIS_URL,
 * else a Redis on 127.0.0.1:6379; those tests are skipped, saying so, when none answers). The gateways here
 * answer `{ __typename }` themselves: no subgraph is needed. Windows are an hour long, so a test never
 * straddles two; addresses, client names and keys are random, so runs sharing one Redis never collide.
 */
const log = createLogger('gateway');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

const redisUp = await redisAnswers(REDIS_URL);
if (!redisUp) console.warn(`Skipping the Redis rate-limit tests: no Redis answers at ${REDIS_URL} (set REDIS_URL, or run redis-server on 127.0.0.1:6379).`);

/** An address of the IPv6 documentation range, different each call (a header value only: nothing is sent there). */
const randomIp = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
const randomName = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;

/** A request as node:http would hand it to the limiter, and a response that records what was sent. */
function fakeExchange(headers: Record<string, string>, ip = '127.0.0.1') {
  const req = { headers, socket: { remoteAddress: ip }, resume: () => undefined } as unknown as IncomingMessage;
  const sent: { status?: number; headers: Record<string, string>; body?: any } = { headers: {} };
  const res: { statusCode: number; setHeader(name: string, value: string): void; end(text: string): void } = {
    statusCode: 200,
    setHeader: (name, value) => void (sent.headers[name.toLowerCase()] = value),
    end: (text) => {
      sent.status = res.statusCode;
      sent.body = JSON.parse(text);
    },
  };
  return { req, res: res as unknown as ServerResponse, sent };
}

/** Records the keys the limiter counts under, to check what it stores. */
function recording(store: RateLimitStore): RateLimitStore & { keys: string[] } {
  const keys: string[] = [];
  return { kind: store.kind, keys, hit: (key, start, ms) => (keys.push(key), store.hit(key, start, ms)), close: () => store.close() };
}

function limiterBehaviour(makeStore: () => Promise<RateLimitStore>) {
  const limits: RateLimits = { windowSeconds: 3600, perIp: 3, perClient: 4, perApiKey: 2 };
  let store: RateLimitStore & { keys: string[] };
  beforeAll(async () => {
    store = recording(await makeStore());
  });
  afterAll(async () => store?.close());

  it('refuses an IP past its limit with 429, Retry-After and RATE_LIMITED; other IPs go on', async () => {
    const admit = createRateLimiter(limits, store, log);
    const ip = randomIp();
    for (let i = 0; i < 3; i++) expect(await admit(fakeExchange({}, ip).req, fakeExchange({}, ip).res)).toBe(true);
    const refused = fakeExchange({}, ip);
    expect(await admit(refused.req, refused.res)).toBe(false);
    expect(refused.sent.status).toBe(429);
    const retryAfter = Number(refused.sent.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.sent.body).toEqual({ errors: [{ message: expect.stringMatching(/^Too many requests/), extensions: { code: 'RATE_LIMITED' } }] });
    const other = fakeExchange({}, randomIp());
    expect(await admit(other.req, other.res)).toBe(true);
  });

  it('counts each client name on its own, across IPs', async () => {
    const admit = createRateLimiter(limits, store, log);
    const client = randomName('web');
    const results = [];
    for (let i = 0; i < 5; i++) {
      const { req, res } = fakeExchange({ 'apollographql-client-name': client }, randomIp());
      results.push(await admit(req, res));
    }
    expect(results).toEqual([true, true, true, true, false]);
    const { req, res } = fakeExchange({ 'apollographql-client-name': randomName('mobile') }, randomIp());
    expect(await admit(req, res)).toBe(true);
  });

  it('counts each API key on its own, by its hash: the key itself is never stored', async () => {
    const admit = createRateLimiter(limits, store, log);
    const secret = `pk_${randomBytes(16).toString('hex')}`;
    const results = [];
    for (let i = 0; i < 3; i++) {
      const { req, res } = fakeExchange({ 'x-api-key': secret }, randomIp());
      results.push(await admit(req, res));
    }
    expect(results).toEqual([true, true, false]);
    const { req, res } = fakeExchange({ 'x-api-key': `pk_${randomBytes(16).toString('hex')}` }, randomIp());
    expect(await admit(req, res)).toBe(true);
    expect(store.keys.some((key) => key.includes(secret))).toBe(false);
    expect(store.keys).toContain(`key:${createHash('sha256').update(secret).digest('hex')}`);
  });
}

describe('rate limits, in memory', () => {
  limiterBehaviour(async () => memoryStore());
});

describe.skipIf(!redisUp)('rate limits, in Redis', () => {
  limiterBehaviour(() => redisStore(REDIS_URL, log));

  it('lets requests through (and says so in the logs) when Redis stops answering', async () => {
    const store = await redisStore('redis://127.0.0.1:1', log);
    try {
      const admit = createRateLimiter({ windowSeconds: 60, perIp: 1, perClient: 0, perApiKey: 0 }, store, log);
      for (let i = 0; i < 3; i++) {
        const { req, res } = fakeExchange({}, '203.0.113.9');
        expect(await admit(req, res)).toBe(true);
      }
    } finally {
      await store.close();
    }
  });
});

describe('rate limits at the gateway, over HTTP', () => {
  const gateways: GatewayServer[] = [];
  const supergraph = composeSupergraph([{ name: notes.name, url: 'http://127.0.0.1:1/graphql', sdl: readSchema(notes) }]);
  const start = async (redisUrl?: string) => {
    const gateway = await createGatewayServer({
      supergraph,
      keys: testKeyRing('gateway'),
      log,
      // '' keeps the counters in memory even when REDIS_URL is set.
      hardening: { rateLimit: { windowSeconds: 3600, perIp: 2, perClient: 3, perApiKey: 0, redisUrl: redisUrl ?? '' } },
    });
    gateways.push(gateway);
    return gateway.listen(0);
  };
  beforeAll(() => vi.stubEnv('TRUST_PROXY', '1'));
  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all(gateways.map((gateway) => gateway.close()));
  });

  const post = async (url: string, headers: Record<string, string>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query":"{ __typename }"}' });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), type: response.headers.get('content-type'), body: (await response.json()) as any };
  };

  it('answers 429 with Retry-After and a GraphQL error past the limit, while another IP and another client still succeed', async () => {
    const url = await start();
    const ip = randomIp();
    expect((await post(url, { 'x-forwarded-for': ip })).body).toEqual({ data: { __typename: 'Query' } });
    expect((await post(url, { 'x-forwarded-for': ip })).status).toBe(200);
    const refused = await post(url, { 'x-forwarded-for': ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.type).toMatch(/^application\/json/);
    expect(refused.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'RATE_LIMITED' } }] });
    expect((await post(url, { 'x-forwarded-for': randomIp() })).status).toBe(200);

    const client = randomName('pos');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(url, { 'x-forwarded-for': randomIp(), 'apollographql-client-name': client })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await post(url, { 'x-forwarded-for': randomIp(), 'apollographql-client-name': randomName('web') })).status).toBe(200);
  });

  it.skipIf(!redisUp)('shares the counts between gateway replicas through Redis', async () => {
    const [first, second] = [await start(REDIS_URL), await start(REDIS_URL)];
    const ip = randomIp();
    expect((await post(first!, { 'x-forwarded-for': ip })).status).toBe(200);
    expect((await post(second!, { 'x-forwarded-for': ip })).status).toBe(200);
    expect((await post(first!, { 'x-forwarded-for': ip })).status).toBe(429);
    expect((await post(second!, { 'x-forwarded-for': ip })).status).toBe(429);
  });
});
