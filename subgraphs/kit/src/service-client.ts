import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { keepAliveAgent, targetOf } from './keep-alive.ts';
import { IDENTITY_HEADER } from './identity.ts';

/**
 * Why a call to another subgraph failed; callers decide, and clients only ever see a masked error:
 * SERVICE_UNAVAILABLE for TIMEOUT and UNAVAILABLE (out of reach for now: retry), an internal error otherwise.
 */
export type ServiceFailure = 'TIMEOUT' | 'UNAVAILABLE' | 'NOT_CONFIGURED' | 'REFUSED' | 'REMOTE_ERROR' | 'BAD_RESPONSE';

/**
 * A failed service call. A plain Error on purpose: the error masker shows clients only the kit's own
 * ClientErrors, so nothing another subgraph said can leak through this one.
 */
export class ServiceCallError extends Error {
  readonly service: string;
  readonly failure: ServiceFailure;
  constructor(service: string, failure: ServiceFailure, message: string, options?: { cause?: unknown }) {
    super(`${service}: ${failure}: ${message}`, options);
    this.name = 'ServiceCallError';
    this.service = service;
    this.failure = failure;
  }
}

/** Calls to other subgraphs, as this subgraph (signed with its own key), within one request. */
export interface ServiceClient {
  /** Runs an operation on `service` (an internal query or mutation it allows this subgraph). */
  query<T = Record<string, unknown>>(service: string, document: string, variables?: Record<string, unknown>): Promise<T>;
  /**
   * Loads entities of `typename` from their owner by id through `_entities`. Loads of one request for
   * the same service, type and selection are batched into one call, however many ids are asked for.
   */
  entity<T = Record<string, unknown>>(service: string, typename: string, selection: string, id: string): Promise<T | null>;
}

export interface ServiceClientOptions {
  /** The GraphQL URL of a subgraph, or undefined when this process was not told where it is. */
  urlOf(service: string): string | undefined;
  /** Signs this subgraph's identity for the callee. */
  sign(audience: string): Promise<string>;
  log: Logger;
  /** Per call; a slow dependency must not hold a request for long. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * Makes a request-scoped ServiceClient; the per-request part is only the batching and the request id.
 *
 * Calls go through undici's `request()` over keep-alive connections of one Agent, as the gateway's subgraph
 * fetches do (gateway/src/hardening/subgraph-fetch.ts), not through the global `fetch()`: under add-to-cart,
 * fetch's WHATWG Request, Headers and body streams were a fifth of the cart service's CPU (15.8% in undici's
 * fetch, 3% in web streams), for calls whose body is one string and whose answer is one JSON document.
 */
export function createServiceClients(options: ServiceClientOptions) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const agent = keepAliveAgent();

  async function post<T>(service: string, requestId: string, document: string, variables: Record<string, unknown>): Promise<T> {
    const url = options.urlOf(service);
    if (!url) throw new ServiceCallError(service, 'NOT_CONFIGURED', `no URL configured (set ${service.toUpperCase()}_URL)`);
    const { origin, path } = targetOf(url);
    // A plain timer rather than AbortSignal.timeout, whose per-call setup showed in the gateway's profile.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    let status: number;
    let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      let answer: Dispatcher.ResponseData;
      try {
        answer = await agent.request({
          origin,
          path,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [IDENTITY_HEADER]: await options.sign(service),
            'x-request-id': requestId,
          },
          body: JSON.stringify({ query: document, variables }),
          signal: deadline.signal,
        });
      } catch (error) {
        const timedOut = deadline.signal.aborted;
        throw new ServiceCallError(service, timedOut ? 'TIMEOUT' : 'UNAVAILABLE', timedOut ? `no answer within ${timeoutMs} ms` : 'unreachable', { cause: error });
      }
      status = answer.statusCode;
      let text: string;
      try {
        text = await answer.body.text();
      } catch (error) {
        const timedOut = deadline.signal.aborted;
        throw new ServiceCallError(service, timedOut ? 'TIMEOUT' : 'UNAVAILABLE', timedOut ? `no answer within ${timeoutMs} ms` : 'the answer broke off', { cause: error });
      }
      try {
        body = JSON.parse(text) as typeof body;
      } catch (error) {
        throw new ServiceCallError(service, 'BAD_RESPONSE', `HTTP ${status} without a GraphQL body`, { cause: error });
      }
    } finally {
      clearTimeout(timer);
    }
    const codes = (body.errors ?? []).map((error) => error.extensions?.code);
    if (status === 401 || status === 403 || codes.includes('UNAUTHENTICATED') || codes.includes('FORBIDDEN')) {
      throw new ServiceCallError(service, 'REFUSED', `refused the call (HTTP ${status})`);
    }
    if (codes.includes('SERVICE_UNAVAILABLE')) {
      // The callee's own dependency (its database) is out of reach: this caller is unavailable too.
      throw new ServiceCallError(service, 'UNAVAILABLE', `answered SERVICE_UNAVAILABLE (HTTP ${status})`);
    }
    if (body.errors?.length || !body.data) {
      // Kept for the logs only; the masker never shows it to a client.
      const detail = (body.errors ?? []).map((error) => `${error.extensions?.code ?? '?'}: ${error.message}`).join('; ');
      throw new ServiceCallError(service, body.data ? 'REMOTE_ERROR' : 'BAD_RESPONSE', detail || `HTTP ${status}`);
    }
    return body.data;
  }

  return {
    /** Closes the kept-alive connections (the server's close, once no request can call out any more). */
    close: () => agent.close(),
    forRequest(requestId: string, log: Logger = options.log): ServiceClient {
      const loaders = new Map<string, DataLoader<string, Record<string, unknown> | null>>();
      return {
        query: (service, document, variables = {}) => post(service, requestId, document, variables),
        entity<T>(service: string, typename: string, selection: string, id: string) {
          if (!/^[A-Z][A-Za-z0-9_]*$/.test(typename)) throw new Error(`Not a type name: ${typename}`);
          const key = `${service}|${typename}|${selection}`;
          let loader = loaders.get(key);
          if (!loader) {
            const document = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`;
            loader = new DataLoader(async (ids) => {
              const started = performance.now();
              const data = await post<{ _entities: (Record<string, unknown> | null)[] }>(service, requestId, document, {
                representations: ids.map((one) => ({ __typename: typename, id: one })),
              });
              log.debug({ service, typename, ids: ids.length, ms: Math.round(performance.now() - started) }, 'service call');
              if (!Array.isArray(data._entities) || data._entities.length !== ids.length) {
                throw new ServiceCallError(service, 'BAD_RESPONSE', '_entities answered a different number of entities');
              }
              return data._entities;
            });
            loaders.set(key, loader);
          }
          return loader.load(id) as Promise<T | null>;
        },
      };
    },
  };
}
