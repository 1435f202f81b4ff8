import type { Logger } from '#kit/logger.ts';
import { connectRedis } from '../redis-connection.ts';
import { MAX_ENTRY_BYTES, type CacheStore } from './store.ts';

// One round trip, atomic: the entry (a hash: meta = {stamp, tags}, body, storedAt, maxAge) only when no tag
// of it was invalidated after its stamp, and the sequence. Marks are read by name (ARGV[1] is their prefix),
// so this needs one Redis, not a cluster.
const LOOKUP = `local meta = redis.call('HGET', KEYS[1], 'meta')
local sequence = redis.call('GET', KEYS[2]) or '0'
if not meta then return {false, sequence} end
local m = cjson.decode(meta)
for _, tag in ipairs(m.tags) do
  local mark = redis.call('GET', ARGV[1] .. tag)
  if mark and tonumber(mark) > m.stamp then
    redis.call('DEL', KEYS[1])
    return {false, sequence}
  end
end
return {redis.call('HGET', KEYS[1], 'body'), sequence, meta, redis.call('HGET', KEYS[1], 'storedAt'), redis.call('HGET', KEYS[1], 'maxAge')}`;

// The next sequence, set as the mark of every tag given. Marks never expire: under memory pressure Redis must
// evict entries (they expire; `maxmemory-policy volatile-lru`), never a mark, or an invalidated entry would
// look valid again. There is one mark per tag ever invalidated (a variant, a subgraph): the catalog's size.
const INVALIDATE = `local sequence = redis.call('INCR', KEYS[1])
for i = 1, #ARGV - 1 do redis.call('SET', ARGV[1] .. ARGV[i + 1], sequence) end
return sequence`;

/**
 * The cache in Redis (`REDIS_URL`), shared by every gateway replica: entries, the sequence and the marks, so an
 * invalidation made by any replica (an event it consumed, a change made through it) holds for all. Commands
 * fail fast (no offline queue, 500 ms); the cache then steps aside: the request runs as if uncached.
 */
export async function redisStore(url: string, log: Logger, options: { prefix?: string } = {}): Promise<CacheStore> {
  const prefix = options.prefix ?? 'respcache:';
  const redis = await connectRedis(url, log, {
    unavailable: 'response cache (Redis) unavailable: requests run uncached',
    unreachable: 'response cache (Redis) unreachable at start; retrying in the background',
  });
  const sequenceKey = `${prefix}sequence`;
  const markPrefix = `${prefix}mark:`;
  const entryKey = (key: string) => `${prefix}entry:${key}`;
  return {
    kind: 'redis',
    async lookup(key) {
      // Every reply as bytes: the body is gzip. An entry of an earlier version, with `data` and no `body`, is a miss.
      const [body, sequence, meta, storedAt, maxAge] = (await redis.callBuffer('eval', [LOOKUP, 2, entryKey(key), sequenceKey, markPrefix])) as (Buffer | null)[];
      if (body == null || meta == null) return { entry: undefined, sequence: Number(String(sequence ?? 0)) };
      const { stamp } = JSON.parse(String(meta)) as { stamp: number };
      return { entry: { stamp, body, storedAt: Number(String(storedAt)), maxAge: Number(String(maxAge)) }, sequence: Number(String(sequence)) };
    },
    async store(key, entry, ttlSeconds) {
      if (entry.body.length > MAX_ENTRY_BYTES) return;
      const meta = JSON.stringify({ stamp: entry.stamp, tags: entry.tags });
      await redis
        .multi()
        .hset(entryKey(key), { meta, body: entry.body, storedAt: String(entry.storedAt), maxAge: String(entry.maxAge) })
        .expire(entryKey(key), Math.max(1, ttlSeconds))
        .exec();
    },
    async invalidate(tags) {
      return Number(await redis.eval(INVALIDATE, 1, sequenceKey, markPrefix, ...tags));
    },
    async close() {
      redis.disconnect();
    },
  };
}
