import type { Redis } from 'ioredis';
import type { Logger } from '#kit/logger.ts';

/**
 * A connection for the gateway's stores in Redis (the response cache, the rate limits), when `REDIS_URL` is
 * set: ioredis is imported here, so a gateway without Redis never loads its 450 KB of modules. Commands fail
 * fast rather than queue (no offline queue, 500 ms): the store then steps aside and the request goes on. An
 * error is logged at most every 30 s, with what it means for the requests.
 */
export async function connectRedis(url: string, log: Logger, says: { unavailable: string; unreachable: string }): Promise<Redis> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500, connectTimeout: 2_000 });
  let lastWarning = 0;
  redis.on('error', (error: Error) => {
    if (Date.now() - lastWarning < 30_000) return;
    lastWarning = Date.now();
    log.warn({ err: error }, says.unavailable);
  });
  await redis.connect().catch((error: unknown) => log.warn({ err: error }, says.unreachable));
  return redis;
}
