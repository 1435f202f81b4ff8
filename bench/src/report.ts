/**
 * The run's results as a markdown report (bench/results/latest.md) and JSON (latest.json): one row per
 * round (operation × connections), the memory of every process after each round, and the ratios between
 * the system and its baselines at the same concurrency.
 */
import type { LoadResult } from './load.ts';
import type { RoundCost } from './measure.ts';

export interface RoundRecord {
  /** An operation of operations.ts, or a baseline: products-direct (a), memory-supergraph (b), sql-floor (c). */
  name: string;
  connections: number;
  load: LoadResult;
  cost: RoundCost;
  nodeCpuMsPerRequest: number | null;
  postgresCpuShare: number | null;
  sqlPerOperation: number | null;
  fetchesPerOperation: number | null;
}

export interface RunInfo {
  startedAt: string;
  flags: string[];
  products: number;
  variants: number;
  postgres: string;
  node: string;
  cpus: number;
  seedSeconds: number;
  startSeconds: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface Ratio {
  label: string;
  connections: number;
  value: number;
}

export function recordOf(name: string, connections: number, load: LoadResult, cost: RoundCost): RoundRecord {
  // Requests sent, not only answered: the work of those still in flight at the end is in the deltas too.
  const requests = load.sent;
  const totals = cost.subgraphs ? Object.values(cost.subgraphs).reduce((sum, s) => ({ requests: sum.requests + s.requests, statements: sum.statements + s.statements }), { requests: 0, statements: 0 }) : null;
  const cpu = cost.nodeCpuMs + cost.postgresCpuMs;
  return {
    name,
    connections,
    load,
    cost,
    nodeCpuMsPerRequest: requests > 0 ? cost.nodeCpuMs / requests : null,
    postgresCpuShare: cpu > 0 ? cost.postgresCpuMs / cpu : null,
    sqlPerOperation: totals && requests > 0 ? totals.statements / requests : null,
    fetchesPerOperation: totals && requests > 0 ? totals.requests / requests : null,
  };
}

/** [label, numerator, denominator]: req/s of one round over another's at the same connections. */
export const RATIOS: readonly (readonly [string, string, string])[] = [
  ['listing uncached ÷ (b) in-memory subgraphs behind the real gateway', 'listing', 'memory-supergraph'],
  ['listing cached ÷ (b)', 'listing-cached', 'memory-supergraph'],
  ['listing uncached (gateway) ÷ (a) products subgraph directly', 'listing', 'products-direct'],
  ['(b) gateway over in-memory subgraphs ÷ (a)', 'memory-supergraph', 'products-direct'],
  ['listing uncached ÷ (c) one SQL query', 'listing', 'sql-floor'],
  ['listing cached ÷ (c)', 'listing-cached', 'sql-floor'],
  ['(a) products subgraph directly ÷ (c)', 'products-direct', 'sql-floor'],
  ['varying pages ÷ listing uncached', 'listing-pages', 'listing'],
];

export function ratiosOf(records: readonly RoundRecord[]): Ratio[] {
  const ratios: Ratio[] = [];
  for (const [label, top, bottom] of RATIOS) {
    for (const record of records.filter((r) => r.name === top)) {
      const other = records.find((r) => r.name === bottom && r.connections === record.connections);
      if (other && other.load.perSecond > 0) ratios.push({ label, connections: record.connections, value: record.load.perSecond / other.load.perSecond });
    }
  }
  return ratios;
}

const fixed = (value: number | null, digits: number) => (value === null ? '–' : value.toFixed(digits));
const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
const mib = (bytes: number | undefined) => (bytes === undefined ? '–' : String(Math.round(bytes / 1048576)));

export function resultsTable(records: readonly RoundRecord[]): string {
  const lines = [
    '| operation | conns | req/s | p50 ms | p90 ms | p99 ms | errors | node CPU ms/req | PG CPU share | SQL/op | fetches/op | X-Cache |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of records) {
    const cache = Object.entries(r.load.cache).filter(([status]) => status !== 'none').map(([status, count]) => `${status} ${count}`).join(', ') || '–';
    lines.push(
      `| ${r.name} | ${r.connections} | ${r.load.perSecond.toFixed(0)} | ${r.load.p50} | ${r.load.p90} | ${r.load.p99} | ${r.load.errors} | ${fixed(r.nodeCpuMsPerRequest, 2)} | ${percent(r.postgresCpuShare)} | ${fixed(r.sqlPerOperation, 1)} | ${fixed(r.fetchesPerOperation, 1)} | ${cache} |`,
    );
  }
  return lines.join('\n');
}

/** CPU ms per request by process: where a round's Node CPU went (PostgreSQL's as one column). */
export function cpuTable(records: readonly RoundRecord[]): string {
  const names: string[] = [];
  for (const r of records) for (const name of Object.keys(r.cost.nodeCpuMsByProcess ?? {})) if (!names.includes(name)) names.push(name);
  const lines = [`| round | ${names.join(' | ')} | postgres |`, `| --- | ${names.map(() => '---:').join(' | ')} | ---: |`];
  for (const r of records) {
    const per = (ms: number | undefined) => (ms === undefined || r.load.sent === 0 ? '–' : (ms / r.load.sent).toFixed(2));
    lines.push(`| ${r.name} ×${r.connections} | ${names.map((name) => per(r.cost.nodeCpuMsByProcess?.[name])).join(' | ')} | ${per(r.cost.postgresCpuMs)} |`);
  }
  return lines.join('\n');
}

export function memoryTable(records: readonly RoundRecord[], part: 'rss' | 'rssAnon' = 'rss'): string {
  const names: string[] = [];
  for (const r of records) for (const name of Object.keys(r.cost[part] ?? {})) if (!names.includes(name)) names.push(name);
  const lines = [`| round | ${names.join(' | ')} |`, `| --- | ${names.map(() => '---:').join(' | ')} |`];
  for (const r of records) lines.push(`| ${r.name} ×${r.connections} | ${names.map((name) => mib(r.cost[part]?.[name])).join(' | ')} |`);
  return lines.join('\n');
}

export function ratiosTable(ratios: readonly Ratio[]): string {
  const connections = [...new Set(ratios.map((r) => r.connections))].sort((a, b) => a - b);
  const labels = [...new Set(ratios.map((r) => r.label))];
  const lines = [`| req/s ratio | ${connections.map((c) => `×${c}`).join(' | ')} |`, `| --- | ${connections.map(() => '---:').join(' | ')} |`];
  for (const label of labels) {
    lines.push(`| ${label} | ${connections.map((c) => fixed(ratios.find((r) => r.label === label && r.connections === c)?.value ?? null, 2)).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Processes whose pid changed from one round to the next: restarted by the runner (a crash, or killed). */
export function restartsOf(records: readonly RoundRecord[]): string[] {
  const restarts: string[] = [];
  const last = new Map<string, string>();
  for (const r of records) {
    for (const [name, pids] of Object.entries(r.cost.pids ?? {})) {
      const main = String(pids[0] ?? '');
      const before = last.get(name);
      if (before !== undefined && before !== main) restarts.push(`${name}: pid ${before} → ${main} by the end of ${r.name} ×${r.connections}`);
      last.set(name, main);
    }
  }
  return restarts;
}

export function errorsSection(records: readonly RoundRecord[]): string {
  const withErrors = records.filter((r) => r.load.errors > 0);
  if (withErrors.length === 0) return 'No errors.';
  return withErrors.map((r) => `- ${r.name} ×${r.connections}: ${Object.entries(r.load.errorKinds).map(([kind, count]) => `${kind} ${count}`).join(', ')}`).join('\n');
}

export function markdownReport(info: RunInfo, records: readonly RoundRecord[], descriptions: Record<string, string>, failures: readonly string[] = []): string {
  return [
    `# npm run bench: ${info.startedAt}`,
    '',
    `${info.products.toLocaleString('en')} products × 3 variants (${info.variants.toLocaleString('en')}), PostgreSQL ${info.postgres}, Node ${info.node}, ${info.cpus} CPUs; ` +
      `warm-up ${info.warmupSeconds} s, then ${info.durationSeconds} s per round (checkout: its pool of carts); flags: ${info.flags.join(' ') || 'none'}. ` +
      `Seeding took ${info.seedSeconds.toFixed(1)} s, starting the system ${info.startSeconds.toFixed(1)} s.`,
    '',
    resultsTable(records),
    '',
    'Latencies are autocannon\'s (ms). CPU is utime + stime from /proc over the measured part of the round: "node" sums the system\'s Node processes (runner, gateway, subgraphs, stripe-local, or the baseline\'s), PG share is PostgreSQL\'s part of node + PostgreSQL. SQL/op and fetches/op are the subgraphs\' /metrics deltas over the round ÷ requests (fetches include subgraph-to-subgraph calls).',
    '',
    '## Ratios (req/s, same run, same connections)',
    '',
    ratiosTable(ratiosOf(records)),
    '',
    '## CPU ms per request, by process (utime + stime over the measured part ÷ requests sent)',
    '',
    cpuTable(records),
    '',
    '## Resident memory after each round (MiB; PostgreSQL: Pss, shared buffers counted once)',
    '',
    memoryTable(records),
    '',
    "Of which each Node process's own (RssAnon, MiB): VmRSS also counts the pages of the Node binary it maps, about 60 MB in a service, shared by every Node process.",
    '',
    memoryTable(records, 'rssAnon'),
    '',
    '## Errors',
    '',
    errorsSection(records),
    ...(failures.length > 0 ? ['', 'Scenarios that could not run:', '', ...failures.map((failure) => `- ${failure}`)] : []),
    '',
    '## Restarts',
    '',
    ...(restartsOf(records).length > 0 ? restartsOf(records).map((line) => `- ${line}`) : ['None: every process kept its pid through the run.']),
    '',
    '## Rounds',
    '',
    ...Object.entries(descriptions).map(([name, text]) => `- **${name}**: ${text}`),
    '',
  ].join('\n');
}
