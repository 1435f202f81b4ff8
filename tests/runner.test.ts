import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
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

/**
 * A guest checkout through the gateway, then the payment confirmed on the runner's stripe-local, which
 * delivers the signed webhook to the gateway's /webhooks/stripe; the order, read by staff, is PAID.
 */
async function checkoutIsPaid(gateway: string, stripeLocal: string, staffToken: string) {
  const catalog = await postGraphQL(gateway, '{ products(first: 10) { nodes { variants(first: 3) { nodes { id quantityAvailable } } } } }');
  const variant = catalog.data!.products.nodes.flatMap((product: any) => product.variants.nodes).find((v: any) => v.quantityAvailable > 0);
  const cart = await postGraphQL(gateway, 'mutation ($input: CartInput) { cartCreate(input: $input) { cart { id } userErrors { code } } }', {
    input: { lines: [{ merchandiseId: variant.id, quantity: 1 }] },
  });
  const checkout = await postGraphQL(
    gateway,
    'mutation ($cartId: ID!) { checkoutComplete(cartId: $cartId, idempotencyKey: "runner-test") { order { id status } paymentIntentClientSecret userErrors { code message } } }',
    { cartId: cart.data!.cartCreate.cart.id },
  );
  expect(checkout.errors, JSON.stringify(checkout.errors)).toBeUndefined();
  const { order, paymentIntentClientSecret, userErrors } = checkout.data!.checkoutComplete;
  expect(userErrors).toEqual([]);
  expect(order.status).toBe('PENDING_PAYMENT');
  const intentId = paymentIntentClientSecret.split('_secret_')[0];
  const confirmed = await fetch(`${stripeLocal}/_local/payment_intents/${intentId}/succeed`, { method: 'POST' });
  expect(confirmed.status).toBe(200);
  const { delivery } = (await confirmed.json()) as { delivery: { url: string; status: number } };
  expect(delivery).toMatchObject({ url: gateway.replace(/\/graphql$/, '/webhooks/stripe'), status: 200 });
  const read = await postGraphQL(gateway, 'query ($id: ID!) { order(id: $id) { status } }', { id: order.id }, { authorization: `Bearer ${staffToken}` });
  expect(read.data).toEqual({ order: { status: 'PAID' } });
}

describe('npm start', () => {
  it('starts from an empty data folder, serves the seeded catalog, takes a payment offline, restarts a crashed subgraph and stops on Ctrl-C', { timeout: 240_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'commerce-runner-'));
    // As root, the embedded PostgreSQL runs as its own user, which must reach the folder.
    await chmod(dataDir, 0o755);
    const ports: Record<string, number> = { PORT: await freePort(), EMBEDDED_POSTGRES_PORT: await freePort(), STRIPE_LOCAL_PORT: await freePort() };
    for (const { name } of subgraphs) ports[`${name.toUpperCase()}_PORT`] = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_STAFF_EMAIL: 'boss@example.com', SEED_STAFF_PASSWORD: 'runner-test-password' };
    for (const [key, value] of Object.entries(ports)) env[key] = String(value);
    const unset = ['DATABASE_URL', 'KEYS_DIR', 'EVENTS_DATABASE_URL', 'EVENTS_ROLE', 'MAIL_DIR', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_URL'];
    for (const key of [...unset, ...subgraphs.map((s) => `${s.name.toUpperCase()}_DATABASE_URL`)]) delete env[key];

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
    const staffToken = login.data!.customerAccessTokenCreate.customerAccessToken.accessToken;
    expect(staffToken).toBeTruthy();

    // Payments offline: no STRIPE_SECRET_KEY, so stripe-local runs with a key and webhook secret kept in the dev config.
    const stripeLocal = `http://127.0.0.1:${ports.STRIPE_LOCAL_PORT}`;
    expect(output).toContain(`payments: local Stripe-compatible server ${stripeLocal}, webhooks to http://127.0.0.1:${ports.PORT}/webhooks/stripe`);
    expect(output).toContain(`mail (development): ${join(dataDir, 'mail')}`);
    // The storefront and the till, from the gateway's origin, with the offline card form configured.
    expect(output).toContain(`storefront: http://localhost:${ports.PORT}/   POS: http://localhost:${ports.PORT}/pos/`);
    for (const page of ['/', '/pos/']) {
      const html = await (await fetch(`http://127.0.0.1:${ports.PORT}${page}`)).text();
      expect(html, page).toContain('<meta name="sgc-payments" content="{&quot;mode&quot;:&quot;local&quot;}" />');
      expect(html, page).toMatch(new RegExp(`src="${page}assets/[\\w-]+\\.js"`));
    }
    const devConfig = JSON.parse(await readFile(join(dataDir, 'dev-config.json'), 'utf8'));
    expect(devConfig.STRIPE_LOCAL_SECRET_KEY).toMatch(/^sk_test_\w+$/);
    expect(devConfig.STRIPE_LOCAL_WEBHOOK_SECRET).toMatch(/^whsec_\w+$/);
    await checkoutIsPaid(gateway, stripeLocal, staffToken);

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
    await expect(fetch(`http://127.0.0.1:${ports.STRIPE_LOCAL_PORT}/health/live`)).rejects.toThrow();
    await expect(fetch(gateway)).rejects.toThrow();
  });
});
