import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { ensureDatabase } from '../database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test run's PostgreSQL server, provided by tests/support/global-setup.ts. */
    postgresUrl: string;
  }
}

/**
 * A fresh, empty database for one test file, so files run in parallel without seeing each other's rows.
 * Migrations then run in it exactly as in production.
 */
export async function createTestDatabase(label = 'test'): Promise<string> {
  const name = `${label.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(6).toString('hex')}`;
  return ensureDatabase(inject('postgresUrl'), name);
}
