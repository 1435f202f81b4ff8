import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequest, type GraphQLRequestContext } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '#kit/logger.ts';
import type { GatewayContext } from '../signed-data-source.ts';
import type { SafelistOutcome } from '../safelist/index.ts';
import { startInvalidationEvents, type InvalidationEvents } from './events.ts';
import { dataOf, gzipBody, HIT_DATA, holdHit, holdStore } from './body.ts';
import { hasCredentials } from './http.ts';
import { redisStore } from './redis-store.ts';
import { MAX_ENTRY_SECONDS, memoryStore, type CacheStore } from './store.ts';
import { ALL, tagsOfFetch } from './tags.ts';

/**
 * The in-memory store's default bound: about 2,900 listing pages of 24 products (gzipped, 5.8 KB each with its
 * tags), three times the 900 that 32 MiB held as text. In the bench, the gateway after thousands of pages asked
 * once: 254-261 MB with 16 MiB, 268-278 with 32 (issue 11). Replicas, or a bigger cache, belong in Redis (REDIS_URL).
 */
const DEFAULT_MEMORY_BYTES = 16 * 1024 * 1024;

// The gateway's schema comes from graphql's CommonJS build (@apollo/gateway requires it); `import` would load the
// ESM build, whose printSchema refuses it as another realm's (as in partners/contract.ts and explorer/index.ts).
const { printSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export { finishGraphQLResponse, hasCredentials } from './http.ts';
export { acceptsGzip, cachedBody } from './body.ts';
export { INVALIDATION_QUEUE } from './events.ts';
export { redisStore } from './redis-store.ts';
export { MAX_ENTRY_BYTES, MAX_ENTRY_SECONDS, memoryStore, hash32, type CachedAnswer, type CacheEntry, type CacheStore } from './store.ts';
export { INVALIDATING_EVENTS, isMutationDocument, tagsOfEvent, tagsOfFetch } from './tags.ts';

/** The response header saying what the shared cache did: HIT, MISS (computed, and stored if cacheable) or BYPASS. */
export const CACHE_STATUS_HEADER = 'x-cache';

export interface ResponseCacheOptions {
  /** Redis shared by every replica (`REDIS_URL`); without it, this process's memory. */
  redisUrl?: string;
  /** The memory store's bound, in bytes (`RESPONSE_CACHE_MEMORY_MB`, 16 MiB). */
  memoryBytes?: number;
  /** Key prefix in Redis (`respcache:`); tests keep runs apart with it. */
  redisPrefix?: string;
  /**
   * The event queue's database, for invalidation by events (`EVENTS_DATABASE_URL`, else `DATABASE_URL`;
   * `EVENTS_ROLE`). Without it the cache stays off: nothing would tell it of a checkout's reservations.
   */
  events?: { url: string; role?: string; queue?: string };
}

/**
 * `RESPONSE_CACHE=0` turns the shared cache off; otherwise it runs wherever the gateway can reach the event
 * queue's database. Read by main.ts only: a gateway built without these options (tests, embeddings) has none.
 */
export function readResponseCacheConfig(env: NodeJS.ProcessEnv = process.env): ResponseCacheOptions | undefined {
  const switchedOff = env.RESPONSE_CACHE?.trim();
  if (switchedOff === '0' || switchedOff === 'off') return undefined;
  if (switchedOff && switchedOff !== '1' && switchedOff !== 'on') throw new Error(`RESPONSE_CACHE must be 0 or 1, not "${env.RESPONSE_CACHE}"`);
  const options: ResponseCacheOptions = {};
  if (env.REDIS_URL) options.redisUrl = env.REDIS_URL;
  const megabytes = env.RESPONSE_CACHE_MEMORY_MB?.trim();
  if (megabytes) {
    const value = Number(megabytes);
    if (!Number.isSafeInteger(value) || value < 1 || value > 65_536) throw new Error(`RESPONSE_CACHE_MEMORY_MB must be a whole number from 1 to 65536, not "${megabytes}"`);
    options.memoryBytes = value * 1024 * 1024;
  }
  const url = env.EVENTS_DATABASE_URL || env.DATABASE_URL;
  if (url) options.events = { url, ...(env.EVENTS_ROLE ? { role: env.EVENTS_ROLE } : {}) };
  return options;
}

/** What the data source tells the cache about each subgraph fetch (signed-data-source.ts). */
export interface FetchObserver {
  /** A fetch is about to be sent for the request whose context this is. */
  willFetch(context: object | undefined, subgraph: string, request: { query?: string; variables?: Record<string, unknown> }): void;
  /** A mutation sent to `subgraph` has answered or failed: what was read from it may have changed. */
  didWrite(subgraph: string): Promise<void>;
}

export interface ResponseCache {
  plugin: ApolloServerPlugin<GatewayContext>;
  observer: FetchObserver;
  /** `memory`, `redis`, or null when off. */
  readonly store: CacheStore['kind'] | null;
  /** Whether responses are served and stored now (the events consumer is running and healthy). */
  active(): boolean;
  close(): Promise<void>;
}

interface RequestState {
  status: 'HIT' | 'MISS' | 'BYPASS';
  key?: string;
  stamp?: number;
  tags: Set<string>;
}

/** After an error of the events consumer, the cache is not used for this long, then flushed and resumed. */
const SUSPEND_MS = 30_000;

/**
 * The gateway's shared response cache, for anonymous persisted queries (README, "Caching").
 *
 * Served from it: a query (never a mutation) of a client's manifest, from a caller without credentials (no
 * Authorization, no X-API-Key: never a signed-in customer, staff or partner, so no response computed for a
 * viewer is stored or served), whose whole response Apollo's cache policy calls PUBLIC with a max-age above 0
 * (every field hinted in its subgraph) and which has no errors. Keyed by client, operation id, variables and
 * schema. GET and POST alike (POST is answered `no-store` for caches downstream, finishGraphQLResponse).
 *
 * Kept fresh by invalidation, not only by max-age: each entry carries the tags of what its query plan fetched
 * (tags.ts) and the store's sequence read before execution (store.ts); the events of products and inventory
 * (events.ts) and every mutation the gateway sends invalidate their tags. An entry is dropped within about a
 * second of the change committing, and by its max-age anyway.
 */
export async function createResponseCache(options: ResponseCacheOptions | undefined, deps: { log: Logger; outcomeOf(request: GraphQLRequest): SafelistOutcome | undefined }): Promise<ResponseCache> {
  const { log } = deps;
  const requests = new WeakMap<object, RequestState>();
  const schemaIds = new WeakMap<GraphQLSchema, string>();
  const schemaIdOf = (schema: GraphQLSchema) => {
    let id = schemaIds.get(schema);
    if (!id) schemaIds.set(schema, (id = sha256(printSchema(schema)).slice(0, 16)));
    return id;
  };

  let lastWarning = 0;
  const warn = (error: unknown, message: string) => {
    if (Date.now() - lastWarning < 30_000) return;
    lastWarning = Date.now();
    log.warn({ err: error }, message);
  };

  let store: CacheStore | null = null;
  let events: InvalidationEvents | null = null;
  let running = false;
  let suspended = false;
  let resume: NodeJS.Timeout | undefined;
  if (!options) {
    log.info('response cache off (not configured, or RESPONSE_CACHE=0)');
  } else if (!options.events) {
    log.warn('response cache off: no EVENTS_DATABASE_URL or DATABASE_URL, so no event could invalidate it (Cache-Control and ETag still apply)');
  } else {
    store = options.redisUrl ? await redisStore(options.redisUrl, log, { prefix: options.redisPrefix }) : memoryStore({ maxBytes: options.memoryBytes ?? DEFAULT_MEMORY_BYTES });
    const current = store;
    // Served again only after a flush of everything: entries stored before the consumer ran (another
    // deployment's, in Redis), or while it was failing, may have missed an event.
    let attempt = 0;
    const resumeAfter = (delayMs: number) => {
      clearTimeout(resume);
      const mine = ++attempt;
      resume = setTimeout(() => {
        current.invalidate([ALL]).then(
          // Unless a newer failure rescheduled it meanwhile.
          () => void (mine === attempt && (suspended = false)),
          (error: unknown) => {
            warn(error, 'response cache: flush failed; retrying');
            resumeAfter(5_000);
          },
        );
      }, delayMs);
      resume.unref();
    };
    events = startInvalidationEvents({
      ...options.events,
      log,
      invalidate: async (tags) => void (await current.invalidate(tags)),
      onState: (state) => {
        suspended = true;
        if (state === 'running') {
          running = true;
          resumeAfter(0);
        } else {
          resumeAfter(SUSPEND_MS);
        }
      },
    });
    log.info({ store: store.kind, ...(options.redisUrl ? {} : { maxBytes: options.memoryBytes ?? DEFAULT_MEMORY_BYTES }) }, store.kind === 'memory' ? 'response cache in memory (this process only: several gateway replicas need REDIS_URL)' : 'response cache in Redis');
  }
  const active = () => store !== null && running && !suspended;

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart({ request, contextValue, response }: GraphQLRequestContext<GatewayContext>) {
      // No cache configured: no header either.
      if (!store) return;
      const state: RequestState = { status: 'BYPASS', tags: new Set() };
      // Set as soon as it is known, so the request log line (safelist/index.ts) sees it too.
      const say = (status: RequestState['status']) => response.http.headers.set(CACHE_STATUS_HEADER, (state.status = status));
      say('BYPASS');
      return {
        async responseForOperation(context) {
          const outcome = deps.outcomeOf(request);
          const headers = request.http?.headers;
          const anonymous = contextValue.viewer.role === 'anonymous' && !hasCredentials({ authorization: headers?.get('authorization'), 'x-api-key': headers?.get('x-api-key') });
          if (!store || !active() || context.operation?.operation !== 'query' || !anonymous || !outcome?.operationId || outcome.refused) return null;
          state.key = sha256(JSON.stringify([schemaIdOf(context.schema), outcome.client, outcome.operationId, context.operationName ?? null, canonical(request.variables ?? {})]));
          let found: Awaited<ReturnType<CacheStore['lookup']>>;
          try {
            found = await store.lookup(state.key);
          } catch (error) {
            warn(error, 'response cache lookup failed: requests run uncached');
            return null;
          }
          if (found.entry) {
            say('HIT');
            const age = Math.max(0, Math.floor((Date.now() - found.entry.storedAt) / 1000));
            // The policy it was stored with; with Age, a cache downstream counts the time already spent here.
            context.overallCachePolicy.replace({ maxAge: found.entry.maxAge, scope: 'PUBLIC' });
            // The stored bytes go into the body as they are (body.ts), where the request has a slot for them.
            const slot = contextValue.cacheSlot;
            if (slot) holdHit(slot, found.entry.body);
            const data = slot ? HIT_DATA : dataOf(found.entry.body);
            return { http: { headers: new HeaderMap([['age', String(age)]]) }, body: { kind: 'single', singleResult: { data } } };
          }
          // From here on the plan's fetches are recorded (observer.willFetch), stamped with the sequence read above.
          say('MISS');
          state.stamp = found.sequence;
          requests.set(contextValue, state);
          return null;
        },
        async willSendResponse({ response, overallCachePolicy }) {
          response.http.headers.set(CACHE_STATUS_HEADER, state.status);
          requests.delete(contextValue);
          if (state.status !== 'MISS' || !store || state.key === undefined || state.stamp === undefined) return;
          const policy = overallCachePolicy.policyIfCacheable();
          const body = response.body;
          if (!policy || policy.scope !== 'PUBLIC' || (response.http.status ?? 200) !== 200) return;
          if (body.kind !== 'single' || body.singleResult.errors || body.singleResult.extensions || body.singleResult.data == null || state.tags.size === 0) return;
          const { key, stamp } = state;
          const current = store;
          if (current.admits && !current.admits(key)) return;
          const maxAge = Math.min(policy.maxAge, MAX_ENTRY_SECONDS);
          const save = (gzipped: Buffer) =>
            current.store(key, { stamp, tags: [ALL, ...state.tags], storedAt: Date.now(), maxAge, body: gzipped }, maxAge).catch((error: unknown) => warn(error, 'response cache store failed'));
          // Stored from the body Apollo writes, gzipped once for both the store and the client (body.ts).
          const slot = contextValue.cacheSlot;
          if (slot) holdStore(slot, (gzipped) => void save(gzipped));
          else await save(gzipBody(JSON.stringify({ data: body.singleResult.data })));
        },
      };
    },
  };

  const observer: FetchObserver = {
    willFetch(context, subgraph, request) {
      const state = context ? requests.get(context) : undefined;
      if (!state) return;
      for (const tag of tagsOfFetch(subgraph, request.variables)) state.tags.add(tag);
    },
    async didWrite(subgraph) {
      if (!store) return;
      try {
        await store.invalidate([subgraph]);
      } catch (error) {
        // A store that cannot be written cannot be read either: lookups fail and requests run uncached.
        warn(error, 'response cache invalidation after a mutation failed');
      }
    },
  };

  return {
    plugin,
    observer,
    store: store?.kind ?? null,
    active,
    async close() {
      clearTimeout(resume);
      await events?.stop();
      await store?.close();
    },
  };
}


const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** JSON with object keys sorted: `{ first: 3, after: null }` and `{ after: null, first: 3 }` are one key. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
