import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '../embedded-postgres.ts';

/**
 * The PostgreSQL server a test run uses, in order of preference: TEST_DATABASE_URL; a testcontainers
 * PostgreSQL when a Docker engine answers; otherwise an embedded server in a throw-away folder.
 * Every test file then gets its own database on it (see test-database.ts).
 */
export async function startTestPostgres(): Promise<RunningPostgres & { kind: string }> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { kind: 'TEST_DATABASE_URL', url: given, stop: async () => {} };

  const container = await tryStartContainer();
  if (container) return container;

  const dir = await mkdtemp(join(tmpdir(), 'commerce-test-pg-'));
  // As root, PostgreSQL runs as its own system user, which must be able to reach the data folder.
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port: await freePort(), persistent: false });
  return {
    kind: 'embedded',
    url: server.url,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function tryStartContainer(): Promise<(RunningPostgres & { kind: string }) | null> {
  // Asking testcontainers when no engine exists costs seconds of probing; a missing socket answers at once.
  if (!process.env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return null;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
  } catch {
    return null;
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  // As for the embedded server: subgraphs' pools outgrow the default of 100 connections.
  const container = await new PostgreSqlContainer('postgres:18-alpine').withCommand(['postgres', '-c', 'max_connections=300']).start();
  return { kind: 'testcontainers', url: container.getConnectionUri(), stop: async () => void (await container.stop()) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
