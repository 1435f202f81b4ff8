/**
 * The system as deployed, for the benchmark to drive: `node scripts/start.ts` with NODE_ENV=production
 * (gateway and six subgraphs, each its own process, persisted operations only) and stripe-local as a
 * process of its own, on free ports from a random base, with a fresh key set. Every child is stopped when
 * the benchmark ends, however it ends (children.ts).
 */
import { openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GATEWAY, writeKeySet } from '#kit';
import { subgraphs } from '../../subgraphs/index.ts';
import { spawnChild, type Child } from './children.ts';
import type { PostgresControl } from './database.ts';
import { childrenOf, readCmdline } from './procfs.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const HOST = '127.0.0.1';
const STRIPE_SECRET_KEY = 'sk_test_bench';
const STRIPE_WEBHOOK_SECRET = 'whsec_bench';

/**
 * What bench/src/faults.ts's `runFaults(context)` (or default export) receives, with `--faults`, once the
 * load rounds are done: the system still running, and the means to hurt it.
 */
export interface FaultsContext {
  /** The gateway's GraphQL URL, e.g. http://127.0.0.1:31000/graphql. */
  gatewayUrl: string;
  /** The runner (scripts/start.ts), which supervises and restarts the services. */
  runnerPid: number;
  /** Process ids by name: gateway, products, inventory, cart, orders, shipping, customers, stripe-local. */
  children: Record<string, number>;
  /** The run's database, as the administrator. */
  databaseUrl: string;
  /** Stop and start the embedded PostgreSQL (absent with DATABASE_URL: that server is not ours). */
  postgres?: PostgresControl;
  log: (message: string) => void;
}

export interface Ports {
  gateway: number;
  stripeLocal: number;
  postgres: number;
  subgraphs: Record<string, number>;
  /** For the baselines: the in-memory subgraphs, their gateway, the SQL floor. */
  memoryProducts: number;
  memoryInventory: number;
  memoryGateway: number;
  sqlFloor: number;
}

export interface RunningSystem {
  gatewayUrl: string;
  stripeUrl: string;
  keysDir: string;
  runner: Child;
  stripeLocal: Child;
  /** The subgraphs' URLs (GraphQL; /metrics beside it). */
  subgraphUrls: Record<string, string>;
  /** The runner's children now, by name (the supervisor restarts a crashed one with a new pid). */
  children(): Record<string, number>;
  stop(): Promise<void>;
}

export function assignPorts(base: number): Ports {
  const subgraphPorts = Object.fromEntries(subgraphs.map((s, i) => [s.name, base + 1 + i]));
  const next = base + 1 + subgraphs.length;
  return {
    gateway: base,
    subgraphs: subgraphPorts,
    stripeLocal: next,
    postgres: next + 1,
    memoryProducts: next + 2,
    memoryInventory: next + 3,
    memoryGateway: next + 4,
    sqlFloor: next + 5,
  };
}

export function allPorts(ports: Ports): number[] {
  return [ports.gateway, ...Object.values(ports.subgraphs), ports.stripeLocal, ports.postgres, ports.memoryProducts, ports.memoryInventory, ports.memoryGateway, ports.sqlFloor];
}

/** A fresh key set, as `npm run keys -- <dir>` writes it. */
export function writeKeys(dir: string): string {
  writeKeySet(dir, [GATEWAY, ...subgraphs.map((s) => s.name)]);
  return dir;
}

export async function startSystem(options: { ports: Ports; keysDir: string; databaseEnv: Record<string, string>; logDir: string }): Promise<RunningSystem> {
  const { ports, keysDir, logDir } = options;
  const gatewayOrigin = `http://${HOST}:${ports.gateway}`;
  const stripeUrl = `http://${HOST}:${ports.stripeLocal}`;
  const base = cleanEnv();

  // Stripe's stand-in is not part of the deployment: it runs outside production mode, which it requires.
  const stripeLocal = spawnChild('stripe-local', [join(ROOT, 'stripe-local/src/main.ts')], {
    env: { ...base, STRIPE_WEBHOOK_SECRET, STRIPE_LOCAL_WEBHOOK_URL: `${gatewayOrigin}/webhooks/stripe`, PORT: String(ports.stripeLocal), HOST },
    output: openSync(join(logDir, 'stripe-local.log'), 'a'),
  });
  await stripeLocal.waitForUrl(`${stripeUrl}/health/ready`, 30_000);

  const subgraphPorts = Object.fromEntries(Object.entries(ports.subgraphs).map(([name, port]) => [`${name.toUpperCase()}_PORT`, String(port)]));
  const runner = spawnChild('runner', [join(ROOT, 'scripts/start.ts')], {
    env: {
      ...base,
      ...options.databaseEnv,
      NODE_ENV: 'production',
      KEYS_DIR: keysDir,
      STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET,
      PORT: String(ports.gateway),
      ...subgraphPorts,
      // One client from one address is the whole load: production's per-IP and per-client limits (600 and
      // 6,000 a minute) would turn the benchmark into a test of the rate limiter.
      RATE_LIMIT_PER_IP: '0',
      RATE_LIMIT_PER_CLIENT: '0',
      RATE_LIMIT_PER_API_KEY: '0',
      // Payments: Stripe's host diverted to stripe-local beneath the SDK (stripe-redirect.ts).
      NODE_OPTIONS: `${base.NODE_OPTIONS ?? ''} --import=${join(ROOT, 'bench/src/stripe-redirect.ts')}`.trim(),
      BENCH_STRIPE_REDIRECT: stripeUrl,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    },
    output: openSync(join(logDir, 'runner.log'), 'a'),
  });
  try {
    await runner.waitForUrl(`${gatewayOrigin}/health/ready`, 180_000);
  } catch (error) {
    await runner.stop();
    await stripeLocal.stop();
    throw error;
  }
  return {
    gatewayUrl: `${gatewayOrigin}/graphql`,
    stripeUrl,
    keysDir,
    runner,
    stripeLocal,
    subgraphUrls: Object.fromEntries(Object.entries(ports.subgraphs).map(([name, port]) => [name, `http://${HOST}:${port}/graphql`])),
    children: () => ({ ...namedChildren(runner.pid), 'stripe-local': stripeLocal.pid }),
    async stop() {
      await runner.stop(30_000);
      await stripeLocal.stop();
    },
  };
}

/** The runner's children by the script each runs: gateway/src/main.ts, subgraphs/<name>/src/main.ts. */
export function namedChildren(runnerPid: number): Record<string, number> {
  const named: Record<string, number> = {};
  for (const pid of childrenOf(runnerPid)) {
    const script = readCmdline(pid).find((arg) => arg.endsWith('main.ts')) ?? '';
    const match = /(?:subgraphs\/([a-z]+)|(gateway))\/src\/main\.ts$/.exec(script);
    if (match) named[match[1] ?? match[2]!] = pid;
  }
  return named;
}

/** This process's environment without what would point the system elsewhere than the run's own. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(STRIPE_|SEED_|REDIS_URL|EVENTS_|PERSISTED_OPERATIONS_DIR|SUPERGRAPH_PATH|NODE_ENV$|PORT$|DATABASE_URL$|.*_DATABASE_URL$|.*_PORT$|.*_URL$|KEYS_DIR$|RATE_LIMIT_|RESPONSE_CACHE|.*_PRIVATE_KEY$|.*_PUBLIC_KEY$)/.test(key)) delete env[key];
  }
  return env;
}
