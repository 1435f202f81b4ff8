import { randomUUID } from 'node:crypto';
import { PgBoss, type Job } from 'pg-boss';
import type { Logger } from 'pino';
import type { RequestContext } from '../context.ts';
import { inBackground, type Database } from '../database.ts';
import { serviceViewer, type Viewer } from '../identity.ts';
import { ensureQueue, subscriberQueueOptions, SUPERVISE_INTERVAL_SECONDS } from './queues.ts';

import { EVENTS_SCHEMA, type DomainEvent } from './event.ts';

export { EVENTS_SCHEMA, type DomainEvent } from './event.ts';

/** Applies one event inside a transaction that also records it as processed: one effect per event. */
export type Subscriber = (ctx: RequestContext<any>, event: DomainEvent<any>) => Promise<void>;

/**
 * Background work, started and stopped with the process. `cron` (UTC; pg-boss's resolution is one minute):
 * a schedule, each run on one replica only. `everySeconds`: a timer in every process, for work that must
 * not wait a minute (an outbox to drain); runs never overlap within a process, but replicas run side by
 * side, so the work claims its rows (`for update skip locked`). `ctx.wake(name)` runs it at once after the
 * transaction commits.
 */
export type Worker = { cron: string; run(ctx: RequestContext<any>): Promise<void> } | { everySeconds: number; run(ctx: RequestContext<any>): Promise<void> };

const isCron = (worker: Worker): worker is Extract<Worker, { cron: string }> => 'cron' in worker;

export interface EventBusOptions {
  /** The subgraph: producer name, and the prefix of its queues. */
  name: string;
  db: Database;
  /** PostgreSQL for the queue (schema `pgboss`): EVENTS_DATABASE_URL, else the subgraph's own. */
  url: string;
  /** A role the queue's sessions switch to (EVENTS_ROLE), so every subgraph shares one owner of `pgboss`. */
  role?: string;
  log: Logger;
  subscribers: Record<string, Subscriber>;
  workers: Record<string, Worker>;
  /** A context for the bus's own work, as the subgraph itself. */
  createContext(viewer: Viewer, requestId: string): RequestContext<any>;
}

const RELAY_INTERVAL_MS = 1_000;
const RELAY_BATCH = 200;
/** Published outbox rows are kept this long for inspection, then pruned by the relay. */
const OUTBOX_RETENTION_DAYS = 7;

/** Each subscriber's queue: `<subgraph>.<event type>`. Queue names must be plain identifiers, dots allowed. */
export const queueOf = (subgraph: string, type: string) => `${subgraph}.${type}`;
const workerQueueOf = (subgraph: string, worker: string) => `${subgraph}.worker.${worker}`;

/**
 * Durable events and scheduled work on PostgreSQL. `emit` writes to the subgraph's own outbox in the
 * request's transaction; this relay publishes committed rows through pg-boss, which fans each out to
 * the queue of every subscribed subgraph. Delivery is at least once (a crash between publish and
 * marking republishes); each subscriber records the events it applied in the same transaction as
 * their effect, so a duplicate changes nothing. A subscriber that was down finds its queue waiting.
 */
export class EventBus {
  readonly boss: PgBoss;
  private readonly options: EventBusOptions;
  private relayTimer: NodeJS.Timeout | undefined;
  private relaying: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private started = false;
  /** Relaying on its own (timer, nudges) only once `start()` ran; before that, `relayAll` is the only relay. */
  private running = false;
  /** The `everySeconds` workers' timers and the run in flight of each (a wake during one runs it again after). */
  private readonly timed = new Map<string, { timer?: NodeJS.Timeout; inFlight: Promise<void> | null; again: boolean }>();

