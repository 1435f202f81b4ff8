import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '#kit';
import { freePort } from '#kit/testing/index.ts';

/** How long any one request may take before it counts as hung: far above any answer, fast or failed. */
export const HANG_MS = 20_000;

/** What one request through the gateway came back with. */
export interface Answer {
  /** HTTP status, or 0 when no response came (refused, reset) and -1 when none came within HANG_MS. */
  status: number;
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
  /** The raw body, to check that nothing internal leaks. */
  text: string;
}

/** POSTs an operation, bounded by HANG_MS; never throws. */
export async function send(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(HANG_MS),
    });
    const text = await response.text();
    let body: { data?: unknown; errors?: Answer['errors'] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the text is kept for the assertion that reports it
    }
    return { status: response.status, data: body.data, errors: body.errors, text };
  } catch (error) {
    return { status: (error as Error).name === 'TimeoutError' ? -1 : 0, text: String((error as Error).message) };
  }
}

/** The error codes of an answer, in order ('none' for an error without one). */
export const codesOf = (answer: Answer) => (answer.errors ?? []).map((error) => error.extensions?.code ?? 'none');

/** Strings that would mean an internal detail reached a client. */
export const LEAKS = ['stacktrace', 'serviceName', 'ECONNREFUSED', '127.0.0.1', 'select ', 'insert ', '    at ', 'terminating connection', 'Connection terminated'];

/**
 * Runs `workers` loops of `step` until stopped; a step never throws (it records what it saw). `stop`
 * resolves when every loop has finished its step in hand.
 */
export function loop(workers: number, step: (worker: number) => Promise<void>): { stop(): Promise<void> } {
  let running = true;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    while (running) await step(worker);
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Polls until `done()` holds; fails with `what` after `timeoutMs` (a bound on recovery, not a timing assertion). */
export async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A PostgreSQL server of the test's own, in a throw-away folder, that it may stop and start again on the same port. */
export interface RestartablePostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it (if running) and deletes its folder. */
  remove(): Promise<void>;
}

export async function restartablePostgres(): Promise<RestartablePostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'commerce-resilience-pg-'));
  // As root, PostgreSQL runs as its own system user, which must be able to reach the data folder.
  await chmod(dir, 0o755);
  const port = await freePort();
  let server: RunningPostgres | null = null;
  const start = async () => {
    server = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port, persistent: true });
  };
  await start();
  return {
    url: server!.url,
    async stop() {
      await server?.stop();
      server = null;
    },
    start,
    async remove() {
      await server?.stop();
      server = null;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
