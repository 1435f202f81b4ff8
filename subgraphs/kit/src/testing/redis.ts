import { Redis } from 'ioredis';

/**
 * Whether a Redis answers at `url` (REDIS_URL, else loopback's 6379), asked once with a short timeout: tests
 * of the Redis stores run against it, and are skipped, saying so, on a machine without one.
 */
export async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
