import type { TestProject } from 'vitest/node';
import { startTestPostgres } from '#kit/testing/postgres-server.ts';

/** One PostgreSQL server for the whole run; each test file creates its own database on it. */
export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  process.stdout.write(`tests use PostgreSQL from ${server.kind}\n`);
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
