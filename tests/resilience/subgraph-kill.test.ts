import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, GATEWAY, provisionRoles } from '#kit';
import { testKeyRing } from '#kit/testing/index.ts';
import { Supervisor } from '../../scripts/supervisor.ts';
import { subgraphs } from '../../subgraphs/index.ts';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph.ts';
import { codesOf, LEAKS, loop, send, until, type Answer } from './support.ts';

/**
 * A subgraph killed (SIGKILL) under load, with the runner's own Supervisor restarting it. Inventory runs
 * as a real process (its `main.ts`, as `npm start` runs it); the other subgraphs and the gateway run in
 * this process, which keeps the test to one spawn instead of the runner's seven (tests/runner.test.ts
 * pays for those once). While inventory is down, operations that need it are answered at once with
 * partial data: the products, titles and SKUs, `quantityAvailable` null and a SERVICE_UNAVAILABLE error on
 * those fields, nothing internal; those that do not are answered in full; once the Supervisor has
 * restarted it, full answers resume.
 */
let system: TestSupergraph;
let supervisor: Supervisor | undefined;
let keysDir: string | undefined;

const root = resolve(import.meta.dirname, '..', '..');
const WITH_STOCK = '{ products(first: 10) { nodes { title variants(first: 3) { nodes { sku quantityAvailable } } } } }';
const PRODUCTS_ONLY = '{ products(first: 10) { nodes { title variants(first: 3) { nodes { sku } } } } }';

beforeAll(async () => {
  system = await startTestSupergraph({ seed: 'small' });
  const inventoryUrl = system.urls.inventory!;
  await system.subgraphs.inventory!.close();
  // The same keys the in-process services sign with, as files, for the process to load (KEYS_DIR).
  keysDir = await mkdtemp(join(tmpdir(), 'commerce-resilience-keys-'));
  const ring = testKeyRing('inventory');
  await writeFile(join(keysDir, 'inventory.key'), ring.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  for (const principal of [GATEWAY, ...subgraphs.map((s) => s.name)]) {
    await writeFile(join(keysDir, `${principal}.pub`), ring.publicKey(principal)!.export({ type: 'spki', format: 'pem' }));
  }
  // The role the harness made for inventory in this database (subgraph-harness.ts).
  const roles = await provisionRoles(system.databaseUrl, {
    subgraphs: ['inventory'],
    prefix: `${new URL(system.databaseUrl).pathname.slice(1)}_`,
    passwordOf: (role) => `test-password-${role}`,
  });
  const port = new URL(inventoryUrl).port;
  supervisor = new Supervisor(createLogger('runner'));
  await supervisor.start({
    name: 'inventory',
    args: [join(root, 'subgraphs/inventory/src/main.ts')],
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(system.urls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url])),
      DATABASE_URL: roles.urlFor('inventory'),
      EVENTS_ROLE: roles.eventsRole,
      KEYS_DIR: keysDir,
      PORT: port,
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    readyUrl: inventoryUrl.replace('/graphql', '/health/ready'),
  });
}, 120_000);

afterAll(async () => {
  await supervisor?.stopAll();
  // Inventory's in-process server was closed already.
  await system?.close().catch(() => {});
  if (keysDir) await rm(keysDir, { recursive: true, force: true });
});

const inventoryPid = () => Number(execFileSync('pgrep', ['-P', String(process.pid), '-f', 'inventory/src/main.ts']).toString().trim().split('\n')[0]);
const isFull = (answer: Answer) =>
  answer.status === 200 && !answer.errors && answer.data?.products?.nodes?.length > 0 && answer.data.products.nodes.every((p: any) => p.variants.nodes.every((v: any) => typeof v.quantityAvailable === 'number'));

describe('a subgraph killed under load', () => {
  it('is answered as SERVICE_UNAVAILABLE while down, restarted by the Supervisor, and full answers resume', { timeout: 120_000 }, async () => {
    expect(isFull(await send(system.url, WITH_STOCK))).toBe(true);
    type Phase = 'before' | 'down' | 'after';
    let phase: Phase = 'before';
    const stock: { phase: Phase; answer: Answer }[] = [];
    const productsOnly: Answer[] = [];
    const readers = loop(4, async () => {
      const answer = await send(system.url, WITH_STOCK);
      // The phase when the answer came: a request in flight at the kill fails, and counts as 'down'.
      stock.push({ phase, answer });
    });
    const others = loop(2, async () => void productsOnly.push(await send(system.url, PRODUCTS_ONLY)));
    let killed = 0;
    let restarted = 0;
    try {
      await until('answers before the kill', () => stock.length >= 20);
      killed = inventoryPid();
      phase = 'down';
      process.kill(killed, 'SIGKILL');
      await until('the Supervisor restarts inventory', async () => {
        try {
          restarted = inventoryPid();
          return restarted !== killed && (await fetch(system.urls.inventory!.replace('/graphql', '/health/ready'))).ok;
        } catch {
          return false;
        }
      });
      phase = 'after';
      // Recovery: twenty full answers in a row.
      await until('full answers after the restart', () => stock.length >= 20 && stock.slice(-20).every((entry) => entry.phase === 'after' && isFull(entry.answer)));
    } finally {
      await Promise.all([readers.stop(), others.stop()]);
    }

    expect(restarted).not.toBe(killed);
    // Every request was answered: none hung, none dropped by the gateway.
    expect([...stock.map((entry) => entry.answer), ...productsOnly].filter((answer) => answer.status <= 0).map((answer) => answer.text)).toEqual([]);
    // What does not need inventory never noticed.
    expect(productsOnly.filter((answer) => answer.status !== 200 || answer.errors)).toEqual([]);
    // What needs it: full, or partial — every product and SKU there, the stock null, and a clear
    // SERVICE_UNAVAILABLE on the stock fields that says nothing internal.
    const failed = stock.filter((entry) => !isFull(entry.answer));
    expect(failed.filter((entry) => entry.phase === 'before')).toEqual([]);
    expect(failed.length).toBeGreaterThan(0);
    for (const { answer } of failed) {
      expect(answer.status).toBe(200);
      expect(codesOf(answer)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(answer.errors![0]!.message).toBe('A service is unavailable right now; try again.');
      const products = answer.data?.products?.nodes as { title: string; variants: { nodes: { sku: string; quantityAvailable: number | null }[] } }[];
      expect(products.length).toBe(10);
      for (const product of products) {
        expect(product.title).toBeTruthy();
        for (const variant of product.variants.nodes) expect(variant).toEqual({ sku: expect.any(String), quantityAvailable: null });
      }
      for (const leak of LEAKS) expect(answer.text, leak).not.toContain(leak);
    }
    console.info(`inventory killed under load: ${stock.length} listings with stock, ${failed.length} SERVICE_UNAVAILABLE; ${productsOnly.length} products-only listings, all full`);
  });
});
