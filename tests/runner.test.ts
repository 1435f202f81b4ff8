import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, postGraphQL } from '#kit/testing/index.ts';
import { subgraphs } from '../subgraphs/index.ts';

const root = resolve(import.meta.dirname, '..');
let runner: ChildProcess | undefined;
let dataDir: string | undefined;
let output = '';

afterAll(async () => {
  if (runner && runner.exitCode === null && runner.signalCode === null) {
    runner.kill('SIGINT');
    await new Promise((done) => runner!.once('exit', done));
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function waitFor(pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`timed out waiting for ${pattern}; output:\n${output.slice(-3000)}`)), timeoutMs);
    const check = () => {
      if (pattern.test(output)) {
        clearTimeout(timer);
        done();
      }
    };
    runner!.stdout!.on('data', check);
    runner!.once('exit', (code) => fail(new Error(`runner exited with ${code}; output:\n${output.slice(-3000)}`)));
    check();
  });
}

const LISTING = '{ products(first: 20) { nodes { title variants(first: 5) { nodes { sku quantityAvailable } } } } }';

/**
 * Posts the listing as fast as it answers until the gateway refuses connections. A connection dropped
 * before a response (the gateway closing a keep-alive socket as it stops) is counted, not failed.
 */
async function loadUntilRefused(gateway: string, tally: { ok: number; okWhileStopping: number; dropped: number; bad: string[] }, stopping: () => boolean) {
  for (;;) {
    let response: Response;
    try {
      response = await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LISTING }) });
    } catch (error: any) {
      if (error?.cause?.code === 'ECONNREFUSED') return;
      tally.dropped++;
      continue;
    }
    // Unreadable (not JSON, or cut off mid-body) counts as bad.
    const result: any = await response.json().catch(() => undefined);
    if (response.status === 200 && result?.data && !result.errors) {
      tally.ok++;
      if (stopping()) tally.okWhileStopping++;
    } else {
      tally.bad.push(`${response.status} ${JSON.stringify(result)?.slice(0, 300)}`);
    }
  }
}

async function untilReady(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // restarting
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${url} not ready`);
}

describe('npm start', () => {
  it('starts from an empty data folder, serves the seeded catalog, restarts a crashed subgraph and stops on Ctrl-C', { timeout: 240_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'commerce-runner-'));
    // As root, the embedded PostgreSQL runs as its own user, which must reach the folder.
    await chmod(dataDir, 0o755);
    const ports: Record<string, number> = { PORT: await freePort(), EMBEDDED_POSTGRES_PORT: await freePort() };
    for (const { name } of subgraphs) ports[`${name.toUpperCase()}_PORT`] = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_STAFF_EMAIL: 'boss@example.com', SEED_STAFF_PASSWORD: 'runner-test-password' };
    for (const [key, value] of Object.entries(ports)) env[key] = String(value);
    for (const key of ['DATABASE_URL', 'KEYS_DIR', 'EVENTS_DATABASE_URL', 'EVENTS_ROLE', ...subgraphs.map((s) => `${s.name.toUpperCase()}_DATABASE_URL`)]) delete env[key];

    // Its own process group, so that SIGINT to the group reaches every process as a terminal's Ctrl-C does.
    runner = spawn(process.execPath, [join(root, 'scripts/start.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    runner.stdout!.on('data', (chunk) => (output += chunk));
    runner.stderr!.on('data', (chunk) => (output += chunk));
    await waitFor(/is ready: http:\/\/localhost:\d+\/graphql/, 200_000);

    const gateway = `http://127.0.0.1:${ports.PORT}/graphql`;
    expect((await fetch(`http://127.0.0.1:${ports.PORT}/health/ready`)).status).toBe(200);

    // The whole seeded catalog is served: page through it.
    let count = 0;
    let after: string | null = null;
    do {
      const result: any = await postGraphQL(gateway, 'query ($after: String) { products(first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }', { after });
      expect(result.errors).toBeUndefined();
      count += result.data.products.nodes.length;
      after = result.data.products.pageInfo.hasNextPage ? result.data.products.pageInfo.endCursor : null;
    } while (after);
    expect(count).toBeGreaterThanOrEqual(1000);

    const stock = await postGraphQL(gateway, '{ products(first: 3) { nodes { variants(first: 4) { nodes { quantityAvailable } } } } }');
    expect(stock.errors).toBeUndefined();

    const login = await postGraphQL(gateway, 'mutation { customerAccessTokenCreate(input: { email: "boss@example.com", password: "runner-test-password" }) { customerAccessToken { accessToken } userErrors { code } } }');
    expect(login.data!.customerAccessTokenCreate.customerAccessToken.accessToken).toBeTruthy();

    // A crashed subgraph comes back by itself.
    const pid = Number(execFileSync('pgrep', ['-P', String(runner.pid), '-f', 'products/src/main.ts']).toString().trim().split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await untilReady(`http://127.0.0.1:${ports.PRODUCTS_PORT}/health/ready`, 30_000);
    const again = await postGraphQL(gateway, '{ products(first: 1) { nodes { id } } }');
    expect(again.errors).toBeUndefined();

    // Ctrl-C under load: whatever was accepted is answered in full before the database goes away.
    const tally = { ok: 0, okWhileStopping: 0, dropped: 0, bad: [] as string[] };
    let stopping = false;
    const exited = new Promise((done) => runner!.once('exit', done));
    const load = Promise.all(Array.from({ length: 8 }, () => loadUntilRefused(gateway, tally, () => stopping)));
    while (tally.ok + tally.bad.length < 40) await new Promise((done) => setTimeout(done, 50));
    stopping = true;
    process.kill(-runner.pid!, 'SIGINT');
    const code = await exited;
    await load;
    expect(tally.bad).toEqual([]);
    expect(tally.okWhileStopping).toBeGreaterThan(0);
    expect(output.split('\n').filter((line) => /"level":(50|60)\b/.test(line))).toEqual([]);
    expect(code).toBe(0);
    await expect(fetch(`http://127.0.0.1:${ports.PRODUCTS_PORT}/health/live`)).rejects.toThrow();
    await expect(fetch(gateway)).rejects.toThrow();
  });
});
