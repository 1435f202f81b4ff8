/**
 * What a round cost, read around it: CPU time of the system's Node processes and of PostgreSQL's (from
 * /proc, utime + stime, before and after), the benchmark's own, each process's resident memory at the
 * end, and the subgraphs' counters (GET /metrics: requests received, SQL statements sent) whose deltas,
 * divided by the round's requests, give SQL statements and subgraph fetches per operation.
 */
import { cpuDelta, cpuDeltaWithReaped, cpuSnapshot, readPss, readRss, readRssAnon } from './procfs.ts';

export interface Processes {
  /**
   * The system's Node processes by name (runner, gateway, each subgraph, stripe-local, a baseline's), each
   * name with its pids: a service run as several workers (scripts/workers.ts) is its primary and workers.
   */
  node: Record<string, number[]>;
  /** PostgreSQL's processes; the postmaster first, when known. */
  postgres: number[];
  postmaster?: number;
  /** Processes whose memory is reported but whose CPU is not the round's (the idle system, during a baseline). */
  bystanders?: Record<string, number[]>;
}

interface Snapshot {
  node: Map<number, number>;
  postgres: Map<number, number>;
  bench: number;
  counters: Record<string, { requests: number; statements: number }> | null;
}

export interface RoundCost {
  nodeCpuMs: number;
  /** The same by process name (a service's workers summed): where the Node CPU went. */
  nodeCpuMsByProcess: Record<string, number>;
  postgresCpuMs: number;
  /** The load generator (this process), for judging whether it was the bottleneck. */
  benchCpuMs: number;
  /** Per subgraph over the round: requests received and statements sent. */
  subgraphs: Record<string, { requests: number; statements: number }> | null;
  /** Resident memory at the end of the round, bytes, by process name; `postgres` is the Pss sum of its processes. */
  rss: Record<string, number>;
  /** The anonymous part of each Node process's RSS (RssAnon): what is its own, without the shared binary. */
  rssAnon?: Record<string, number>;
  /** The pids each name had during the round: a name whose pids change between rounds was restarted. */
  pids: Record<string, number[]>;
}

export async function takeSnapshot(processes: Processes, metricsUrls: Record<string, string> | null): Promise<Snapshot> {
  return {
    node: cpuSnapshot(Object.values(processes.node).flat()),
    postgres: cpuSnapshot(processes.postgres, { withReaped: processes.postmaster ? [processes.postmaster] : [] }),
    bench: cpuOfThisProcess(),
    counters: metricsUrls ? await readCounters(metricsUrls) : null,
  };
}

export function costBetween(before: Snapshot, after: Snapshot, processes: Processes): RoundCost {
  let subgraphs: RoundCost['subgraphs'] = null;
  if (before.counters && after.counters) {
    subgraphs = {};
    for (const [name, end] of Object.entries(after.counters)) {
      const start = before.counters[name] ?? { requests: 0, statements: 0 };
      subgraphs[name] = { requests: end.requests - start.requests, statements: end.statements - start.statements };
    }
  }
  const rss: Record<string, number> = {};
  for (const [name, pids] of Object.entries({ ...processes.bystanders, ...processes.node })) {
    const sizes = pids.map(readRss).filter((bytes) => bytes !== undefined);
    if (sizes.length > 0) rss[name] = sizes.reduce((sum, bytes) => sum + bytes, 0);
  }
  const rssAnon: Record<string, number> = {};
  for (const [name, pids] of Object.entries({ ...processes.bystanders, ...processes.node })) {
    const sizes = pids.map(readRssAnon).filter((bytes) => bytes !== undefined);
    if (sizes.length > 0) rssAnon[name] = sizes.reduce((sum, bytes) => sum + bytes, 0);
  }
  rss.postgres = processes.postgres.reduce((sum, pid) => sum + (readPss(pid) ?? 0), 0);
  rss.bench = process.memoryUsage.rss();
  return {
    nodeCpuMs: cpuDelta(before.node, after.node),
    nodeCpuMsByProcess: Object.fromEntries(Object.entries(processes.node).map(([name, pids]) => [name, cpuDelta(before.node, after.node, pids)])),
    postgresCpuMs: cpuDeltaWithReaped(before.postgres, after.postgres),
    benchCpuMs: after.bench - before.bench,
    subgraphs,
    rss,
    rssAnon,
    pids: { ...processes.bystanders, ...processes.node },
  };
}

/**
 * Waits until the subgraphs' counters stop moving (requests of the previous load still being answered), so
 * that a round's deltas hold its own work: two equal readings 150 ms apart, for 5 s at most.
 */
export async function settle(metricsUrls: Record<string, string> | null): Promise<void> {
  if (!metricsUrls) return void (await new Promise((done) => setTimeout(done, 300)));
  let last = JSON.stringify(await readCounters(metricsUrls));
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 150));
    const now = JSON.stringify(await readCounters(metricsUrls));
    if (now === last) return;
    last = now;
  }
}

/** Each subgraph's /metrics, beside its /graphql. */
export async function readCounters(graphqlUrls: Record<string, string>): Promise<Record<string, { requests: number; statements: number }>> {
  const entries = await Promise.all(
    Object.entries(graphqlUrls).map(async ([name, url]) => {
      const response = await fetch(new URL('/metrics', url));
      if (!response.ok) throw new Error(`${name} /metrics answered ${response.status}`);
      return [name, (await response.json()) as { requests: number; statements: number }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function cpuOfThisProcess(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
