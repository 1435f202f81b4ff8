import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from '#kit/testing/postgres-server.ts';
import { dropTestDatabases } from '#kit/testing/test-database.ts';
import { APPS, buildApps, buildIsStale } from '../../scripts/build.ts';

/** One PostgreSQL server for the whole run; each test file creates its own database on it. */
export default async function setup(project: TestProject) {
  // The apps' browser tests serve these builds; built once here so parallel test files never race a build.
  const stale = APPS.filter((app) => buildIsStale(app.name)).map((app) => app.name);
  // A broken build fails the apps' tests (they build again and report it), not every other test file.
  if (stale.length > 0) await buildApps(stale).catch((error: Error) => process.stdout.write(`apps build failed: ${error.message.split('\n')[0]}\n`));
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
