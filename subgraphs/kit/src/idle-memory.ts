import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Logger } from 'pino';

/**
 * Gives memory back to the system once a process goes quiet after a burst of work.
 *
 * Why (issue 11). A Node 24 process keeps its resident memory at the peak its heap ever reached, not at what it
 * holds: V8 (13.6) puts the pages a full collection frees into a page pool for reuse, and releases that pool
 * only in a collection that reduces memory. Its memory reducer, which should run one once allocation slows
 * down, judges the rate from samples taken at collections, so a process that went idle keeps the rate of its
 * last busy second for good (`--trace-memory-reducer`: "high alloc" every 8 s in a process doing nothing).
 * Measured: a process that had churned a 32 MiB response cache held 164 MB of anonymous memory for 37 MB of
 * live heap, 108 MB of it "pooled" (`--trace-gc`); one memory-reducing collection took it to 58 MB. In the
 * bench, the cart service stayed at 209 MB through every read round after the checkout fixtures, and a
 * memory-reducing collection took each service 30-50 MB down.
 *
 * So: when the event loop has been nearly idle for `idleSeconds` and the process is larger than after its last
 * such collection, it runs one (V8's "last resort" collection: full, compacting, pool released, young
 * generation shrunk). It costs 10-50 ms of one thread, only after quiet seconds, and never under load,
 * where the pool is in use and trimming it would only make the next seconds page it back in.
 */
export interface IdleMemoryOptions {
  /** Quiet seconds before memory is given back; 0 turns it off. */
  idleSeconds: number;
  /** How much larger than after the last collection the process must be to collect again (bytes). */
  minGrowthBytes?: number;
  log?: Logger;
}

export interface IdleMemory {
  /** Collections run so far. */
  readonly collections: number;
  stop(): void;
}

/** Event-loop utilisation below this, over a second, counts as quiet (an idle service measures about 0.001). */
const QUIET = 0.02;

/** `IDLE_MEMORY_SECONDS` (10 by default; 0 turns it off). */
export function idleSecondsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.IDLE_MEMORY_SECONDS;
  if (given === undefined || given === '') return 10;
  const seconds = Number(given);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`IDLE_MEMORY_SECONDS must be a number of seconds, 0 or more (was "${given}")`);
  return seconds;
}

export function returnMemoryWhenIdle(options: IdleMemoryOptions): IdleMemory {
  const { idleSeconds, minGrowthBytes = 16 * 1024 * 1024, log } = options;
  let collections = 0;
  const collect = idleSeconds > 0 ? memoryReducingCollection() : undefined;
  if (!collect) return { collections, stop() {} };
  let baseline = 0;
  let quietSince = performance.now();
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    if (busy > QUIET) {
      quietSince = performance.now();
      return;
    }
    if (performance.now() - quietSince < idleSeconds * 1000) return;
    const before = process.memoryUsage.rss();
    if (before < baseline + minGrowthBytes) return;
    const started = performance.now();
    collect();
    collections += 1;
    baseline = process.memoryUsage.rss();
    // The collection itself made this second busy; the next quiet stretch is counted from here.
    quietSince = performance.now();
    last = performance.eventLoopUtilization();
    log?.debug({ rssBefore: before, rssAfter: baseline, ms: Math.round(performance.now() - started) }, 'idle: memory given back');
  }, 1000);
  timer.unref();
  return {
    get collections() {
      return collections;
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * V8's `gc` function, from a context of its own: the flag is on only while that context is made, so no
 * global of this process (or of code it loads) gets a `gc`.
 */
function memoryReducingCollection(): (() => void) | undefined {
  setFlagsFromString('--expose-gc');
  try {
    const gc: unknown = runInNewContext('gc');
    if (typeof gc !== 'function') return undefined;
    return () => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