  constructor(options: EventBusOptions) {
    this.options = options;
    if (options.role && !/^[a-z_][a-z0-9_]*$/.test(options.role)) throw new Error(`Unsafe role name: ${options.role}`);
    for (const [workerName, worker] of Object.entries(options.workers)) {
      if (!isCron(worker) && !(worker.everySeconds > 0)) throw new Error(`Worker ${workerName}: everySeconds must be a positive number`);
    }
    this.boss = new PgBoss({
      connectionString: options.url,
      schema: EVENTS_SCHEMA,
      application_name: `${options.name}-events`,
      max: 3,
      // With a role, the schema was made for it in advance (roles.ts, or the README's SQL), and creating
      // it again would need CREATE on the whole database, which no subgraph role has.
      ...(options.role ? { options: `-c role=${options.role}`, createSchema: false } : {}),
      useListenNotify: true,
      superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
      schedule: Object.values(options.workers).some(isCron),
    });
    this.boss.on('error', (error) => options.log.error({ err: error }, 'event bus error'));
  }

  /** Installs or upgrades the queue's schema and declares this subgraph's queues and subscriptions. */
  async install(): Promise<void> {
    this.started = true;
    await this.boss.start();
    await this.declareQueues();
  }

  /** Declares queues, then starts subscribers, workers and the relay. */
  async start(): Promise<void> {
    await this.install();
    const { name, subscribers, workers } = this.options;
    for (const [type, subscriber] of Object.entries(subscribers)) {
      await this.boss.work<DomainEvent>(queueOf(name, type), { batchSize: 50, pollingIntervalSeconds: 1 }, (jobs) =>
        inBackground(() => this.deliver(type, subscriber, jobs)),
      );
    }
    for (const [workerName, worker] of Object.entries(workers)) {
      if (!isCron(worker)) continue;
      const queue = workerQueueOf(name, workerName);
      await this.boss.schedule(queue, worker.cron, null, { tz: 'UTC' });
      await this.boss.work(queue, () => inBackground(() => worker.run(this.options.createContext(serviceViewer(name), randomUUID()))));
    }
    this.running = true;
    this.relayTimer = setInterval(() => this.nudge(), RELAY_INTERVAL_MS);
    this.relayTimer.unref();
    this.nudge();
    for (const [workerName, worker] of Object.entries(workers)) {
      if (isCron(worker)) continue;
      const state: { timer?: NodeJS.Timeout; inFlight: Promise<void> | null; again: boolean } = { inFlight: null, again: false };
      this.timed.set(workerName, state);
      state.timer = setInterval(() => this.wake(workerName), worker.everySeconds * 1000);
      state.timer.unref();
      this.wake(workerName);
    }
  }

  /**
   * Runs the `everySeconds` worker `name` now in this process (after a transaction that called
   * `ctx.wake(name)` commits, and on its timer); if it is running, once more when it finishes.
   */
  wake(name: string): void {
    if (this.stopped || !this.running) return;
    const state = this.timed.get(name);
    const worker = this.options.workers[name];
    if (!state || !worker) {
      this.options.log.error({ worker: name }, 'wake: no such everySeconds worker');
      return;
    }
    if (state.inFlight) {
      state.again = true;
      return;
    }
    state.inFlight = inBackground(() => worker.run(this.options.createContext(serviceViewer(this.options.name), randomUUID())))
      .catch((error) => this.options.log.error({ err: error, worker: name }, 'worker failed; it runs again on its timer'))
      .finally(() => {
        state.inFlight = null;
        if (state.again) {
          state.again = false;
          this.wake(name);
        }
      });
  }

