/**
 * `npm run bench`: the system as deployed, under load. PostgreSQL (DATABASE_URL, or embedded in a temporary
 * folder) with a fresh database and a bulk-seeded catalog; `node scripts/start.ts` in production mode and
 * stripe-local as child processes on free ports; autocannon from this process against each storefront
 * operation and each baseline; then bench/results/latest.md and latest.json (bench/README.md has the method).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '#kit';
import { buildBenchCatalog } from './catalog.ts';
import { keepWarnings } from './logs.ts';
import { interrupted, stopAllChildren, stopEverythingOnExit } from './children.ts';
import { openBenchDatabase, quiescePostgres, type BenchDatabase } from './database.ts';
import { ADD_MIN_UNITS, gatewayClient, inStockVariants, listingPages, logIn, readyCarts, searchTerms, shuffled, type Fixtures } from './fixtures.ts';
import { OPERATIONS, LISTING_PAGE_SIZE, loadManifest, toHttpRequest } from './operations.ts';
import { parseOptions } from './options.ts';
import { freePortBlock } from './ports.ts';
import { markdownReport, resultsTable, ratiosOf, ratiosTable, type RoundRecord, type RunInfo } from './report.ts';
import { fixedScenario, operationScenario, poolSliceOf, runRound, type Scenario } from './rounds.ts';
import { seedBenchDatabase } from './seed.ts';
import { allPorts, assignPorts, ROOT, startSystem, writeKeys, type FaultsContext, type Ports, type RunningSystem } from './system.ts';
import type { Processes } from './measure.ts';
import { treeOf } from './procfs.ts';
import { gatewayIdentity, PRODUCTS_ONLY_LISTING, startMemorySupergraph, startSqlFloor, type Baseline } from './baselines.ts';

// The benchmark's own log (migrations, seeding) stays quiet; the services log to files in the work folder.
process.env.LOG_LEVEL ??= 'warn';
const log = createLogger('bench');
const options = parseOptions(process.argv.slice(2));
const say = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const work = mkdtempSync(join(tmpdir(), 'commerce-bench-'));
let db: BenchDatabase | undefined;
let system: RunningSystem | undefined;
let failed = false;

let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  return (cleaning ??= stopEverything());
}
async function stopEverything() {
  await stopAllChildren();
  await db?.close().catch((error: unknown) => console.error('dropping the database failed:', error));
  if (failed) console.error(`logs kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
stopEverythingOnExit(cleanup);

async function main() {
  const startedAt = new Date();
  const ports = assignPorts(await freePortBlock(allPorts(assignPorts(0)).length));
  say(`ports from ${ports.gateway}; work folder ${work}`);
  db = await openBenchDatabase({ port: ports.postgres, log });
  const seedStarted = performance.now();
  const catalog = buildBenchCatalog(options.products);
  await seedBenchDatabase(db, catalog, log);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  say(`PostgreSQL (${db.kind}) seeded with ${catalog.products.length} products, ${catalog.variants.length} variants in ${seedSeconds.toFixed(1)} s`);

  const keysDir = writeKeys(join(work, 'keys'));
  const logDir = join(work, 'logs');
  mkdirSync(logDir);
  const systemStarted = performance.now();
  system = await startSystem({ ports, keysDir, databaseEnv: db.env, logDir });
  const startSeconds = (performance.now() - systemStarted) / 1000;
  say(`system running in production mode (${startSeconds.toFixed(1)} s): ${system.gatewayUrl}`);

  const manifest = loadManifest(ROOT);
  const client = gatewayClient(system.gatewayUrl, manifest);
  const variantIds = inStockVariants(catalog);
  const checkoutAmount = options.quick ? { warmup: 5, measured: 40 } : { warmup: 20, measured: 200 };
  const checkoutRounds = wanted('checkout') ? options.connections.length : 0;
  const fixtures: Fixtures = {
    token: await logIn(client),
    handles: shuffled(catalog.products.map((p) => p.handle)),
    searchTerms: searchTerms(),
    variantIds,
    addVariantIds: inStockVariants(catalog, ADD_MIN_UNITS),
    pages: listingPages(catalog),
    readCarts: wanted('cart') ? await readyCarts(client, options.quick ? 20 : 200, variantIds) : [],
    writeCarts: wanted('add-to-cart') ? await readyCarts(client, options.quick ? 50 : 200, variantIds, { offset: 1000 }) : [],
    checkoutCarts: [],
  };
  if (checkoutRounds > 0) {
    const pool = checkoutRounds * poolSliceOf(checkoutAmount, options.connections);
    say(`making ${pool} ready carts for checkout…`);
    fixtures.checkoutCarts = await readyCarts(client, pool, variantIds, { offset: 5000 });
  }
  say('fixtures ready');

  const gatewayOrigin = new URL(system.gatewayUrl).origin;
  // Each service with its workers, if it runs several (scripts/workers.ts, WEB_CONCURRENCY).
  const systemProcesses = async (): Promise<Processes> => ({
    node: { runner: [system!.runner.pid], ...Object.fromEntries(Object.entries(system!.children()).map(([name, pid]) => [name, treeOf(pid)])) },
    postgres: await db!.pids(),
    postmaster: await db!.postmasterPid(),
  });
  // During a baseline the system idles: its memory is still reported, its CPU is not the round's.
  const besideSystem = async (node: Record<string, number[]>) => {
    const all = await systemProcesses();
    return { ...all, node, bystanders: all.node };
  };
  const scenarios: (Scenario | (() => Promise<Prepared>))[] = OPERATIONS.filter((op) => wanted(op.name)).map((operation) =>
    operationScenario({
      operation,
      gatewayOrigin,
      manifest,
      fixtures,
      processes: systemProcesses,
      metricsUrls: system!.subgraphUrls,
      connections: options.connections,
      ...(operation.pool ? { amount: checkoutAmount } : {}),
    }),
  );
  if (wanted('products-direct')) scenarios.push(async () => productsDirect(system!, keysDir, besideSystem));
  if (wanted('memory-supergraph')) scenarios.push(async () => memorySupergraph(ports, keysDir, db!, logDir, manifest, fixtures.token, besideSystem));
  if (wanted('sql-floor')) scenarios.push(async () => sqlFloor(ports, db!, logDir, besideSystem));

  const records: RoundRecord[] = [];
  // A scenario that cannot run (a baseline that fails to start) is reported, and the others still run.
  const failures: string[] = [];
  for (const entry of scenarios) {
    let prepared: Prepared | undefined;
    try {
      prepared = typeof entry === 'function' ? await entry() : { scenario: entry };
      for (const [round, connections] of options.connections.entries()) {
        const record = await runRound(prepared.scenario, connections, round, { ...options, quiesce: () => quiescePostgres(db!.adminUrl) });
        records.push(record);
        say(`${record.name} ×${connections}: ${record.load.perSecond.toFixed(0)} req/s, p50 ${record.load.p50} ms, p99 ${record.load.p99} ms, ${record.load.errors} errors`);
      }
    } catch (error) {
      failures.push(String((error as Error).message ?? error));
      say(`a scenario failed: ${(error as Error).message}`);
    } finally {
      prepared?.stop?.();
      await prepared?.baseline?.stop();
    }
  }

  const info: RunInfo = {
    startedAt: startedAt.toISOString(),
    flags: process.argv.slice(2),
    products: catalog.products.length,
    variants: catalog.variants.length,
    postgres: db.kind,
    node: process.versions.node,
    cpus: availableParallelism(),
    seedSeconds,
    startSeconds,
    durationSeconds: options.duration,
    warmupSeconds: options.warmup,
  };
  const stamp = writeResults(info, records, failures);
  if (failures.length > 0) failed = true;
  const warnings = await keepWarnings(logDir, join(ROOT, 'bench', 'results', 'history', `${stamp}-warnings.log`));
  say(`${warnings} warning and error lines of the services' logs kept in results/history/${stamp}-warnings.log`);

  if (options.faults) await runFaultsScenario({ gatewayUrl: system.gatewayUrl, runnerPid: system.runner.pid, children: system.children(), databaseUrl: db.adminUrl, ...(db.control ? { postgres: db.control } : {}), log: say });
}

function wanted(name: string): boolean {
  return options.only.length === 0 || options.only.some((part) => name.includes(part));
}

type Beside = (node: Record<string, number[]>) => Promise<Processes>;

/** A scenario ready to run, with what to stop after its rounds (a baseline's processes, a timer). */
interface Prepared {
  scenario: Scenario;
  baseline?: Baseline;
  stop?: () => void;
}

