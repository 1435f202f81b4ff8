import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Headers, type Dispatcher } from 'undici';
import { keepAliveAgent, targetOf } from '#kit/keep-alive.ts';
import { BufferedResponse } from './buffered-response.ts';

/** What RemoteGraphQLDataSource accepts as `fetcher` (@apollo/utils.fetcher's shape: fetch's). */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** The code a client sees when a subgraph did not answer in time (the field is null, the rest stands). */
export const SERVICE_TIMEOUT = 'SERVICE_TIMEOUT';

/** The code a client sees when a subgraph could not be reached (down, restarting, its connection cut mid-answer). */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** A subgraph fetch that ran past its time; its message (with the URL) is for logs only. */
export class SubgraphTimeoutError extends Error {
  readonly code = SERVICE_TIMEOUT;
  constructor(url: string, timeoutMs: number) {
    super(`No answer from ${url} within ${timeoutMs} ms`);
    this.name = 'SubgraphTimeoutError';
  }
}

/** A subgraph fetch that failed before a whole answer came (refused, reset); its message and cause are for logs only. */
export class SubgraphUnavailableError extends Error {
  readonly code = SERVICE_UNAVAILABLE;
  constructor(url: string, cause: unknown) {
    super(`No answer from ${url}: ${(cause as { cause?: { code?: string } })?.cause?.code ?? (cause as Error)?.message}`, { cause });
    this.name = 'SubgraphUnavailableError';
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
  const agent = keepAliveAgent({ connections: maxConnections });
  const fetcher = (async (url, init) => {
    // A plain timer rather than AbortSignal.timeout, whose per-call setup showed in the gateway's profile.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal as AbortSignal, deadline.signal]) : deadline.signal;
    try {
      // undici's request(), not its fetch(): a string body goes out in one write with the headers, with no
      // WHATWG streams in between (fetch sent each request as separate socket writes, the largest item
      // of the gateway's CPU profile). The answer has a fetch Response's shape, as the data source expects.
      const { origin, path } = targetOf(url);
      const { statusCode, headers, body } = await agent.request({
        origin,
        path,
        method: (init?.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: headersOf(init?.headers),
        body: init?.body as string | undefined,
        signal,
      });
      const bytes = await body.arrayBuffer();
      return new BufferedResponse(url, statusCode, responseHeaders(headers), bytes);
    } catch (error) {
      if (deadline.signal.aborted) throw new SubgraphTimeoutError(url, timeoutMs);
      // The client went away: not the subgraph's failure.
      if ((init?.signal as AbortSignal | undefined)?.aborted) throw error;
      throw new SubgraphUnavailableError(url, error);
    } finally {
      clearTimeout(timer);
    }
  }) as Fetcher;
  return { fetcher, close: () => agent.close() };
}

/** RemoteGraphQLDataSource sends a plain object of headers; anything else fetch accepts is converted. */
function headersOf(headers: unknown): Record<string, string> | undefined {
  if (headers == null) return undefined;
  if (typeof headers === 'object' && !Array.isArray(headers) && !(Symbol.iterator in headers)) return headers as Record<string, string>;
  return Object.fromEntries(new Headers(headers as ConstructorParameters<typeof Headers>[0]));
}

function responseHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

/** Whether an error (or what it wraps, across graphql realms) is a subgraph timeout. */
export function isSubgraphTimeout(error: unknown): boolean {
  return wraps(error, 'SubgraphTimeoutError');
}

/** Whether an error (or what it wraps) is a subgraph that could not be reached. */
export function isSubgraphUnavailable(error: unknown): boolean {
  return wraps(error, 'SubgraphUnavailableError');
}

function wraps(error: unknown, name: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Object && depth < 5; depth++) {
    if ((current as { name?: unknown }).name === name) return true;
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}
