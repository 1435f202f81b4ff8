import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, fetch, Response } from 'undici';

/** What RemoteGraphQLDataSource accepts as `fetcher` (@apollo/utils.fetcher's shape: fetch's). */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** The code a client sees when a subgraph did not answer in time (the field is null, the rest stands). */
export const SERVICE_TIMEOUT = 'SERVICE_TIMEOUT';

/** A subgraph fetch that ran past its time; its message (with the URL) is for logs only. */
export class SubgraphTimeoutError extends Error {
  readonly code = SERVICE_TIMEOUT;
  constructor(url: string, timeoutMs: number) {
    super(`No answer from ${url} within ${timeoutMs} ms`);
    this.name = 'SubgraphTimeoutError';
  }
}

export interface SubgraphFetcher {
  fetcher: Fetcher;
  close(): Promise<void>;
}

/**
 * Subgraph requests over keep-alive connections from one bounded pool per subgraph origin (undici's Agent:
 * at most `maxConnections` sockets each, idle ones kept a few seconds), each with a deadline covering
 * the connection, the headers and the whole body. The body is read here, inside the deadline, so a
 * subgraph that sends headers and then stalls times out too. @apollo/gateway's default (make-fetch-happen)
 * has neither bound nor deadline.
 */
export function createSubgraphFetcher(options: { timeoutMs: number; maxConnections: number }): SubgraphFetcher {
  const { timeoutMs, maxConnections } = options;
  const agent = new Agent({
    connections: maxConnections,
    // Below Node's server default (5 s), so the gateway never reuses a socket the subgraph is closing.
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 4_000,
  });
  const fetcher = (async (url, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal as AbortSignal, deadline]) : deadline;
    try {
      const response = await fetch(url, { ...init, signal, dispatcher: agent });
      const body = await response.arrayBuffer();
      const buffered = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      Object.defineProperty(buffered, 'url', { value: response.url });
      return buffered;
    } catch (error) {
      if (deadline.aborted) throw new SubgraphTimeoutError(url, timeoutMs);
      throw error;
    }
  }) as Fetcher;
  return { fetcher, close: () => agent.close() };
}

/** Whether an error (or what it wraps, across graphql realms) is a subgraph timeout. */
export function isSubgraphTimeout(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Object && depth < 5; depth++) {
    if (current instanceof SubgraphTimeoutError || (current as { name?: unknown }).name === 'SubgraphTimeoutError') return true;
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}
