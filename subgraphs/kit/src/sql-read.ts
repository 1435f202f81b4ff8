import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
// Kysely is MikroORM's own query runner, pinned in package.json at the version @mikro-orm/sql pins; only its raw query type is used.
import { CompiledQuery, type Kysely } from 'kysely';

/**
 * Runs a read-only statement written with PostgreSQL's placeholders (`$1`, `$2`, …) and returns its rows.
 * The values travel apart from the text and the server binds them; an array is one parameter
 * (`where id = any($1::uuid[])`). `em.execute` instead inlines every value into the text on the client,
 * escaping it character by character, which for a page of ids was a large share of a request's CPU.
 * Rows have the shape and value types `em.execute` gives: same pool, same type parsers.
 */
export type SqlRead = <T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<T[]>;

type Executor = Pick<Kysely<unknown>, 'executeQuery'>;

/** The part of pg's Pool used here: a query by config, so that it can be named. */
interface NativePool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Reads on the connection pool, without an EntityManager (so without forking one per request), and
 * outside any transaction: like a request's own EntityManager, it does not join one that is open around it.
 */
export function poolSqlRead(em: EntityManager): SqlRead {
  return createSqlRead(em, () => undefined);
}

/** Reads through `em`: in its transaction when it has one open (seeing what the transaction wrote), else on the pool. */
export function sqlReadOf(em: EntityManager): SqlRead {
  return createSqlRead(em, () => em.getTransactionContext<Executor>());
}

/**
 * Reads outside a transaction go to pg's pool as named statements (prepared once per connection, then only
 * bound and run): PostgreSQL no longer parses, analyses and plans the same text for every request, which
 * is what an unnamed statement costs each time. In a transaction, the transaction's connection runs the
 * text as it is, as MikroORM would.
 * A bound value the planner needs to estimate rows (a `limit $n` above all) keeps the generic plan costlier
 * than the custom ones, and PostgreSQL then plans every execution anew: write such a checked integer into
 * the text instead (products' `limitLiteral`).
 */
function createSqlRead(em: EntityManager, transaction: () => Executor | undefined): SqlRead {
  const { config } = em;
  // The ORM's own hook: the statement counts (and is rewritten, if the hook does) as em.execute's would.
  const onQuery = config.get('onQuery');
  const connection = em.getConnection();
  const driver = em.getDriver();
  const logger = config.getLogger();
  return async <T extends object>(sql: string, params: readonly unknown[] = []) => {
    const query = onQuery(sql, params as unknown[]);
    const started = Date.now();
    try {
      const open = transaction();
      const rows = open
        ? (await open.executeQuery<T>(CompiledQuery.raw(query, [...params]))).rows
        : ((await (await poolOf(connection)).query({ name: statementName(query), text: query, values: [...params] })).rows as T[]);
      if (logger.isEnabled('query')) logger.logQuery({ query, params, took: Date.now() - started, results: rows.length });
      return rows;
    } catch (error) {
      // The same exception classes em.execute throws (the error masker and callers see no difference).
      throw driver.convertException(error as Error);
    }
  };
}

// Per connection rather than per read function: `sqlReadOf` makes one for every request.
const pools = new WeakMap<object, Promise<NativePool>>();

function poolOf(connection: ReturnType<EntityManager['getConnection']>): Promise<NativePool> {
  let pool = pools.get(connection);
  if (!pool) pools.set(connection, (pool = connection.getNativeClient() as Promise<NativePool>));
  return pool;
}

/** Statement texts come from the code (values travel apart), so a few dozen names per process; past the bound, names are forgotten, not the statements. */
const names = new Map<string, string>();
const NAMES_KEPT = 1000;

/** A name per text (pg refuses one name for two texts on a connection): a digest, never a counter, so every connection agrees. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= NAMES_KEPT) names.clear();
    names.set(text, (name = `read_${createHash('sha1').update(text).digest('hex')}`));
  }
  return name;
}
