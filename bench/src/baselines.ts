/**
 * The baselines, each started for its own rounds and stopped after them:
 * (a) the products subgraph of the running system, asked directly for the listing's products fields,
 *     with an identity signed as the gateway signs it (the gateway's key from the run's key set);
 * (b) in-memory products and inventory subgraphs (baselines/memory-subgraphs.ts) behind a real gateway
 *     (gateway/src/main.ts, production mode, the real manifests, no response cache);
 * (c) one process, one SQL statement (baselines/sql-floor.ts).
 */
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { ANONYMOUS, createIdentitySigner, GATEWAY, IDENTITY_HEADER, loadKeyRing } from '#kit';
import { spawnChild, type Child } from './children.ts';
import { withMemorySettings } from '../../scripts/process-memory.ts';
import { cleanEnv, ROOT, type Ports } from './system.ts';

const HOST = '127.0.0.1';

export interface Baseline {
  origin: string;
  /** Its Node processes by name, for CPU and memory. */
  processes: Record<string, number>;
  stop(): Promise<void>;
}

/** The products subgraph's own part of ProductListing (what the gateway's query plan asks it), without stock. */
export const PRODUCTS_ONLY_LISTING = `query ProductsOnlyListing($first: Int) { products(first: $first, sortKey: TITLE) { nodes { __typename handle id
  priceRange { maxVariantPrice { amount currencyCode } minVariantPrice { amount currencyCode } } title
  variants(first: 10) { nodes { __typename id price { amount currencyCode } title } } } pageInfo { endCursor hasNextPage } } }`;

/** (a): the identity header, re-signed every 20 s (an identity lasts a minute). Call `stop` after. */
export function gatewayIdentity(keysDir: string): { header: () => Record<string, string>; ready: Promise<void>; stop(): void } {
  const sign = createIdentitySigner(loadKeyRing(GATEWAY, { env: { KEYS_DIR: keysDir } }));
  let token = '';
  const refresh = async () => {
    token = await sign(ANONYMOUS, 'products');
  };
  const timer = setInterval(() => void refresh(), 20_000);
  return { header: () => ({ [IDENTITY_HEADER]: token }), ready: refresh(), stop: () => clearInterval(timer) };
}

export async function startMemorySupergraph(options: { ports: Ports; keysDir: string; databaseUrl: string; logDir: string }): Promise<Baseline> {
  const { ports, logDir } = options;
  // The runner's memory settings (scripts/process-memory.ts) too: the ceiling of the gateway as deployed.
  const base = withMemorySettings(cleanEnv());
  const output = openSync(join(logDir, 'memory-supergraph.log'), 'a');
  const subgraphs = spawnChild('memory-subgraphs', [join(ROOT, 'bench/src/baselines/memory-subgraphs.ts')], {
    env: { ...base, DATABASE_URL: options.databaseUrl, PRODUCTS_PORT: String(ports.memoryProducts), INVENTORY_PORT: String(ports.memoryInventory) },
    output,
  });
  const children: Child[] = [subgraphs];
  try {
    await subgraphs.waitForUrl(`http://${HOST}:${ports.memoryInventory}/health/ready`, 60_000);
    // No DATABASE_URL: the gateway's response cache stays off, so every request reaches the subgraphs.
    const gateway = spawnChild('memory-gateway', [join(ROOT, 'gateway/src/main.ts')], {
      env: {
        ...base,
        NODE_ENV: 'production',
        KEYS_DIR: options.keysDir,
        PORT: String(ports.memoryGateway),
        PRODUCTS_URL: `http://${HOST}:${ports.memoryProducts}/graphql`,
        INVENTORY_URL: `http://${HOST}:${ports.memoryInventory}/graphql`,
        RATE_LIMIT_PER_IP: '0',
        RATE_LIMIT_PER_CLIENT: '0',
        RATE_LIMIT_PER_API_KEY: '0',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      },
      output,
    });
    children.push(gateway);
    await gateway.waitForUrl(`http://${HOST}:${ports.memoryGateway}/health/ready`, 60_000);
  } catch (error) {
    for (const child of children) await child.stop();
    throw error;
  }
  return {
    origin: `http://${HOST}:${ports.memoryGateway}`,
    processes: Object.fromEntries(children.map((child) => [child.name, child.pid])),
    async stop() {
      for (const child of children.reverse()) await child.stop();
    },
  };
}

export async function startSqlFloor(options: { ports: Ports; databaseUrl: string; logDir: string }): Promise<Baseline> {
  const floor = spawnChild('sql-floor', [join(ROOT, 'bench/src/baselines/sql-floor.ts')], {
    env: { ...cleanEnv(), DATABASE_URL: options.databaseUrl, PORT: String(options.ports.sqlFloor) },
    output: openSync(join(options.logDir, 'sql-floor.log'), 'a'),
  });
  try {
    await floor.waitForUrl(`http://${HOST}:${options.ports.sqlFloor}/health/ready`, 30_000);
  } catch (error) {
    await floor.stop();
    throw error;
  }
  return { origin: `http://${HOST}:${options.ports.sqlFloor}`, processes: { 'sql-floor': floor.pid }, stop: () => floor.stop() };
}
