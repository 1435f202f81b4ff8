import pg from 'pg';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createErrorMasker, createLogger, isUnavailable, SERVICE_UNAVAILABLE, ServiceCallError } from '#kit';
import { releaseDroppedConnections } from '#kit/dropped-connections.ts';
import { createTestDatabase, eventually } from '#kit/testing/index.ts';

/**
 * A dependency out of reach (the database restarting, a service down) is told apart from a bug: clients
 * get SERVICE_UNAVAILABLE, and a connection the database dropped is not kept by the pool for ever.
 * tests/resilience/postgres-restart.test.ts restarts a real server under load.
 */
describe('isUnavailable', () => {
  const wrapped = (error: Error) => new GraphQLError('wrapped', { originalError: error });
  it('knows a lost or refused database connection, however wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const starting = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
    const ended = new Error('Connection terminated unexpectedly');
    for (const error of [refused, shutdown, starting, ended]) {
      expect(isUnavailable(error), error.message).toBe(true);
      expect(isUnavailable(wrapped(new Error('driver', { cause: error }))), error.message).toBe(true);
    }
  });

  it('knows a service that could not be reached or was unavailable itself, and nothing else', () => {
    expect(isUnavailable(new ServiceCallError('inventory', 'UNAVAILABLE', 'unreachable'))).toBe(true);
    expect(isUnavailable(new ServiceCallError('inventory', 'TIMEOUT', 'slow'))).toBe(true);
    expect(isUnavailable(new ServiceCallError('inventory', 'REMOTE_ERROR', 'Connection terminated in its own words'))).toBe(false);
    expect(isUnavailable(new ServiceCallError('inventory', 'NOT_CONFIGURED', 'no URL configured'))).toBe(false);
    expect(isUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isUnavailable(new Error('boom'))).toBe(false);
  });

  it('is masked as SERVICE_UNAVAILABLE, with nothing of the cause', () => {
    const mask = createErrorMasker(createLogger('test', { level: 'silent' }));
    const error = wrapped(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect(mask({ message: error.message, path: ['products'] }, error)).toEqual({
      message: 'The service is unavailable right now; try again.',
      path: ['products'],
      extensions: { code: SERVICE_UNAVAILABLE },
    });
    expect(mask({ message: 'x', path: ['products'] }, wrapped(new Error('boom'))).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});

describe('releaseDroppedConnections', () => {
  it('gives back to the pool a connection the server dropped while it was held, whose holder never releases it', async () => {
    const url = await createTestDatabase('dropped');
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', () => {});
    releaseDroppedConnections(pool);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // What Kysely does in a transaction: the connection is released only after COMMIT or ROLLBACK succeeds.
      const held = await pool.connect();
      held.on('error', () => {});
      await held.query('begin');
      const { rows } = await held.query<{ pid: number }>('select pg_backend_pid() as pid');
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      await expect(held.query('rollback')).rejects.toThrow();
      await eventually(async () => pool.totalCount, (n) => n === 0);
      expect(pool.totalCount).toBe(0);
      // The holder's own release, late, changes nothing; the pool serves and ends.
      held.release();
      expect((await pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      await pool.end();
    } finally {
      await admin.end();
    }
  });
});
