/**
 * `node scripts/workers.ts <count> <script> [args…]`: one service as `count` processes sharing its port
 * (node:cluster; the primary hands each new connection to a worker in turn), so one service can use more
 * than one core. The runner starts a service through this when `<NAME>_WORKERS` (or WEB_CONCURRENCY) asks
 * for more than one process (scripts/start.ts). Each worker is the service's own main.ts, unchanged: it
 * migrates under the advisory lock, listens, and stops gracefully on SIGTERM or when this process goes.
 *
 * This process only supervises: a worker that exits unexpectedly is replaced (after a pause when it
 * crashed early, so a crash loop does not spin); SIGTERM, SIGINT or the runner going away stop every
 * worker gracefully, and then this process exits.
 */
import cluster, { type Worker } from 'node:cluster';
import { createLogger } from '#kit';

const [countArg, script, ...args] = process.argv.slice(2);
const count = Number(countArg);
if (!script || !Number.isSafeInteger(count) || count < 1) {
  console.error('usage: node scripts/workers.ts <count> <script> [args…]');
  process.exit(2);
}
// subgraphs/products/src/main.ts is products, gateway/src/main.ts the gateway.
const name = script.split(/[\\/]/).at(-3) ?? script;
const log = createLogger(`${name}-workers`);
/** A worker that lived less than this had a start-up problem: it is replaced after a pause. */
const EARLY_EXIT_MS = 10_000;
const RESTART_DELAY_MS = 2_000;

// Workers run the service's script with this process's flags (e.g. --cpu-prof) and environment.
cluster.setupPrimary({ exec: script, args, execArgv: process.execArgv });
let stopping = false;
const startedAt = new Map<Worker, number>();

function fork(): void {
  const worker = cluster.fork();
  startedAt.set(worker, Date.now());
}

cluster.on('exit', (worker, code, signal) => {
  const lived = Date.now() - (startedAt.get(worker) ?? 0);
  startedAt.delete(worker);
  if (stopping) {
    if (startedAt.size === 0) process.exit(0);
    return;
  }
  const delay = lived < EARLY_EXIT_MS ? RESTART_DELAY_MS : 0;
  log.warn({ pid: worker.process.pid, code, signal, restartInMs: delay }, 'worker exited; replacing it');
  setTimeout(() => {
    if (!stopping) fork();
  }, delay);
});

function stop(reason: string): void {
  if (stopping) return;
  stopping = true;
  log.info({ reason, workers: startedAt.size }, 'stopping workers');
  if (startedAt.size === 0) process.exit(0);
  // Each worker drains its requests and closes its pools on SIGTERM (stopOnSignals), then exits.
  for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
}

process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
// Started by the runner with an IPC channel: it closing means the runner is gone (as in stopOnSignals).
if (process.send) process.on('disconnect', () => stop('runner gone'));

for (let i = 0; i < count; i++) fork();
log.info({ script, workers: count }, 'workers started');