async function productsDirect(running: RunningSystem, keysDir: string, beside: Beside) {
  const identity = gatewayIdentity(keysDir);
  await identity.ready;
  const url = running.subgraphUrls.products!;
  const body = JSON.stringify({ query: PRODUCTS_ONLY_LISTING, variables: { first: LISTING_PAGE_SIZE } });
  const scenario = fixedScenario({
    name: 'products-direct',
    origin: new URL(url).origin,
    metricsUrls: { products: url },
    processes: () => beside({ products: treeOf(running.children().products!) }),
    request: () => ({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', ...identity.header() }, body }),
  });
  return { scenario, stop: identity.stop };
}

async function memorySupergraph(ports: Ports, keysDir: string, database: BenchDatabase, logDir: string, manifest: ReturnType<typeof loadManifest>, token: string | undefined, beside: Beside) {
  const baseline = await startMemorySupergraph({ ports, keysDir, databaseUrl: database.adminUrl, logDir });
  const listing = OPERATIONS.find((op) => op.name === 'listing')!;
  const request = toHttpRequest(listing.call(0, {} as Fixtures), manifest, token);
  const scenario = fixedScenario({
    name: 'memory-supergraph',
    origin: baseline.origin,
    metricsUrls: null,
    processes: () => beside(Object.fromEntries(Object.entries(baseline.processes).map(([name, pid]) => [name, [pid]]))),
    request: () => request,
  });
  return { scenario, baseline };
}

async function sqlFloor(ports: Ports, database: BenchDatabase, logDir: string, beside: Beside) {
  const baseline = await startSqlFloor({ ports, databaseUrl: database.adminUrl, logDir });
  const scenario = fixedScenario({
    name: 'sql-floor',
    origin: baseline.origin,
    metricsUrls: null,
    processes: () => beside(Object.fromEntries(Object.entries(baseline.processes).map(([name, pid]) => [name, [pid]]))),
    request: () => ({ method: 'GET', path: '/listing', headers: {} }),
  });
  return { scenario, baseline };
}

/** Writes the report and returns its timestamp, which names the run's files in results/history/. */
function writeResults(info: RunInfo, records: RoundRecord[], failures: string[]): string {
  const descriptions: Record<string, string> = Object.fromEntries(OPERATIONS.map((op) => [op.name, op.description]));
  descriptions['products-direct'] = '(a) the products subgraph of the running system asked directly for the listing\'s products fields (no stock), identity signed as the gateway signs it';
  descriptions['memory-supergraph'] = '(b) the real gateway (production mode, real manifests, no response cache) over products and inventory answering from memory: the gateway\'s ceiling for the listing';
  descriptions['sql-floor'] = '(c) one process, one SQL statement for the same listing page, as JSON over HTTP: the floor';
  const markdown = markdownReport(info, records, descriptions, failures);
  const json = JSON.stringify({ info, records, ratios: ratiosOf(records), failures }, null, 2);
  const results = join(ROOT, 'bench', 'results');
  const history = join(results, 'history');
  mkdirSync(history, { recursive: true });
  const stamp = info.startedAt.replace(/[:.]/g, '-');
  writeFileSync(join(history, `${stamp}.md`), markdown);
  writeFileSync(join(history, `${stamp}.json`), json);
  // A quick run is a smoke test: it leaves the committed figures alone.
  if (!options.quick) {
    writeFileSync(join(results, 'latest.md'), markdown);
    writeFileSync(join(results, 'latest.json'), json);
  }
  console.log(`\n${resultsTable(records)}\n\n${ratiosTable(ratiosOf(records))}\n`);
  say(`results: ${options.quick ? join(history, `${stamp}.md`) : join(results, 'latest.md')}`);
  return stamp;
}

/** `--faults`: bench/src/faults.ts's runFaults (or default export), given the running system. */
async function runFaultsScenario(context: FaultsContext) {
  let module: { runFaults?: (c: FaultsContext) => Promise<void>; default?: (c: FaultsContext) => Promise<void> };
  try {
    // A path in a variable: the module may not exist, and the type checker must not insist that it does.
    const path = './faults.ts';
    module = await import(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes('faults.ts')) {
      say('--faults: the fault scenario is not there yet (bench/src/faults.ts exporting runFaults(context))');
      return;
    }
    throw error;
  }
  const run = module.runFaults ?? module.default;
  if (!run) throw new Error('bench/src/faults.ts exports neither runFaults nor a default function');
  await run(context);
}

try {
  await main();
} catch (error) {
  // Stopped by a signal: the processes it stopped make main() fail, which is no news.
  if (!interrupted()) {
    failed = true;
    console.error(error);
    process.exitCode = 1;
  }
} finally {
  await cleanup();
}