  /** Publishes committed outbox rows now (called after a transaction that emitted, and on a timer). */
  nudge(): void {
    if (this.stopped || !this.running) return;
    if (this.relaying) {
      this.again = true;
      return;
    }
    this.relaying = inBackground(() => this.relayAll())
      .then(() => undefined)
      .catch((error) => this.options.log.error({ err: error }, 'event relay failed; will retry'))
      .finally(() => {
        this.relaying = null;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Publishes everything committed so far; resolves when the outbox is empty (tests, seeds). */
  async relayAll(): Promise<number> {
    // Rows a relay in flight has locked are skipped below: let it publish them first.
    await this.relaying;
    let total = 0;
    for (;;) {
      const published = await this.relayBatch();
      total += published;
      if (published < RELAY_BATCH) return total;
    }
  }

  /**
   * Runs this subgraph's subscribers on every event waiting in their queues, until none is left, in this
   * process. The seed uses it to apply the catalog's events before it stocks the catalog.
   */
  async drain(): Promise<number> {
    let applied = 0;
    for (const [type, subscriber] of Object.entries(this.options.subscribers)) {
      for (;;) {
        const jobs = await this.boss.fetch<DomainEvent>(queueOf(this.options.name, type), { batchSize: 200 });
        if (jobs.length === 0) break;
        await this.deliver(type, subscriber, jobs);
        await this.boss.complete(queueOf(this.options.name, type), jobs.map((job) => job.id));
        applied += jobs.length;
      }
    }
    return applied;
  }

  /** Finishes the job in hand (subscribers and workers), stops polling and the relay, closes the pool. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.relayTimer);
    for (const state of this.timed.values()) clearInterval(state.timer);
    await this.relaying;
    await Promise.all([...this.timed.values()].map((state) => state.inFlight));
    if (this.started) await this.boss.stop({ graceful: true, timeout: 10_000, close: true });
  }

  private async declareQueues(): Promise<void> {
    const { name, subscribers, workers } = this.options;
    for (const type of Object.keys(subscribers)) {
      const queue = queueOf(name, type);
      const deadLetter = `${queue}.dead`;
      await ensureQueue(this.boss, deadLetter, {});
      await ensureQueue(this.boss, queue, subscriberQueueOptions(deadLetter));
      await this.boss.subscribe(type, queue);
    }
    for (const [workerName, worker] of Object.entries(workers)) {
      if (!isCron(worker)) continue;
      await ensureQueue(this.boss, workerQueueOf(name, workerName), { retryLimit: 2, expireInSeconds: 600 });
    }
  }

  private async relayBatch(): Promise<number> {
    const em = this.options.db.fork();
    return em.transactional(async (tx) => {
      // SKIP LOCKED: replicas relay different rows instead of waiting for each other.
      const rows = await tx.execute<{ id: string; type: string; payload: Record<string, unknown>; request_id: string | null; created_at: Date }[]>(
        `select id, type, payload, request_id, created_at from kit_outbox
         where published_at is null order by seq limit ? for update skip locked`,
        [RELAY_BATCH],
      );
      for (const row of rows) {
        const event: DomainEvent = {
          id: row.id,
          type: row.type,
          producer: this.options.name,
          occurredAt: new Date(row.created_at).toISOString(),
          requestId: row.request_id,
          payload: row.payload,
        };
        // The event id is the job id in every queue: a republished event is not queued twice.
        await this.boss.publish(row.type, event, { id: row.id });
      }
      if (rows.length > 0) {
        await tx.execute('update kit_outbox set published_at = now() where id in (?)', [rows.map((row) => row.id)]);
        await tx.execute(
          `delete from kit_outbox where seq in (select seq from kit_outbox
             where published_at < now() - make_interval(days => ?) limit 1000)`,
          [OUTBOX_RETENTION_DAYS],
        );
      }
      return rows.length;
    });
  }

  private async deliver(type: string, subscriber: Subscriber, jobs: Job<DomainEvent>[]): Promise<void> {
    for (const job of jobs) {
      const event = job.data;
      const ctx = this.options.createContext(serviceViewer(this.options.name), event.requestId ?? randomUUID());
      await ctx.transaction(async (tx) => {
        const [first] = await tx.em.execute<{ event_id: string }[]>(
          `insert into kit_processed_event (event_id, subscriber) values (?, ?) on conflict do nothing returning event_id`,
          [event.id, type],
        );
        if (!first) {
          tx.log.info({ eventId: event.id, type }, 'event already applied; skipped');
          return;
        }
        await subscriber(tx, event);
      });
    }
  }
}
