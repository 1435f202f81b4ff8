import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Viewer } from './identity.ts';
import type { KeyRing } from './keys.ts';
import type { ServiceClient } from './service-client.ts';
import { sqlReadOf, type SqlRead } from './sql-read.ts';
import type { LoaderScope } from './subgraph-definition.ts';

/**
 * What every resolver and service receives first (Vendure's RequestContext): who asks, the request id
 * and its logger, the database, per-request DataLoaders, clients for other subgraphs, and one
 * transaction that everything the request writes joins, its events included.
 */
export interface RequestContext<TLoaders = unknown> {
  readonly viewer: Viewer;
  readonly requestId: string;
  readonly log: Logger;
  /**
   * The request's EntityManager; inside `transaction`, the transaction's. Forked on first use, so a
   * request that only reads through `read` never pays for one.
   */
  readonly em: EntityManager;
  /** Read-only SQL with `$n` parameters bound by PostgreSQL (sql-read.ts); inside `transaction`, in the transaction. */
  readonly read: SqlRead;
  /** Per-request DataLoaders, so related data loads in one statement per kind however many items. */
  readonly loaders: TLoaders;
  /** Calls to other subgraphs, signed as this subgraph. */
  readonly services: ServiceClient;
  /** This process's own key (the customers subgraph signs access tokens with it). */
  readonly keys: KeyRing;
  readonly inTransaction: boolean;
  /**
   * Runs `work` in a transaction: rows and events it writes commit together or not at all. A nested
   * call joins the transaction already open, so services compose without knowing who called them; it
   * is not a savepoint, so a failed statement inside it aborts the whole transaction (let it throw).
   */
  transaction<T>(work: (tx: RequestContext<TLoaders>) => Promise<T>): Promise<T>;
  /**
   * Records a domain event in the open transaction's outbox; after commit it is delivered at least once
   * to every subscriber. Outside a transaction it throws: an event must commit with its change.
   */
  emit(type: string, payload: object): Promise<void>;
  /** Like `emit`, for many events at once (a seed, a bulk import): a few multi-row statements. */
  emitMany(events: readonly { type: string; payload: object }[]): Promise<void>;
  /**
   * Runs this process's `everySeconds` worker `worker` (events/bus.ts) as soon as the transaction commits,
   * so it sees what the transaction wrote (at once outside a transaction; never after a rollback). Where
   * events are not running (a seed, a script), nothing: the worker's timer finds the rows later.
   */
  wake(worker: string): void;
}

export interface ContextDeps<TLoaders> {
  viewer: Viewer;
  requestId?: string;
  log: Logger;
  /** Forks the request's EntityManager; called on the first use of `em`, at most once. */
  fork: () => EntityManager;
  /** Reads on the pool, outside any transaction (`Database.read`). */
  read: SqlRead;
  createLoaders?: (scope: LoaderScope) => TLoaders;
  services: ServiceClient;
  keys: KeyRing;
  /** Called after a transaction that emitted events commits, so they go out at once. */
  onEventsCommitted?: () => void;
  /** Runs an `everySeconds` worker now (`wake`). */
  wakeWorker?: (worker: string) => void;
}

const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export function createRequestContext<TLoaders>(deps: ContextDeps<TLoaders>): RequestContext<TLoaders> {
  const requestId = deps.requestId ?? randomUUID();
  let forked: EntityManager | undefined;
  const requestEm = () => (forked ??= deps.fork());
  // A getter, so loaders that take `em` when they are created still get one, and loaders that only read never fork.
  const scope: LoaderScope = {
    get em() {
      return requestEm();
    },
    read: deps.read,
    viewer: deps.viewer,
  };
  const loaders = deps.createLoaders ? deps.createLoaders(scope) : (undefined as TLoaders);
  const base = { viewer: deps.viewer, requestId, log: deps.log, loaders, services: deps.services, keys: deps.keys };

  const inside = (em: EntityManager, emitted: { count: number; wake: Set<string> }): RequestContext<TLoaders> => ({
    ...base,
    em,
    read: sqlReadOf(em),
    inTransaction: true,
    transaction: (work) => work(inside(em, emitted)),
    emit: (type, payload) => writeOutbox(em, requestId, [{ type, payload }], emitted),
    emitMany: (events) => writeOutbox(em, requestId, events, emitted),
    wake: (worker) => void emitted.wake.add(worker),
  });

  const context: Omit<RequestContext<TLoaders>, 'em'> & { [LAZY_EM]: () => EntityManager } = {
    ...base,
    [LAZY_EM]: requestEm,
    read: deps.read,
    inTransaction: false,
    async transaction(work) {
      const emitted = { count: 0, wake: new Set<string>() };
      const result = await requestEm().transactional((tx) => work(inside(tx, emitted)));
      if (emitted.count > 0) deps.onEventsCommitted?.();
      for (const worker of emitted.wake) deps.wakeWorker?.(worker);
      return result;
    },
    emit: () => Promise.reject(new Error(OUTSIDE)),
    emitMany: () => Promise.reject(new Error(OUTSIDE)),
    wake: (worker) => deps.wakeWorker?.(worker),
  };
  return Object.assign(Object.create(LAZY_CONTEXT) as RequestContext<TLoaders>, context);
}

const LAZY_EM = Symbol('lazyEm');

/**
 * `em` is a getter on the context's prototype, never on the context itself. Apollo Server gives resolvers a
 * copy of the context (Object.assign onto an object of the same prototype), and Object.assign calls own
 * getters: an own `em` getter forked an EntityManager for every request, reads served by `read` included.
 * The copy keeps the symbol-keyed function, so it and the original share one fork.
 */
const LAZY_CONTEXT: object = Object.defineProperty({}, 'em', {
  get(this: { [LAZY_EM]: () => EntityManager }) {
    return this[LAZY_EM]();
  },
});

const OUTSIDE = 'emit() outside a transaction: wrap the change and its event in ctx.transaction().';
const ROWS_PER_STATEMENT = 500;

async function writeOutbox(
  em: EntityManager,
  requestId: string,
  events: readonly { type: string; payload: object }[],
  emitted: { count: number },
): Promise<void> {
  for (const { type } of events) {
    if (!EVENT_TYPE.test(type)) throw new Error(`Not an event type: ${type} (expected e.g. products.variants.created)`);
  }
  for (let start = 0; start < events.length; start += ROWS_PER_STATEMENT) {
    const chunk = events.slice(start, start + ROWS_PER_STATEMENT);
    await em.execute(
      `insert into kit_outbox (id, type, payload, request_id) values ${chunk.map(() => '(?, ?, ?::jsonb, ?)').join(', ')}`,
      chunk.flatMap(({ type, payload }) => [randomUUID(), type, JSON.stringify(payload), requestId]),
    );
  }
  emitted.count += events.length;
}
