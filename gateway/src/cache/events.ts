import { PgBoss, type Job } from 'pg-boss';
import { EVENTS_SCHEMA, type DomainEvent } from '#kit/events/event.ts';
import type { Logger } from '#kit/logger.ts';
import { INVALIDATING_EVENTS, tagsOfEvent } from './tags.ts';

/** The gateway's one queue: every invalidating event is delivered to it (pg-boss fan-out, as to a subgraph's queues). */
export const INVALIDATION_QUEUE = 'gateway.response-cache';

export interface InvalidationEventsOptions {
  /** PostgreSQL holding the event queue (schema `pgboss`): EVENTS_DATABASE_URL, else DATABASE_URL. */
  url: string;
  /** The role the queue's sessions switch to (EVENTS_ROLE), as the subgraphs do. */
  role?: string;
  /**
   * The queue (INVALIDATION_QUEUE). Gateways sharing a store share one; gateways with stores of their own
   * over one events database (tests) each need theirs, since a queue hands each event to one consumer.
   */
  queue?: string;
  log: Logger;
  /** Applies the tags of a batch of events (the store's invalidate). */
  invalidate(tags: string[]): Promise<void>;
  /** The consumer is running (every event from now on is seen), or has failed (some may be missed). */
  onState(state: 'running' | 'failing'): void;
}

export interface InvalidationEvents {
  stop(): Promise<void>;
}

/**
 * Consumes the catalog's and inventory's events through pg-boss, like any subscriber, and invalidates what
 * each one names. The gateway has no database of its own: it only needs the event queue's, and creates one
 * queue there, `gateway.response-cache`, subscribed to every event in INVALIDATING_EVENTS. Replicas share it
 * (each event is handled once), which is right for a store they share (Redis); a memory store is one
 * process's, so it is for a single gateway. Delivery is at least once and invalidating twice is harmless.
 *
 * Latency: a subgraph publishes its outbox right after each commit; the queue is created with `notify`, so
 * pg-boss wakes this worker at once (LISTEN/NOTIFY), polling every second when notifications are unavailable.
 *
 * It connects in the background and retries until it can (the queue's schema is created by the subgraphs'
 * migrations): until then, and for a while after any error, the cache is not used (index.ts).
 */
export function startInvalidationEvents(options: InvalidationEventsOptions): InvalidationEvents {
  const { log } = options;
  const queue = options.queue ?? INVALIDATION_QUEUE;
  let stopped = false;
  let boss: PgBoss | undefined;
  let retry: NodeJS.Timeout | undefined;

  const handle = async (jobs: Job<DomainEvent>[]) => {
    const tags = new Set<string>();
    for (const job of jobs) for (const tag of tagsOfEvent(job.data?.type ?? '', job.data?.payload)) tags.add(tag);
    if (tags.size > 0) await options.invalidate([...tags]);
    log.debug({ events: jobs.length, tags: tags.size }, 'response cache invalidated by events');
  };

  const connect = async () => {
    const candidate = new PgBoss({
      connectionString: options.url,
      schema: EVENTS_SCHEMA,
      application_name: 'gateway-response-cache',
      max: 2,
      // The subgraphs install and migrate the queue's schema; the gateway only uses it.
      migrate: false,
      supervise: false,
      schedule: false,
      createSchema: false,
      useListenNotify: true,
      ...(options.role ? { options: `-c role=${options.role}` } : {}),
    });
    candidate.on('error', (error) => {
      log.warn({ err: error }, 'response cache events: error; the cache steps aside for a while');
      options.onState('failing');
    });
    try {
      await candidate.start();
      if (!(await candidate.getQueue(queue))) {
        // Jobs nobody took within an hour are dropped: entries live at most MAX_ENTRY_SECONDS, so they are moot.
        await candidate.createQueue(queue, { retryLimit: 10, retryDelay: 1, retryBackoff: true, retentionSeconds: 3_600, deleteAfterSeconds: 3_600, notify: true });
      }
      for (const type of INVALIDATING_EVENTS) await candidate.subscribe(type, queue);
      await candidate.work<DomainEvent>(queue, { batchSize: 100, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 2 }, handle);
    } catch (error) {
      await candidate.stop({ graceful: false, close: true }).catch(() => undefined);
      throw error;
    }
    return candidate;
  };

  const attempt = async (delayMs: number) => {
    if (stopped) return;
    try {
      const started = await connect();
      if (stopped) {
        await started.stop({ graceful: false, close: true });
        return;
      }
      boss = started;
      log.info({ queue, events: INVALIDATING_EVENTS.length }, 'response cache: consuming invalidation events');
      options.onState('running');
    } catch (error) {
      log.warn({ err: error, retryInMs: delayMs }, 'response cache events: cannot consume the event queue yet; the cache is not used until it can');
      retry = setTimeout(() => void attempt(Math.min(delayMs * 2, 30_000)), delayMs);
      retry.unref();
    }
  };
  void attempt(1_000);

  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await boss?.stop({ graceful: true, timeout: 5_000, close: true });
    },
  };
}
