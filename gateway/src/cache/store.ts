import type { Logger } from '#kit/logger.ts';

/**
 * One cached response: the `data` of an anonymous persisted query, as JSON, with what it depends on.
 *
 * Invalidation is by tag and sequence number. The store keeps one counter, the sequence, and for each tag the
 * sequence at which it was last invalidated. A request reads the sequence before it executes (its `stamp`);
 * its entry is served only while none of its tags was invalidated after that stamp. An invalidation happens
 * after the change it announces committed, so a response computed from data read before the change always has
 * a stamp older than the invalidation (it read the sequence before it read the data): it is never served
 * after it, however the two interleave. One computed after the invalidation has a newer stamp and stands.
 */
export interface CacheEntry {
  /** The sequence read before the response was computed. */
  stamp: number;
  /** What the response read (tags.ts): `products`, `inventory:ProductVariant:<uuid>`, `*`. */
  tags: string[];
  /** When it was stored (ms since epoch), for the Age header. */
  storedAt: number;
  /** The response's cache policy: its max-age, the entry's lifetime. */
  maxAge: number;
  /**
   * The response's `data`, serialised: as bytes from the memory store, which keeps them outside the JS heap
   * (see memoryStore), as text from Redis.
   */
  data: string | Buffer;
}

export interface CacheStore {
  readonly kind: 'memory' | 'redis';
  /** The entry under `key` when present, alive and not invalidated; and the current sequence (the stamp of a miss). */
  lookup(key: string): Promise<{ entry: CacheEntry | undefined; sequence: number }>;
  /** Stores `entry` under `key` for `ttlSeconds`. */
  store(key: string, entry: CacheEntry, ttlSeconds: number): Promise<void>;
  /** Invalidates every entry carrying one of `tags`; answers the new sequence. */
  invalidate(tags: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

/** The longest an entry lives whatever its cache hints say; invalidation marks outlive it. */
export const MAX_ENTRY_SECONDS = 600;
/** Responses larger than this are not kept (a page of 100 products with their variants is far below it). */
export const MAX_ENTRY_BYTES = 1024 * 1024;

// What an entry holds in the heap, not just its characters: each tag string carries a header and a slot in
// its array, the entry its objects and the map's slot. Counted low, a full store measured 1.7 times its bound
// in the gateway's RSS (bench, varying pages: 40,000 distinct listings).
const sizeOf = (key: string, entry: CacheEntry) => key.length + byteLength(entry.data) + entry.tags.reduce((sum, tag) => sum + tag.length + 32, 160);
const byteLength = (data: string | Buffer) => (typeof data === 'string' ? Buffer.byteLength(data) : data.length);

/**
 * A tag as one flat string. Tags arrive as V8 ropes of their parts, over a slice of the entity's global id
 * that keeps the whole id alive: about 250 bytes each for 60 characters. A full cache of listing pages holds
 * some 75,000 (1,000 entries of 75): 18.6 MB of heap as they came, 6.5 MB as flat copies (measured alone).
 */
const flatCopy = (tag: string) => Buffer.from(tag).toString();

/**
 * This process's cache, a least-recently-used map bounded by `maxBytes` (keys, responses and tags counted).
 * Responses are kept as bytes, outside V8's heap, and a HIT copies them into its body (hit-body.ts) rather than
 * encoding a string again. Measured against strings, neither the gateway's RSS with a full store nor cached
 * req/s moved beyond the noise: the tags and keys beside each entry are what grow the old generation.
 * Only for a single gateway process: another replica neither sees its entries nor its invalidations (a change
 * made through that replica, or an event it consumed, would not reach this one). Several replicas: Redis.
 */
export function memoryStore(options: { maxBytes: number; now?: () => number }): CacheStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { entry: CacheEntry; expiresAt: number; bytes: number }>();
  const marks = new Map<string, { sequence: number; at: number }>();
  let bytes = 0;
  let sequence = 0;
  const drop = (key: string) => {
    const found = entries.get(key);
    if (!found) return;
    entries.delete(key);
    bytes -= found.bytes;
  };
  // Marks older than any entry can be are dropped: no entry stamped before them is left to compare with.
  const sweep = setInterval(() => {
    const before = now() - (MAX_ENTRY_SECONDS + 60) * 1000;
    for (const [tag, mark] of marks) if (mark.at < before) marks.delete(tag);
    for (const [key, found] of entries) if (found.expiresAt <= now()) drop(key);
  }, 60_000);
  sweep.unref();
  return {
    kind: 'memory',
    async lookup(key) {
      const found = entries.get(key);
      if (!found) return { entry: undefined, sequence };
      const stale = found.expiresAt <= now() || found.entry.tags.some((tag) => (marks.get(tag)?.sequence ?? 0) > found.entry.stamp);
      if (stale) {
        drop(key);
        return { entry: undefined, sequence };
      }
      // Most recently used last: eviction takes from the front.
      entries.delete(key);
      entries.set(key, found);
      return { entry: found.entry, sequence };
    },
    async store(key, given, ttlSeconds) {
      const entry = { ...given, tags: given.tags.map(flatCopy), data: typeof given.data === 'string' ? Buffer.from(given.data) : given.data };
      const size = sizeOf(key, entry);
      if (size > Math.min(MAX_ENTRY_BYTES, options.maxBytes)) return;
      drop(key);
      entries.set(key, { entry, expiresAt: now() + ttlSeconds * 1000, bytes: size });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= options.maxBytes) break;
        drop(oldest);
      }
    },
    async invalidate(tags) {
      sequence += 1;
      const at = now();
      for (const tag of tags) marks.set(tag, { sequence, at });
      return sequence;
    },
    async close() {
      clearInterval(sweep);
      entries.clear();
      marks.clear();
    },
  };
}

