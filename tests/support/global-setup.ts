import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from '#kit/testing/postgres-server.ts';
import { dropTestDatabases } from '#kit/testing/test-database.ts';

/** One PostgreSQL server for the whole run; each test file creates its own database on it. */
export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  const prefix = `sct_${randomBytes(3).toString('hex')}_`;
  process.stdout.write(`tests use PostgreSQL from ${server.kind}\n`);
  project.provide('postgresUrl', server.url);
  project.provide('testDatabasePrefix', prefix);
  return async () => {
    await dropTestDatabases(server.url, prefix);
    await server.stop();
  };
}
