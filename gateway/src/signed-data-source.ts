import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ANONYMOUS, IDENTITY_HEADER, type Viewer } from '#kit/identity.ts';
import type { Logger } from '#kit/logger.ts';
import { isMutationDocument, type FetchObserver } from './cache/index.ts';

export interface GatewayContext {
  viewer: Viewer;
  requestId: string;
  log: Logger;
  /**
   * An object of this request's own, by which the response cache hands a HIT's stored body to `beforeSend`
   * (cache/hit-body.ts). Apollo Server gives plugins a shallow copy of the context, so the context itself
   * cannot be that key. Without it, a HIT is parsed and serialised again.
   */
  cacheSlot?: object;
}

/**
 * Sends subgraph requests with the caller's identity signed by the gateway's private key and addressed
 * to that one subgraph (subgraphs refuse anything else, and another subgraph refuses it too), plus the
 * request id, so one operation can be followed through every service's logs.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  subgraph = '';
  sign: (viewer: Viewer, audience: string) => Promise<string> = () => Promise.reject(new Error('no signer'));
  /**
   * The response cache (cache/index.ts): told what each operation fetched (its entry's tags) and which
   * subgraphs a mutation went to, once that subgraph answered or failed (they may have changed). Subgraphs'
   * Cache-Control headers are honoured as RemoteGraphQLDataSource does by default
   * (`honorSubgraphCacheControlHeader`): each restricts the response's cache policy.
   */
  observer?: FetchObserver;

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!this.observer || !('incomingRequestContext' in options)) return super.process(options);
    const { query, variables } = options.request;
    this.observer.willFetch(options.context, this.subgraph, { query, variables });
    if (!isMutationDocument(query)) return super.process(options);
    try {
      return await super.process(options);
    } finally {
      // Even when it failed: a mutation that timed out may have committed.
      await this.observer.didWrite(this.subgraph);
    }
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const context = options.context as Partial<GatewayContext>;
    const headers = options.request.http?.headers;
    if (!headers) return;
    headers.set(IDENTITY_HEADER, await this.sign(context.viewer ?? ANONYMOUS, this.subgraph));
    if (context.requestId) headers.set('x-request-id', context.requestId);
  }
}

type SubgraphRequest = GraphQLDataSourceProcessOptions<GatewayContext>['request'];
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type FetcherResponse = Awaited<ReturnType<RemoteGraphQLDataSource['fetcher']>>;

/**
 * RemoteGraphQLDataSource's private `sendRequest` (@apollo/gateway 2.14, pinned exactly in package.json), less
 * the node-fetch `Request` it builds for every subgraph fetch only to hand to `parseBody` and
 * `didEncounterError`, hooks this class does not override: parsing its URL and headers was ~3% of the
 * gateway's CPU under load. Everything else is as the library does it: the body is the request without
 * `http`, a non-2xx answer becomes `errorFromResponse`'s error, a body that is not a JSON object fails.
 */
async function sendRequest(this: SignedDataSource, request: SubgraphRequest, context: GatewayContext): Promise<SubgraphResponse> {
  if (!request.http) throw new Error("Internal error: Only 'http' requests are supported.");
  const { http, ...requestWithoutHttp } = request;
  const requestInit = { method: http.method, headers: Object.fromEntries(http.headers), body: JSON.stringify(requestWithoutHttp) };
  let fetchResponse: FetcherResponse | undefined;
  try {
    fetchResponse = await this.fetcher(http.url, requestInit);
    if (!fetchResponse.ok) throw await this.errorFromResponse(fetchResponse);
    const body = await this.parseBody(fetchResponse, undefined, context);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${body}`);
    return { ...body, http: fetchResponse };
  } catch (error) {
    this.didEncounterError(error as Error, undefined as never, fetchResponse, context, request);
    throw error;
  }
}
if (typeof (RemoteGraphQLDataSource.prototype as unknown as { sendRequest?: unknown }).sendRequest !== 'function') {
  throw new Error('@apollo/gateway no longer has RemoteGraphQLDataSource.sendRequest as 2.14 did: review signed-data-source.ts');
}
Object.defineProperty(SignedDataSource.prototype, 'sendRequest', { value: sendRequest, writable: true, configurable: true });
