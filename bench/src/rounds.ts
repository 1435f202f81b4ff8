/**
 * The benchmark's rounds: each scenario (an operation through the running system, or a baseline) at each
 * connection count, warmed up, then measured: load from autocannon, cost from /proc and /metrics.
 */
import { failureOf, toHttpRequest, type BenchOperation, type PersistedOperation } from './operations.ts';
import type { Fixtures } from './fixtures.ts';
import { runLoad, type HttpRequest } from './load.ts';
import { costBetween, settle, takeSnapshot, type Processes } from './measure.ts';
import { recordOf, type RoundRecord } from './report.ts';

export interface Scenario {
  name: string;
  origin: string;
  /** A fresh request source per round, so every round rotates from the start of its fixtures (checkout: its own slice). */
  requests(round: number): () => HttpRequest;
  /** Processes whose CPU and memory the round reports, and PostgreSQL's. */
  processes(): Promise<Processes>;
  /** Subgraphs whose /metrics count statements and fetches; null when there are none. */
  metricsUrls: Record<string, string> | null;
  /** A fixed number of requests per round (and per warm-up) instead of durations. */
  amount?: { warmup: number; measured: number };
}

export interface RoundSettings {
  duration: number;
  warmup: number;
  /** Waits for the database's background work to end before the warm-up (database.ts, quiescePostgres). */
  quiesce?: () => Promise<void>;
}

export async function runRound(scenario: Scenario, connections: number, round: number, settings: RoundSettings): Promise<RoundRecord> {
  const next = scenario.requests(round);
  const plan = { origin: scenario.origin, connections, next, check: failureOf };
  const amount = scenario.amount && amountsFor(scenario.amount, connections);
  await settings.quiesce?.();
  if (amount) {
    await runLoad({ ...plan, duration: 0, amount: amount.warmup });
  } else if (settings.warmup > 0) {
    await runLoad({ ...plan, duration: settings.warmup });
  }
  await settle(scenario.metricsUrls);
  const processes = await scenario.processes();
  const before = await takeSnapshot(processes, scenario.metricsUrls);
  const load = await runLoad({ ...plan, duration: settings.duration, ...(amount ? { amount: amount.measured } : {}) });
  await settle(scenario.metricsUrls);
  const after = await takeSnapshot(processes, scenario.metricsUrls);
  return recordOf(scenario.name, connections, load, costBetween(before, after, processes));
}

/** An operation of operations.ts sent to the system's gateway, rotating over its fixtures. */
export function operationScenario(options: {
  operation: BenchOperation;
  gatewayOrigin: string;
  manifest: Map<string, PersistedOperation>;
  fixtures: Fixtures;
  processes: () => Promise<Processes>;
  metricsUrls: Record<string, string> | null;
  /** For pool-bound operations: requests per round and per warm-up. */
  amount?: { warmup: number; measured: number };
  connections: readonly number[];
}): Scenario {
  const { operation, manifest, fixtures } = options;
  return {
    name: operation.name,
    origin: options.gatewayOrigin,
    metricsUrls: options.metricsUrls,
    processes: options.processes,
    ...(options.amount ? { amount: options.amount } : {}),
    requests(round) {
      // A pool-bound operation gives each round (warm-up and measured part) its own slice of the pool.
      let n = options.amount ? round * poolSliceOf(options.amount, options.connections) : 0;
      return () => toHttpRequest(operation.call(n++, fixtures), manifest, fixtures.token);
    },
  };
}

/** autocannon wants at least one request per connection: a warm-up of one each, a round of two each at least. */
export function amountsFor(amount: { warmup: number; measured: number }, connections: number): { warmup: number; measured: number } {
  return { warmup: Math.max(amount.warmup, connections), measured: Math.max(amount.measured, 2 * connections) };
}

/** What one round takes from a single-use pool: warm-up, measured part, and requests built but not sent (one per connection at most). */
export function poolSliceOf(amount: { warmup: number; measured: number }, connections: readonly number[]): number {
  const most = Math.max(...connections);
  const sized = amountsFor(amount, most);
  return sized.warmup + sized.measured + 2 * most;
}

/** A fixed request, for the baselines. */
export function fixedScenario(options: Omit<Scenario, 'requests'> & { request: () => HttpRequest }): Scenario {
  const { request, ...rest } = options;
  return { ...rest, requests: () => request };
}
