/**
 * The run's PostgreSQL: DATABASE_URL's server if set, else an embedded server in a temporary folder. Either
 * way a fresh database per run, with a role per subgraph where the server lets us create roles (as
 * deploy/roles.sql sets up production), dropped again at the end.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dropRoles, ensureDatabase, provisionRoles, startEmbeddedPostgres, type Logger, type RunningPostgres } from '#kit';
import { subgraphs } from '../../subgraphs/index.ts';
import { childrenOf, readStat } from './procfs.ts';

/** The embedded server, for a fault scenario that stops and restarts it. */
export interface PostgresControl {
  port: number;
  dataDir: string;
  /** The postmaster's pid while it runs. */
  pid(): Promise<number | undefined>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface BenchDatabase {
  kind: 'DATABASE_URL' | 'embedded';
  /** The run's database, as the administrator (migrations of the baselines, the SQL floor). */
  adminUrl: string;
  /** Where each subgraph connects: its own role where roles could be made, else adminUrl. */
  urlFor(subgraph: string): string;
  /** The runner's database variables: DATABASE_URL, <NAME>_DATABASE_URL and EVENTS_ROLE. */
  env: Record<string, string>;
  eventsRole?: string;
  /** PostgreSQL's processes (postmaster and backends) when they run on this machine; empty otherwise. */
  pids(): Promise<number[]>;
  /** The postmaster, whose count of reaped children's CPU covers backends that ended. */
  postmasterPid(): Promise<number | undefined>;
  control?: PostgresControl;
  close(): Promise<void>;
}

export async function openBenchDatabase(options: { port: number; log: Logger }): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const given = process.env.DATABASE_URL;
  let serverUrl: string;
  let embedded: { dir: string; dataDir: string; server: RunningPostgres } | undefined;
  if (given) {
    serverUrl = given;
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'commerce-bench-pg-'));
    // As root, PostgreSQL runs as its own system user, which must be able to reach the data folder.
    await chmod(dir, 0o755);
    const dataDir = join(dir, 'data');
    // Detached: a Ctrl-C reaches this process, which stops the services before the database.
    const server = await startEmbeddedPostgres({ dataDir, port: options.port, persistent: true, detached: true, log: options.log });
    embedded = { dir, dataDir, server };
    serverUrl = server.url;
  }
  const adminUrl = await ensureDatabase(serverUrl, name);
  const prefix = `${name}_`;
  const secret = randomBytes(16).toString('hex');
  const roles = await provisionRoles(adminUrl, {
    subgraphs: subgraphs.map((s) => s.name),
    prefix,
    passwordOf: (role) => createHmac('sha256', secret).update(role).digest('base64url'),
  }).catch((error: unknown) => {
    options.log.warn({ err: error }, 'no role per subgraph (needs a superuser): every subgraph connects as DATABASE_URL\'s user');
    return null;
  });
  const urlFor = (subgraph: string) => roles?.urlFor(subgraph) ?? adminUrl;
  const env: Record<string, string> = { DATABASE_URL: adminUrl };
  if (roles) {
    for (const { name: subgraph } of subgraphs) env[`${subgraph.toUpperCase()}_DATABASE_URL`] = urlFor(subgraph);
    env.EVENTS_ROLE = roles.eventsRole;
  }

  let server = embedded?.server;
  const postmasterPid = async (): Promise<number | undefined> => {
    if (embedded) {
      const text = await readFile(join(embedded.dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
      const pid = Number(text.split('\n')[0]);
      return pid > 0 ? pid : undefined;
    }
    // An outside server: its backend's parent is the postmaster, if it runs here and /proc shows it.
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      const stat = readStat(rows[0]!.pid);
      return stat && /postgres|postmaster/.test(stat.comm) ? stat.ppid : undefined;
    } catch {
      return undefined;
    } finally {
      await client.end().catch(() => {});
    }
  };
  let knownPostmaster: number | undefined;
  const control: PostgresControl | undefined = embedded && {
    port: options.port,
    dataDir: embedded.dataDir,
    pid: postmasterPid,
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      if (server) return;
      server = await startEmbeddedPostgres({ dataDir: embedded.dataDir, port: options.port, persistent: true, detached: true, log: options.log });
    },
  };

  return {
    kind: embedded ? 'embedded' : 'DATABASE_URL',
    adminUrl,
    urlFor,
    env,
    ...(roles ? { eventsRole: roles.eventsRole } : {}),
    postmasterPid: async () => (knownPostmaster = (await postmasterPid()) ?? knownPostmaster),
    async pids() {
      const pid = (knownPostmaster = (await postmasterPid()) ?? knownPostmaster);
      return pid ? [pid, ...childrenOf(pid)] : [];
    },
    ...(control ? { control } : {}),
    async close() {
      if (embedded) {
        await server?.stop();
        await rm(embedded.dir, { recursive: true, force: true });
        return;
      }
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
      await dropRoles(serverUrl, prefix);
    },
  };
}

/**
 * Lets PostgreSQL's own background work end before a round is measured: autovacuum workers visit the tables
 * that earlier rounds wrote (checkout's above all), and the CPU of each one that ends is counted where it
 * ends, with the round's own. In one run the baselines' ×10 rounds, right after checkout, showed PostgreSQL
 * at 63-77% of the CPU while they sent it nothing. Waits until none runs (30 s at most), then checkpoints
 * (where the user may). Work that starts during the round is still the round's.
 */
export async function quiescePostgres(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'`);
      if (rows[0]!.n === 0) break;
      await new Promise((done) => setTimeout(done, 250));
    }
    await client.query('checkpoint').catch(() => undefined);
  } finally {
    await client.end().catch(() => undefined);
  }
}
