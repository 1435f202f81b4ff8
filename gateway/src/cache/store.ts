/**
 * One cached response: the body of an anonymous persisted query's answer, gzipped, with what it depends on.
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
  /** The response's body (`{"data":…}`) gzipped (body.ts): sent as it is to every client that accepts gzip. */
  body: Buffer;
}

/** What a lookup finds: an entry without its tags, which only the store reads. */
export type CachedAnswer = Omit<CacheEntry, 'tags'>;

export interface CacheStore {
  readonly kind: 'memory' | 'redis';
  /** The entry under `key` when present, alive and not invalidated; and the current sequence (the stamp of a miss). */
  lookup(key: string): Promise<{ entry: CachedAnswer | undefined; sequence: number }>;
  /** Stores `entry` under `key` for `ttlSeconds`. */
  store(key: string, entry: CacheEntry, ttlSeconds: number): Promise<void>;
  /** Whether a response computed for `key` is worth storing (the memory store's admission, below); absent: always. */
  admits?(key: string): boolean;
  /** Invalidates every entry carrying one of `tags`; answers the new sequence. */
  invalidate(tags: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

/** The longest an entry lives whatever its cache hints say; invalidation marks outlive it. */
export const MAX_ENTRY_SECONDS = 600;
/** Responses larger than this are not kept (a page of 100 products with their variants is far below it). */
export const MAX_ENTRY_BYTES = 1024 * 1024;

// What an entry costs beyond its body and its tags' 4 bytes each: the key, the objects around them and the map's
// slot. Measured: 3,000 listing pages stored took about 600 bytes of heap each beside their bodies and tags,
// their 64-character keys included.
const ENTRY_OVERHEAD_BYTES = 560;
const sizeOf = (key: string, bodyBytes: number, tagCount: number) => key.length + bodyBytes + 4 * tagCount + ENTRY_OVERHEAD_BYTES;

/**
 * A string's 32-bit FNV-1a hash: how the memory store keeps tags, and the keys it refused once (`admits`).
 * A listing page carries some 75 tags (a variant's stock each) of about 60 characters; as strings they took
 * more of the store than the gzipped page itself (about 6.5 KB of heap against 4.5 KB). Two tags that hash
 * alike can only make an entry look invalidated when it is not (a miss, recomputed), never the reverse: an
 * invalidated tag's hash is always marked.
 */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** How many keys refused by a full memory store it remembers, to admit them when asked again (under 1 MB). */
const SEEN_ONCE_LIMIT = 16_384;

interface Kept {
  answer: CachedAnswer;
  tags: Uint32Array;
  expiresAt: number;
  bytes: number;
  /** The sequence up to which no mark of its tags is newer than its stamp: lookups at that sequence skip the tags. */
  verified: number;
}

/**
 * This process's cache, a least-recently-used map bounded by `maxBytes` (keys, gzipped bodies and tags counted).
 * Bodies are bytes, outside V8's heap, and tags are hashes (`hash32`): an entry is a handful of heap objects,
 * so a full store costs the old generation little to keep and to collect.
 * Only for a single gateway process: another replica neither sees its entries nor its invalidations (a change
 * made through that replica, or an event it consumed, would not reach this one). Several replicas: Redis.
 */
export function memoryStore(options: { maxBytes: number; now?: () => number }): CacheStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Kept>();
  const marks = new Map<number, { sequence: number; at: number }>();
  // Keys (hashed) asked once while the store was full, oldest first.
  const seenOnce = new Set<number>();
  let bytes = 0;
  let sequence = 0;
  const drop = (key: string) => {
    const found = entries.get(key);
    if (!found) return;
    entries.delete(key);
    bytes -= found.bytes;
  };
  const invalidated = (kept: Kept) => {
    if (kept.verified === sequence) return false;
    for (const tag of kept.tags) if ((marks.get(tag)?.sequence ?? 0) > kept.answer.stamp) return true;
    kept.verified = sequence;
    return false;
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
      if (found.expiresAt <= now() || invalidated(found)) {
        drop(key);
        return { entry: undefined, sequence };
      }
      // Most recently used last: eviction takes from the front.
      entries.delete(key);
      entries.set(key, found);
      return { entry: found.answer, sequence };
    },
    async store(key, { tags, ...answer }, ttlSeconds) {
      const size = sizeOf(key, answer.body.length, tags.length);
      if (size > Math.min(MAX_ENTRY_BYTES, options.maxBytes)) return;
      drop(key);
      entries.set(key, { answer, tags: Uint32Array.from(tags, hash32), expiresAt: now() + ttlSeconds * 1000, bytes: size, verified: answer.stamp });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= options.maxBytes) break;
        drop(oldest);
      }
    },
    /**
     * While there is room, everything; once full, only a key asked for the second time (within the last
     * SEEN_ONCE_LIMIT keys refused). A full store otherwise evicts an entry for every response it computes: a
     * crawler or a shopper paging through the whole catalog (the bench's varying pages: thousands of pages asked
     * once each) would push out the pages everyone asks for, and each of them would cost gzip and a store for
     * nothing. "Cache on second hit", as CDNs offer it, only once it matters.
     */
    admits(key) {
      if (entries.has(key) || bytes + bytes / Math.max(1, entries.size) <= options.maxBytes) return true;
      const hash = hash32(key);
      if (seenOnce.delete(hash)) return true;
      seenOnce.add(hash);
      if (seenOnce.size > SEEN_ONCE_LIMIT) seenOnce.delete(seenOnce.values().next().value!);
      return false;
    },
    async invalidate(tags) {
      sequence += 1;
      const at = now();
      for (const tag of tags) marks.set(hash32(tag), { sequence, at });
      return sequence;
    },
    async close() {
      clearInterval(sweep);
      entries.clear();
      marks.clear();
      seenOnce.clear();
    },
  };
}
