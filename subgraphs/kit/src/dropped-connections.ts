import type pg from 'pg';

/**
 * Gives a pooled connection back to the pool the moment the server drops it while a request holds it
 * (a PostgreSQL restart, a failover, an idle-session timeout), so the pool replaces it.
 *
 * Without this, such a connection is never released: Kysely (under MikroORM) releases a transaction's
 * connection only after its COMMIT or ROLLBACK succeeds, and on a dropped connection the ROLLBACK fails
 * too. Each restart of PostgreSQL then cost a subgraph the connections that were in a transaction, for
 * good: the pool shrank until requests queued forever, and `close()` (pool.end) never returned.
 *
 * Released with an error, the pool discards the connection; `release` then becomes a no-op, since the
 * holder may still call it once its own statement has failed.
 */
export function releaseDroppedConnections(pool: pg.Pool): void {
  const tracked = new WeakSet<pg.PoolClient>();
  const held = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => {
    held.add(client);
    if (tracked.has(client)) return;
    tracked.add(client);
    client.once('end', () => {
      if (!held.has(client)) return;
      held.delete(client);
      const release = client.release;
      client.release = () => {};
      release(new Error('connection dropped by the server'));
    });
  });
  pool.on('release', (_error, client) => held.delete(client));
}
