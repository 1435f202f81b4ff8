import type { PgBoss } from 'pg-boss';

type QueueOptions = NonNullable<Parameters<PgBoss['createQueue']>[1]>;

/**
 * A delivery (one batch, a short transaction per event) still active after this long is retried. It also
 * bounds how long an event waits when the database went away mid-delivery: pg-boss could record neither
 * its completion nor its failure, and the job stays active until it expires (15 minutes by default).
 */
const DELIVERY_EXPIRY_SECONDS = 30;

/** How often pg-boss looks for expired jobs (60 s by default), so one stranded by an outage waits at most about this much longer. */
export const SUPERVISE_INTERVAL_SECONDS = 10;

/** A subscriber's queue: retried with backoff for a while, then its dead-letter queue. */
export function subscriberQueueOptions(deadLetter: string): QueueOptions {
  return { retryLimit: 20, retryDelay: 1, retryBackoff: true, retryDelayMax: 300, deadLetter, notify: true, expireInSeconds: DELIVERY_EXPIRY_SECONDS };
}

/** Creates `queue` with `options`, or brings an existing queue's expiry up to date. */
export async function ensureQueue(boss: PgBoss, queue: string, options: QueueOptions): Promise<void> {
  const existing = await boss.getQueue(queue);
  if (!existing) await boss.createQueue(queue, options);
  // A queue made before its expiry was set keeps pg-boss's 15 minutes until told otherwise.
  else if (options.expireInSeconds && existing.expireInSeconds !== options.expireInSeconds) await boss.updateQueue(queue, { expireInSeconds: options.expireInSeconds });
}
