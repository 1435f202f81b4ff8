import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { ensureDatabase } from '../database.ts';
import { dropRoles } from '../roles.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test run's PostgreSQL server, provided by tests/support/global-setup.ts. */
    postgresUrl: string;
    /** Prefix of this run's databases, so the run's teardown drops exactly those. */
    testDatabasePrefix: string;
  }
}

/**
 * A fresh, empty database for one test file, so files run in parallel without seeing each other's rows.
 * Migrations then run in it exactly as in production.
 */
export async function createTestDatabase(label = 'test'): Promise<string> {
  const name = `${inject('testDatabasePrefix')}${label.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(6).toString('hex')}`;
  return ensureDatabase(inject('postgresUrl'), name);
}

/** Drops the databases and roles a test run created (on a shared server, TEST_DATABASE_URL, they would pile up). */
export async function dropTestDatabases(adminUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await client.end();
  }
  await dropRoles(adminUrl, prefix);
}
