import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GATEWAY, writeKeySet } from '#kit';
import { createTestDatabase, freePort } from '#kit/testing/index.ts';
import { subgraphs } from '../subgraphs/index.ts';

const root = resolve(import.meta.dirname, '..');
let runner: ChildProcess | undefined;
let keysDir: string | undefined;

afterAll(async () => {
  if (runner && runner.exitCode === null && runner.signalCode === null) {
    runner.kill('SIGINT');
    await new Promise((done) => runner!.once('exit', done));
  }
  if (keysDir) await rm(keysDir, { recursive: true, force: true });
});

/** The environment without anything `npm start` could pick up from the test run's own. */
function productionEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...extra };
  for (const key of ['DATABASE_URL', 'KEYS_DIR', 'EVENTS_ROLE', 'STRIPE_API_URL', 'SEED_DEMO_DATA', 'PERSISTED_OPERATIONS_DIR', ...subgraphs.map((s) => `${s.name.toUpperCase()}_DATABASE_URL`)]) {
    if (!(key in extra)) delete env[key];
  }
  return env;
}

function start(env: NodeJS.ProcessEnv): { process: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, [join(root, 'scripts/start.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { process: child, output: () => output, exited: new Promise((done) => child.once('exit', done)) };
}

describe('NODE_ENV=production npm start', () => {
  it('stops at once, naming what is missing, when DATABASE_URL and KEYS_DIR are not set', async () => {
    const run = start(productionEnv({ STRIPE_SECRET_KEY: 'sk_test_runner', STRIPE_WEBHOOK_SECRET: 'whsec_runner' }));
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/needs DATABASE_URL, KEYS_DIR: production generates nothing/);
  });

  it('runs every process in production mode on the given database and keys: persisted operations only', { timeout: 180_000 }, async () => {
    keysDir = await mkdtemp(join(tmpdir(), 'commerce-prod-keys-'));
    writeKeySet(keysDir, [GATEWAY, ...subgraphs.map((s) => s.name)]);
    const port = await freePort();
    const ports: Record<string, string> = { PORT: String(port) };
    for (const { name } of subgraphs) ports[`${name.toUpperCase()}_PORT`] = String(await freePort());
    const run = start(
      productionEnv({ DATABASE_URL: await createTestDatabase('runner_production'), KEYS_DIR: keysDir, STRIPE_SECRET_KEY: 'sk_test_runner', STRIPE_WEBHOOK_SECRET: 'whsec_runner', ...ports }),
    );
    runner = run.process;
    const deadline = Date.now() + 150_000;
    while (!/is ready \(production\)/.test(run.output())) {
      if (runner.exitCode !== null || Date.now() > deadline) throw new Error(`runner did not become ready:\n${run.output().slice(-3000)}`);
      await new Promise((done) => setTimeout(done, 200));
    }
    const gateway = `http://127.0.0.1:${port}/graphql`;

    // Every process it started runs with NODE_ENV=production.
    const children = execFileSync('pgrep', ['-P', String(runner.pid)]).toString().trim().split('\n');
    expect(children).toHaveLength(subgraphs.length + 1);
    for (const pid of children) expect((await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0')).toContain('NODE_ENV=production');

    const adHoc = await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json', 'apollographql-client-name': 'web' }, body: '{"query":"{ products(first: 1) { nodes { id } } }"}' });
    expect(adHoc.status).toBe(400);
    expect(((await adHoc.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_REQUIRED');

    // Not seeded (SEED_DEMO_DATA is unset): a persisted listing answers, empty.
    const web = JSON.parse(await readFile(join(root, 'schema/persisted/web.json'), 'utf8')) as { operations: { id: string; name: string }[] };
    const listing = web.operations.find((op) => op.name === 'ProductListing')!;
    const persisted = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollographql-client-name': 'web' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: listing.id } }, variables: { first: 5 } }),
    });
    expect(await persisted.json()).toMatchObject({ data: { products: { nodes: [] } } });

    process.kill(-runner.pid!, 'SIGINT');
    expect(await run.exited).toBe(0);
  });
});
