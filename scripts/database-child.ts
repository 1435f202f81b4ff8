import { resolve } from 'node:path';
import type { SeedOptions } from '#kit/subgraph-definition.ts';
import { runOnce } from './one-shot.ts';

/** What the runner asks of prepare-database-cli.ts, as JSON in PREPARE_DATABASE_REQUEST. */
export interface PrepareRequest {
  /** The server and database, as DATABASE_URL gives it (or the embedded server's). */
  databaseUrl: string;
  /** Development: create this database on that server unless it exists, and use it. */
  createDatabase?: string;
  /** Development: a login role per subgraph named `<prefix><name>`, its password an HMAC of this secret. */
  roles?: { prefix: string; secret: string };
  /** The subgraphs given a database of their own (<NAME>_DATABASE_URL): they keep it. */
  ownUrls: Record<string, string>;
  /** The event queue's database and role (EVENTS_DATABASE_URL, EVENTS_ROLE); each subgraph's own by default. */
  events?: { url?: string; role?: string };
  /** Seed the demo data into domains that are still empty; leave out to only migrate. */
  seed?: SeedOptions;
}

/** What it answers: where each subgraph connects, now that its schema is migrated (and seeded). */
export interface PreparedDatabase {
  /** The database URL as the administrator: DATABASE_URL, or the created database's. */
  adminUrl: string;
  /** Per subgraph, the URL it logs in with: its own, its role's, or adminUrl. */
  urls: Record<string, string>;
  /** The events role, when roles were provisioned. */
  eventsRole?: string;
  seeded: string[];
}

/**
 * Prepares the database (migrations, event queues, the seed) in a process of its own that exits when
 * done, so that the runner, which lives as long as the services, never loads the ORM, the subgraphs'
 * entities and resolvers, or the seed data.
 */
export async function prepareDatabaseInChild(request: PrepareRequest): Promise<PreparedDatabase> {
  const script = resolve(import.meta.dirname, 'prepare-database-cli.ts');
  const result = await runOnce<PreparedDatabase>('preparing the database', [script], { ...process.env, PREPARE_DATABASE_REQUEST: JSON.stringify(request) });
  if (!result) throw new Error('preparing the database ended without its result');
  return result;
}
