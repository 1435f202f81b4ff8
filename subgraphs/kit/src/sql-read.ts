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

/**
 * Reads on the connection pool, without an EntityManager (so without forking one per request), and
 * outside any transaction: like a request's own EntityManager, it does not join one that is open around it.
 */
export function poolSqlRead(em: EntityManager): SqlRead {
  const connection = em.getConnection();
  return createSqlRead(em, () => connection.getClient());
}

/** Reads through `em`: in its transaction when it has one open (seeing what the transaction wrote), else on the pool. */
export function sqlReadOf(em: EntityManager): SqlRead {
  const connection = em.getConnection();
  return createSqlRead(em, () => em.getTransactionContext<Executor>() ?? connection.getClient());
}

function createSqlRead(em: EntityManager, executor: () => Executor): SqlRead {
  const { config } = em;
  // The ORM's own hook: the statement counts (and is rewritten, if the hook does) as em.execute's would.
  const onQuery = config.get('onQuery');
  const driver = em.getDriver();
  const logger = config.getLogger();
  return async <T extends object>(sql: string, params: readonly unknown[] = []) => {
    const query = onQuery(sql, params as unknown[]);
    const started = Date.now();
    try {
      const { rows } = await executor().executeQuery<T>(CompiledQuery.raw(query, [...params]));
      if (logger.isEnabled('query')) logger.logQuery({ query, params, took: Date.now() - started, results: rows.length });
      return rows;
    } catch (error) {
      // The same exception classes em.execute throws (the error masker and callers see no difference).
      throw driver.convertException(error as Error);
    }
  };
}