// One round trip, atomic: the entry (a hash: meta = {stamp, tags}, data, storedAt, maxAge) only when no tag
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
return {redis.call('HGET', KEYS[1], 'data'), sequence, meta, redis.call('HGET', KEYS[1], 'storedAt'), redis.call('HGET', KEYS[1], 'maxAge')}`;

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
  // Loaded only when Redis is configured: without REDIS_URL the gateway never holds ioredis's 450 KB of modules.
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500, connectTimeout: 2_000 });
  let lastWarning = 0;
  redis.on('error', (error: Error) => {
    if (Date.now() - lastWarning < 30_000) return;
    lastWarning = Date.now();
    log.warn({ err: error }, 'response cache (Redis) unavailable: requests run uncached');
  });
  await redis.connect().catch((error: unknown) => log.warn({ err: error }, 'response cache (Redis) unreachable at start; retrying in the background'));
  const sequenceKey = `${prefix}sequence`;
  const markPrefix = `${prefix}mark:`;
  const entryKey = (key: string) => `${prefix}entry:${key}`;
  return {
    kind: 'redis',
    async lookup(key) {
      const [data, sequence, meta, storedAt, maxAge] = (await redis.eval(LOOKUP, 2, entryKey(key), sequenceKey, markPrefix)) as (string | null)[];
      if (data == null || meta == null) return { entry: undefined, sequence: Number(sequence ?? 0) };
      const { stamp, tags } = JSON.parse(meta) as { stamp: number; tags: string[] };
      return { entry: { stamp, tags, data, storedAt: Number(storedAt), maxAge: Number(maxAge) }, sequence: Number(sequence) };
    },
    async store(key, entry, ttlSeconds) {
      if (sizeOf(key, entry) > MAX_ENTRY_BYTES) return;
      const meta = JSON.stringify({ stamp: entry.stamp, tags: entry.tags });
      await redis
        .multi()
        .hset(entryKey(key), { meta, data: entry.data, storedAt: String(entry.storedAt), maxAge: String(entry.maxAge) })
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
