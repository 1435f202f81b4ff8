import { AsyncLocalStorage } from 'node:async_hooks';
import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import pg from 'pg';
import type { Logger } from 'pino';
import { releaseDroppedConnections } from './dropped-connections.ts';
import { kitMigrations } from './events/migration.ts';
import { poolSqlRead, type SqlRead } from './sql-read.ts';

/** A migration class, as MikroORM's Migrator takes it; each subgraph lists its own in `migrations/index.ts`. */
export type MigrationClass = NonNullable<NonNullable<Options['migrations']>['migrationsList']>[number];
export type EntityClass = NonNullable<Options['entities']>[number];

export interface DatabaseOptions {
  /** The subgraph's name, which is also the PostgreSQL schema it owns. */
  schema: string;
  url: string;
  entities: EntityClass[];
  migrations: MigrationClass[];
  log?: Logger;
  /** Connections per process; small by default so six subgraphs fit PostgreSQL's default limit. */
  poolSize?: number;
}

/**
 * One subgraph's database: a MikroORM instance bound to its own schema, plus a count of the SQL
 * statements it sent. Tests read that count to pin that a query's statements do not grow with its size.
 */
export interface Database {
  orm: MikroORM;
  schema: string;
  /** Statements sent by requests since the process started (or since the last reset); background work is not counted. */
  statementCount(): number;
  resetStatementCount(): void;
  /**
   * Applies the committed migrations not yet applied, in order, under an advisory lock: replicas that
   * start together migrate once, the others wait and then find nothing to do.
   */
  migrate(): Promise<void>;
  /** A fresh EntityManager with its own identity map, for one request or one job. */
  fork(): EntityManager;
  /** Read-only SQL with `$n` parameters bound by PostgreSQL, on the pool, outside any transaction (sql-read.ts); counted like the rest. */
  read: SqlRead;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Background work (the event relay, subscribers, workers) runs in here, so request statement counts stay exact. */
const background = new AsyncLocalStorage<true>();

export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const { schema, url, entities, migrations, log, poolSize = 5 } = options;
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Unsafe schema name: ${schema}`);
  let statements = 0;
  const orm = await MikroORM.init({
    clientUrl: url,
    schema,
    entities,
    extensions: [Migrator],
    migrations: {
      // The kit's own tables (outbox, processed events) go to every subgraph, after its own history.
      migrationsList: [...migrations, ...kitMigrations],
      schema,
      tableName: 'mikro_orm_migrations',
      snapshot: false,
      silent: true,
      allOrNothing: true,
    },
    pool: { min: 0, max: poolSize },
    // Unqualified SQL (migrations, raw queries) resolves in the subgraph's own schema, and only there;
    // set as a startup parameter, it costs no extra round trip per connection.
    driverOptions: { options: `-c search_path=${schema}`, onPoolCreated: releaseDroppedConnections },
    // The identity map must never be shared between requests: every request forks.
    allowGlobalContext: false,
    ignoreUndefinedInQuery: true,
    // By default MikroORM gives every entity instance, on the first write of each scalar property, a getter and
    // a setter of its own (two closures per property per instance): 45,000 of them were live in the cart
    // subgraph under add-to-cart. Off, values are plain properties; relations still sync through the
    // EntityManager's create and hydration, which is how the subgraphs make entities. Back-to-back bench pairs:
    // add-to-cart 64-66 -> 72 req/s, cart 7.2-7.5 -> 6.6 ms of CPU each, its RSS 223 -> 202-214 MB.
    propagationOnPrototype: false,
    onQuery: (sql) => {
      if (!background.getStore()) statements++;
      return sql;
    },
    debug: process.env.SQL_DEBUG === '1',
    logger: (message) => log?.debug({ orm: message }),
  });

  return {
    orm,
    schema,
    statementCount: () => statements,
    resetStatementCount: () => {
      statements = 0;
    },
    async migrate() {
      const lock = new pg.Client({ connectionString: url });
      await lock.connect();
      try {
        await lock.query('select pg_advisory_lock(hashtext($1))', [`supergraph-commerce:migrate:${schema}`]);
        // The migrations table lives in the subgraph's schema, so the schema has to exist first (in
        // production the role setup creates it, owned by the subgraph's role).
        const { rowCount } = await lock.query('select 1 from pg_namespace where nspname = $1', [schema]);
        if (!rowCount) await lock.query(`create schema "${schema}"`);
        await orm.migrator.up();
      } finally {
        await lock.end();
      }
    },
    fork: () => orm.em.fork(),
    read: poolSqlRead(orm.em),
    async ping() {
      await orm.em.getConnection().execute('select 1');
    },
    close: () => orm.close(true),
  };
}

/** Creates a database on the server `adminUrl` points at, unless it exists; returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
