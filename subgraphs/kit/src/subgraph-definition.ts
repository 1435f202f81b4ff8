import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { RequestContext } from './context.ts';
import type { Database, EntityClass, MigrationClass } from './database.ts';
import type { Subscriber, Worker } from './events/bus.ts';
import type { Route } from './http.ts';
import type { Viewer } from './identity.ts';
import type { PermissionTable } from './permissions.ts';
import type { SqlRead } from './sql-read.ts';

export interface LoaderScope {
  /** The request's EntityManager, forked on first access: take it inside a batch function, not at creation, to fork only when a batch needs it. */
  readonly em: EntityManager;
  /** The request's reads with bound parameters, on the pool, without an EntityManager (sql-read.ts). */
  readonly read: SqlRead;
  readonly viewer: Viewer;
}

/** What a seed is asked for: `full` is the demo (`npm start`), `small` keeps flow tests fast. */
export interface SeedOptions {
  size: 'small' | 'full';
  staff: { email: string; password: string };
}

/**
 * A subgraph is data, and this is all of it: the runner, migrations, the seed, composition, codegen,
 * docker-compose's test and the test harness read it, so adding a domain is a folder plus a line in
 * subgraphs/index.ts.
 */
export interface SubgraphDefinition<TLoaders = unknown> {
  /** Lower-case name; also its PostgreSQL schema, its key's name and the prefix of its variables. */
  name: string;
  /** Default port (PORT or <NAME>_PORT override it). */
  port: number;
  /** The subgraph's SDL file. */
  schemaPath: URL;
  /** Typed by the subgraph with its generated `Resolvers`. */
  resolvers: object;
  /** Who may run each Query and Mutation field; a field without an entry fails the build. */
  permissions: PermissionTable;
  entities: EntityClass[];
  migrations: MigrationClass[];
  createLoaders(scope: LoaderScope): TLoaders;
  /** Event type → what this subgraph does when another emits it (at least once; applied once). */
  subscribers?: Record<string, Subscriber>;
  /** Scheduled jobs, started and stopped with the process. */
  workers?: Record<string, Worker>;
  /** The subgraphs this one calls; their `<NAME>_URL` must be set where it runs. */
  calls?: string[];
  /** Variables it reads beyond those every subgraph shares (docker-compose passes them through from the host). */
  env?: string[];
  /**
   * Demo data for an empty database, as the subgraph itself. Seeds run in the order of
   * subgraphs/index.ts, each after the events of those before it were applied.
   */
  seed?(ctx: RequestContext<TLoaders>, options: SeedOptions): Promise<{ created: boolean }>;
  /** Codegen's mappers for this subgraph's resolver types (codegen.yml is checked against them). */
  codegen?: { contextType: string; mappers: Record<string, string> };
  /** Extra HTTP routes (webhooks); each may build a context for its own work. */
  routes?(deps: { db: Database; log: Logger; context(viewer?: Viewer): RequestContext<TLoaders> }): Record<string, Route>;
}

export function defineSubgraph<TLoaders>(definition: SubgraphDefinition<TLoaders>): SubgraphDefinition<TLoaders> {
  return definition;
}
