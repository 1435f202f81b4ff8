import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { GATEWAY, openDatabase, provisionRoles, writeKeySet } from '#kit';
import { createTestDatabase, startTestSubgraph } from '#kit/testing/index.ts';
import { customers } from '../../subgraphs/customers/src/subgraph.ts';
import { inventory } from '../../subgraphs/inventory/src/subgraph.ts';
import { subgraphs } from '../../subgraphs/index.ts';

const root = resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups) await cleanup();
});

const prefixOf = (url: string) => `${new URL(url).pathname.slice(1)}_`;
const passwordOf = (role: string) => `test-password-${role}`;

describe('schema ownership, enforced by PostgreSQL', () => {
  it('the products role cannot read the customers schema', async () => {
    const databaseUrl = await createTestDatabase('ownership');
    const customersSubgraph = await startTestSubgraph(customers, databaseUrl, { events: false });
    cleanups.push(() => customersSubgraph.close());
    const roles = await provisionRoles(databaseUrl, { subgraphs: subgraphs.map((s) => s.name), prefix: prefixOf(databaseUrl), passwordOf });

    const asProducts = new pg.Client({ connectionString: roles.urlFor('products') });
    await asProducts.connect();
    try {
      const attempt = asProducts.query('select password_hash from customers.customer');
      await expect(attempt).rejects.toMatchObject({ code: '42501' }); // insufficient_privilege
      await expect(asProducts.query('create table customers.intruder (id int)')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await asProducts.end();
    }
    // Its owner reads it as usual.
    expect(await customersSubgraph.sql('select count(*)::int as n from customer')).toEqual([{ n: 0 }]);
  });
});

describe('migrations under an advisory lock', () => {
  it('two processes of one subgraph started together on an empty database both come up, having migrated once', { timeout: 90_000 }, async () => {
    const databaseUrl = await createTestDatabase('migrate_race');
    const roles = await provisionRoles(databaseUrl, { subgraphs: [inventory.name], prefix: prefixOf(databaseUrl), passwordOf });
    const keysDir = await mkdtemp(join(tmpdir(), 'keys-'));
    cleanups.push(() => rm(keysDir, { recursive: true, force: true }));
    writeKeySet(keysDir, [GATEWAY, inventory.name]);

    const start = () => {
      const child = spawn(process.execPath, [join(root, 'subgraphs/inventory/src/main.ts')], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: '0', DATABASE_URL: roles.urlFor('inventory'), EVENTS_ROLE: roles.eventsRole, KEYS_DIR: keysDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let output = '';
      return new Promise<string>((ready, fail) => {
        const look = (chunk: Buffer) => {
          output += chunk;
          const match = /"url":"(http:\/\/[^"]+)".*subgraph ready/.exec(output);
          if (match) ready(match[1]!);
        };
        child.stdout!.on('data', look);
        child.stderr!.on('data', look);
        child.once('exit', (code) => fail(new Error(`exited with ${code}:\n${output}`)));
      });
    };
    const urls = await Promise.all([start(), start()]);
    for (const url of urls) expect((await fetch(url.replace('/graphql', '/health/ready'))).status).toBe(200);

    const client = new pg.Client({ connectionString: roles.urlFor('inventory') });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; n: number }>('select name, count(*)::int as n from inventory.mikro_orm_migrations group by name');
      expect(rows.length).toBe(inventory.migrations.length + 1); // its own and the kit's outbox tables
      expect(rows.every((row) => row.n === 1)).toBe(true);
    } finally {
      await client.end();
    }
  });
});

describe('deploy/roles.sql', () => {
  it('sets up a database in which each subgraph migrates as its own role', { timeout: 60_000 }, async () => {
    const databaseUrl = await createTestDatabase('roles_sql');
    // Roles are cluster-wide: the file's names get this database's prefix, so runs never collide.
    const prefix = prefixOf(databaseUrl);
    const sql = readFileSync(join(root, 'deploy/roles.sql'), 'utf8').replaceAll('commerce_', prefix);
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
    for (const definition of subgraphs) {
      const url = new URL(databaseUrl);
      url.username = `${prefix}${definition.name}`;
      url.password = `dev-only-${definition.name}-password`;
      const db = await openDatabase({ schema: definition.name, url: url.toString(), entities: definition.entities, migrations: definition.migrations });
      try {
        await db.migrate();
      } finally {
        await db.close();
      }
    }
  });
});

describe('npm run migrate', () => {
  it('migrates every subgraph as its own role and declares every event subscription, then exits', { timeout: 60_000 }, async () => {
    const databaseUrl = await createTestDatabase('migrate_script');
    const roles = await provisionRoles(databaseUrl, { subgraphs: subgraphs.map((s) => s.name), prefix: prefixOf(databaseUrl), passwordOf });
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', EVENTS_ROLE: roles.eventsRole };
    delete env.DATABASE_URL;
    for (const { name } of subgraphs) env[`${name.toUpperCase()}_DATABASE_URL`] = roles.urlFor(name);
    await promisify(execFile)(process.execPath, [join(root, 'scripts/migrate.ts')], { cwd: root, env });

    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      for (const definition of subgraphs) {
        const { rows } = await admin.query(`select count(*)::int as n from ${definition.name}.mikro_orm_migrations`);
        expect(rows[0].n, definition.name).toBe(definition.migrations.length + 1);
      }
      const subscriptions = await admin.query('select event, name from pgboss.subscription order by name');
      const expected = subgraphs.flatMap((s) => Object.keys(s.subscribers ?? {}).map((event) => ({ event, name: `${s.name}.${event}` })));
      expect(subscriptions.rows).toEqual(expect.arrayContaining(expected));
      expect(expected.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
  });
});
