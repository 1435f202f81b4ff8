import type { IncomingMessage, Server } from 'node:http';
import type { Database } from './database.ts';
import { sendJson, type Route } from './http.ts';

/** What `GET /metrics` answers: counters since the process started, for a caller that takes deltas. */
export interface SubgraphMetrics {
  /** GraphQL requests received at /graphql (from the gateway and from other subgraphs alike). */
  requests: number;
  /** SQL statements sent on behalf of requests (`Database.statementCount`; background work excluded). */
  statements: number;
}

/**
 * `GET /metrics`: the subgraph's request and statement counters as JSON, so a benchmark (bench/) can tell
 * SQL statements and subgraph fetches per operation of a running system. Counters only; take two readings
 * and divide the deltas.
 *
 * Loopback only, the kit's other rule (a signed identity) left aside on purpose: the readers are an
 * operator or a benchmark on the same host, which hold no key and should not need one, while the figures
 * (traffic volume) are nobody else's business. Anyone reaching the port from another host (a container
 * network) gets 403, so exposing a subgraph's port does not publish them.
 */
export function metricsRoutes(deps: { httpServer: Server; db: Pick<Database, 'statementCount'> }): Record<string, Route> {
  let requests = 0;
  deps.httpServer.on('request', (req: IncomingMessage) => {
    if (req.url?.startsWith('/graphql')) requests++;
  });
  return {
    '/metrics': (req, res) => {
      if (!isLoopback(req.socket.remoteAddress)) return sendJson(res, 403, { error: 'Forbidden' });
      if (req.method !== 'GET') {
        res.setHeader('allow', 'GET');
        return sendJson(res, 405, { error: 'Method not allowed' });
      }
      res.setHeader('cache-control', 'no-store');
      sendJson(res, 200, { requests, statements: deps.db.statementCount() } satisfies SubgraphMetrics);
    },
  };
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (`::ffff:127.0.0.1`). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}
