import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '#kit/http.ts';
import type { Logger } from '#kit/logger.ts';
import { clientIpOf } from '../auth.ts';
import { connectRedis } from '../redis-connection.ts';

/** The code of a request refused for going past a rate limit (HTTP 429, with Retry-After). */
export const RATE_LIMITED = 'RATE_LIMITED';

export interface RateLimits {
  windowSeconds: number;
  /** Requests per window; 0 turns that limit off. */
  perIp: number;
  perClient: number;
  perApiKey: number;
}

/** Fixed-window counters: `hit` counts one request for `key` in the window starting at `windowStart`. */
export interface RateLimitStore {
  readonly kind: 'memory' | 'redis';
  hit(key: string, windowStart: number, windowMs: number): Promise<number>;
  close(): Promise<void>;
}

/** One process's counters: enough for a single gateway; replicas each count their own share. */
export function memoryStore(): RateLimitStore {
  const counts = new Map<string, { windowEnd: number; count: number }>();
  // Windows that are over are dropped once a minute, so idle keys (a one-off IP) do not pile up.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, entry] of counts) if (entry.windowEnd <= now) counts.delete(key);
  }, 60_000);
  sweep.unref();
  return {
    kind: 'memory',
    async hit(key, windowStart, windowMs) {
      const entry = counts.get(key);
      if (entry && entry.windowEnd === windowStart + windowMs) return ++entry.count;
      counts.set(key, { windowEnd: windowStart + windowMs, count: 1 });
      return 1;
    },
    async close() {
      clearInterval(sweep);
      counts.clear();
    },
  };
}

// INCR and the key's expiry in one step: the counter disappears with its window.
const HIT_SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * Counters in Redis (`REDIS_URL`), shared by every gateway replica. Commands fail fast rather than queue
 * (no offline queue, a short command timeout); the limiter then lets the request through and logs it.
 */
export async function redisStore(url: string, log: Logger, options: { prefix?: string } = {}): Promise<RateLimitStore> {
  const prefix = options.prefix ?? 'ratelimit:';
  const redis = await connectRedis(url, log, {
    unavailable: 'rate limit store (Redis) unavailable: requests are not being limited',
    unreachable: 'rate limit store (Redis) unreachable at start; retrying in the background',
  });
  return {
    kind: 'redis',
    async hit(key, windowStart, windowMs) {
      const count = await redis.eval(HIT_SCRIPT, 1, `${prefix}${key}:${windowStart}`, String(windowMs + 1_000));
      return Number(count);
    },
    async close() {
      redis.disconnect();
    },
  };
}

interface Bucket {
  scope: 'ip' | 'client' | 'key';
  id: string;
  limit: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Who a request counts against: its IP address (see TRUST_PROXY), its `apollographql-client-name`,
 * and its `X-API-Key`, by hash: the key itself is never stored, logged or sent to Redis.
 */
export function bucketsOf(req: IncomingMessage, limits: RateLimits): Bucket[] {
  const buckets: Bucket[] = [];
  const ip = clientIpOf(req);
  if (limits.perIp > 0 && ip) buckets.push({ scope: 'ip', id: ip, limit: limits.perIp });
  const client = headerOf(req, 'apollographql-client-name');
  if (limits.perClient > 0 && client) buckets.push({ scope: 'client', id: /^[\w.:@/-]{1,64}$/.test(client) ? client : sha256(client), limit: limits.perClient });
  const apiKey = headerOf(req, 'x-api-key');
  if (limits.perApiKey > 0 && apiKey) buckets.push({ scope: 'key', id: sha256(apiKey), limit: limits.perApiKey });
  return buckets;
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

/**
 * The limiter in front of /graphql: true lets the request on; false means it has answered 429 with
 * Retry-After (seconds until the window ends) and a GraphQL error body. A store failure lets requests
 * through: an unavailable Redis must not take the storefront down with it.
 */
export function createRateLimiter(limits: RateLimits, store: RateLimitStore, log: Logger) {
  const windowMs = limits.windowSeconds * 1000;
  let lastWarning = 0;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const buckets = bucketsOf(req, limits);
    if (buckets.length === 0) return true;
    const now = Date.now();
    const windowStart = now - (now % windowMs);
    let counts: number[];
    try {
      counts = await Promise.all(buckets.map((bucket) => store.hit(`${bucket.scope}:${bucket.id}`, windowStart, windowMs)));
    } catch (error) {
      if (now - lastWarning > 30_000) {
        lastWarning = now;
        log.warn({ err: error, store: store.kind }, 'rate limit store failed: request let through');
      }
      return true;
    }
    const over = buckets.filter((bucket, index) => counts[index]! > bucket.limit);
    if (over.length === 0) return true;
    const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    log.info({ scopes: over.map((bucket) => bucket.scope), retryAfter }, 'rate limited');
    // The body is unread: drained (not parsed), so the connection stays usable.
    req.resume();
    res.setHeader('retry-after', String(retryAfter));
    res.setHeader('cache-control', 'no-store');
    sendJson(res, 429, {
      errors: [{ message: `Too many requests; try again in ${retryAfter} s.`, extensions: { code: RATE_LIMITED } }],
    });
    return false;
  };
}
