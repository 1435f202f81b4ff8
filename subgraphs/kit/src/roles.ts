import pg from 'pg';
import { EVENTS_SCHEMA } from './events/bus.ts';

/**
 * Schema ownership enforced by PostgreSQL: each subgraph logs in as its own role, which owns its schema
 * and has no rights on any other, so products cannot read `customers.customer` even by mistake. The
 * event queue's schema (`pgboss`) belongs to a shared events role that every subgraph role may act as.
 * The README shows the same setup as plain SQL for production; development and tests run this.
 */
export interface ProvisionedRoles {
  /** The subgraph's database URL, logging in as its own role. */
  urlFor(subgraph: string): string;
  roleOf(subgraph: string): string;
  eventsRole: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENTIFIER.test(name) || name.length > 63) throw new Error(`Unsafe identifier: ${name}`);
  return `"${name}"`;
}

/**
 * Creates (or updates) one login role per subgraph, named `<prefix><subgraph>`, and the NOLOGIN events
 * role `<prefix>events`, on the server and database `adminUrl` points at, as a superuser. Idempotent:
 * run at every `npm start`. A schema left from before (owned by the admin) is handed to its role.
 */
export async function provisionRoles(
  adminUrl: string,
  options: { subgraphs: readonly string[]; prefix: string; passwordOf: (role: string) => string },
): Promise<ProvisionedRoles> {
  const { subgraphs, prefix, passwordOf } = options;
  const roleOf = (subgraph: string) => `${prefix}${subgraph}`;
  const eventsRole = `${prefix}events`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const database = (await client.query<{ db: string }>('select current_database() as db')).rows[0]!.db;
    // Roles are cluster-wide: two runs provisioning at once (parallel test files, two runners) serialise here.
    await client.query('select pg_advisory_lock(hashtext($1))', ['supergraph-commerce:roles']);
    await ensureRole(client, eventsRole, null);
    await client.query(`create schema if not exists ${ident(EVENTS_SCHEMA)} authorization ${ident(eventsRole)}`);
    await client.query(`alter schema ${ident(EVENTS_SCHEMA)} owner to ${ident(eventsRole)}`);
    for (const subgraph of subgraphs) {
      const role = roleOf(subgraph);
      await ensureRole(client, role, passwordOf(role));
      await client.query(`grant connect on database ${ident(database)} to ${ident(role)}`);
      await client.query(`grant ${ident(eventsRole)} to ${ident(role)}`);
      await client.query(`create schema if not exists ${ident(subgraph)} authorization ${ident(role)}`);
      await handOver(client, subgraph, role);
      await client.query(`revoke all on schema ${ident(subgraph)} from public`);
    }
    await client.query('select pg_advisory_unlock(hashtext($1))', ['supergraph-commerce:roles']);
  } finally {
    await client.end();
  }
  return {
    roleOf,
    eventsRole,
    urlFor(subgraph) {
      const url = new URL(adminUrl);
      url.username = roleOf(subgraph);
      url.password = passwordOf(roleOf(subgraph));
      return url.toString();
    },
  };
}

async function ensureRole(client: pg.Client, role: string, password: string | null): Promise<void> {
  const exists = (await client.query('select 1 from pg_roles where rolname = $1', [role])).rowCount;
  const login = password === null ? 'nologin' : 'login';
  if (!exists) await client.query(`create role ${ident(role)} ${login}`);
  if (password !== null) {
    // A password is a literal, not an identifier: quoted by the server's own quote_literal.
    const { rows } = await client.query<{ sql: string }>(`select format('alter role %I password %L', $1::text, $2::text) as sql`, [role, password]);
    await client.query(rows[0]!.sql);
  }
}

/** Gives the schema and everything in it to its role (schemas created before roles existed). */
async function handOver(client: pg.Client, schema: string, role: string): Promise<void> {
  await client.query(`alter schema ${ident(schema)} owner to ${ident(role)}`);
  const { rows } = await client.query<{ sql: string }>(
    `select format('alter %s %I.%I owner to %I',
              case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
              n.nspname, c.relname, $2::text) as sql
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'S') and pg_get_userbyid(c.relowner) <> $2
       and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))
     union all
     select format('alter function %I.%I(%s) owner to %I', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), $2::text)
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = $1 and pg_get_userbyid(p.proowner) <> $2`,
    [schema, role],
  );
  for (const { sql } of rows) await client.query(sql);
}

/** Drops the roles a test run created (after its databases are gone). */
export async function dropRoles(adminUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolname: string }>('select rolname from pg_roles where starts_with(rolname, $1)', [prefix]);
    for (const { rolname } of rows) await client.query(`drop role if exists ${ident(rolname)}`);
  } finally {
    await client.end();
  }
}
