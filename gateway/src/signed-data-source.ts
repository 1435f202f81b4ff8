import { hash } from 'node:crypto';
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
   * (cache/body.ts). Apollo Server gives plugins a shallow copy of the context, so the context itself
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
  /**
   * Hashes of the queries this subgraph has been sent in full (sendRequest): later requests send the hash
   * alone. The first request of each query sends the text, so a fresh subgraph costs no extra round trip.
   */
  readonly registeredQueries = new Set<string>();

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

/** Most distinct subgraph queries remembered with their hash: every persisted operation's fetches, many times over. */
const QUERY_HASHES_KEPT = 2000;
const queryHashes = new Map<string, string>();

/** A subgraph query's sha256, computed once per query text (the text of a plan's fetch never changes). */
function subgraphQueryHash(query: string): string {
  let known = queryHashes.get(query);
  if (known === undefined) {
    // Partners' own documents make new texts without end; a full map starts again rather than grow.
    if (queryHashes.size >= QUERY_HASHES_KEPT) queryHashes.clear();
    known = hash('sha256', query);
    queryHashes.set(query, known);
  }
  return known;
}

function isPersistedQueryNotFound(body: { errors?: unknown }): boolean {
  return Array.isArray(body.errors) && body.errors.some((error) => (error as { extensions?: { code?: unknown } } | null)?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND');
}

/**
 * RemoteGraphQLDataSource's private `sendRequest` (@apollo/gateway 2.14, pinned exactly in package.json), less
 * the node-fetch `Request` it builds for every subgraph fetch only to hand to `parseBody` and
 * `didEncounterError`, hooks this class does not override: parsing its URL and headers was ~3% of the
 * gateway's CPU under load. A non-2xx answer becomes `errorFromResponse`'s error, a body that is not a JSON
 * object fails, as the library does.
 *
 * Once a subgraph has been sent a query's text, the query goes by its hash alone (automatic persisted queries,
 * which every subgraph's Apollo Server accepts): the subgraph then neither hashes the text nor parses it out
 * of the body, which was 2-4% of each subgraph's CPU per listing, and the hash is computed here once per
 * text, where the library's `apq` option hashes every request and spends a round trip on each new query. A
 * subgraph that has forgotten the hash (it restarted, or another of its workers answers) says
 * PERSISTED_QUERY_NOT_FOUND without running anything, and the request goes again with the text.
 */
async function sendRequest(this: SignedDataSource, request: SubgraphRequest, context: GatewayContext): Promise<SubgraphResponse> {
  if (!request.http) throw new Error("Internal error: Only 'http' requests are supported.");
  const { http, query, ...rest } = request;
  const headers = Object.fromEntries(http.headers);
  const post = async (body: object) => {
    let fetchResponse: FetcherResponse | undefined;
    try {
      fetchResponse = await this.fetcher(http.url, { method: http.method, headers, body: JSON.stringify(body) });
      if (!fetchResponse.ok) throw await this.errorFromResponse(fetchResponse);
      const parsed = await this.parseBody(fetchResponse, undefined, context);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`Expected JSON response body, but received: ${parsed}`);
      return { ...parsed, http: fetchResponse } as SubgraphResponse;
    } catch (error) {
      this.didEncounterError(error as Error, undefined as never, fetchResponse, context, request);
      throw error;
    }
  };
  if (query === undefined) return post(rest);
  const sha256Hash = subgraphQueryHash(query);
  const extensions = { ...rest.extensions, persistedQuery: { version: 1, sha256Hash } };
  if (this.registeredQueries.has(sha256Hash)) {
    const byHash = await post({ ...rest, extensions });
    if (!isPersistedQueryNotFound(byHash)) return byHash;
  }
  const response = await post({ query, ...rest, extensions });
  if (this.registeredQueries.size >= QUERY_HASHES_KEPT) this.registeredQueries.clear();
  this.registeredQueries.add(sha256Hash);
  return response;
}
if (typeof (RemoteGraphQLDataSource.prototype as unknown as { sendRequest?: unknown }).sendRequest !== 'function') {
  throw new Error('@apollo/gateway no longer has RemoteGraphQLDataSource.sendRequest as 2.14 did: review signed-data-source.ts');
}
Object.defineProperty(SignedDataSource.prototype, 'sendRequest', { value: sendRequest, writable: true, configurable: true });
