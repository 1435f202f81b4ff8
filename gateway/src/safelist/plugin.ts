import { HeaderMap, type ApolloServerPlugin, type BaseContext, type GraphQLRequest, type GraphQLRequestContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { PersistedManifests, PersistedOperation } from './manifest.ts';

/** The header a client names itself with (Apollo Client's `clientAwareness`, Apollo Kotlin and iOS send it). */
export const CLIENT_NAME_HEADER = 'apollographql-client-name';

/**
 * The stable codes of the safelist's refusals. None is one an APQ link acts on (Apollo Client retries with
 * the whole document on PERSISTED_QUERY_NOT_FOUND and stops hashing on PERSISTED_QUERY_NOT_SUPPORTED), so a
 * refused client neither resends a document that would be refused too nor gives up persisted queries.
 */
export const SafelistCode = {
  /** A document without a persisted id (ad hoc), in production, from anyone but a partner. */
  REQUIRED: 'PERSISTED_QUERY_REQUIRED',
  /** An id (APQ `sha256Hash` or `documentId`) that is not in the calling client's manifest. */
  NOT_IN_LIST: 'PERSISTED_QUERY_NOT_IN_LIST',
  /** An id with no `apollographql-client-name`, or a name with no manifest. */
  UNKNOWN_CLIENT: 'PERSISTED_QUERY_UNKNOWN_CLIENT',
} as const;
export type SafelistCode = (typeof SafelistCode)[keyof typeof SafelistCode];
export const SAFELIST_CODES: ReadonlySet<string> = new Set(Object.values(SafelistCode));

export interface SafelistOptions<TContext extends BaseContext = BaseContext> {
  /** Each client's persisted operations (loadManifests). */
  manifests: PersistedManifests;
  /**
   * Only persisted operations run, each only for the client whose manifest lists it (production). Off,
   * ad-hoc documents and Apollo's automatic persisted queries work as well, and ids resolve from any manifest.
   */
  enforce: boolean;
  /** Who may still send ad-hoc documents when enforced: partners (`viewer.role === 'partner'`) by default. */
  allowsAdHoc?: (context: TContext) => boolean;
}

/** What the safelist made of one request, for its log line. */
export interface SafelistOutcome {
  /** The client's name when it has a manifest; else `partner`, `none` (no header) or `unknown`. */
  client: string;
  /** The persisted operation that ran. */
  operationId?: string;
  /** The operation name the client sent, kept for the log when the request was refused. */
  operationName?: string;
  /** The refusal's code. */
  refused?: string;
}

export interface Safelist<TContext extends BaseContext> {
  plugin: ApolloServerPlugin<TContext>;
  /** The request's client, persisted id and refusal, for the request log. */
  outcomeOf(request: GraphQLRequest): SafelistOutcome | undefined;
}

/**
 * Refused requests run this instead of what they sent, and fail in `didResolveOperation` before any
 * execution (see createSafelist): a constant document parses in microseconds and validates against any schema.
 */
const REFUSED_OPERATION = 'PersistedQueryRefused';
const REFUSED_DOCUMENT = `query ${REFUSED_OPERATION} { __typename }`;

const isPartner = (context: BaseContext) => (context as { viewer?: { role?: string } }).viewer?.role === 'partner';

/**
 * The persisted-operation safelist, an Apollo Server plugin. Everything happens in `requestDidStart`, which
 * Apollo Server 5 runs before it reads `request.query` and `extensions.persistedQuery`: an allowed id has
 * the manifest's body put in `request.query` (and the APQ extension removed, so Apollo's own APQ cache,
 * off in production, never sees it); a refused request has its document replaced by a constant one and
 * the refusal thrown from `didResolveOperation`, the last hook before execution whose errors Apollo answers
 * as GraphQL errors. Nothing the caller sent is parsed or validated (no schema hints from validation
 * messages, no cost for a hostile document), and no subgraph is called.
 */
export function createSafelist<TContext extends BaseContext>(options: SafelistOptions<TContext>): Safelist<TContext> {
  const { manifests, enforce } = options;
  const allowsAdHoc = options.allowsAdHoc ?? isPartner;
  const outcomes = new WeakMap<GraphQLRequest, SafelistOutcome>();
  const refusals = new WeakMap<GraphQLRequest, GraphQLError>();
  const inAnyManifest = (id: string) => {
    for (const operations of manifests.values()) {
      const operation = operations.get(id);
      if (operation) return operation;
    }
    return undefined;
  };

  const plugin: ApolloServerPlugin<TContext> = {
    async requestDidStart({ request, contextValue }: GraphQLRequestContext<TContext>) {
      const name = request.http?.headers.get(CLIENT_NAME_HEADER)?.trim() || undefined;
      const own = name === undefined ? undefined : manifests.get(name);
      const partner = allowsAdHoc(contextValue);
      const outcome: SafelistOutcome = { client: own ? name! : partner ? 'partner' : name === undefined ? 'none' : 'unknown' };
      outcomes.set(request, outcome);
      const requested = requestedId(request);

      const refuse = (error: GraphQLError) => {
        outcome.refused = String(error.extensions.code);
        if (request.operationName) outcome.operationName = request.operationName;
        refusals.set(request, error);
        request.query = REFUSED_DOCUMENT;
        request.operationName = REFUSED_OPERATION;
        withoutPersistedQuery(request);
      };
      const run = (operation: PersistedOperation) => {
        outcome.operationId = operation.id;
        // Queries only over GET (GraphQL-over-HTTP): refused here, before anything is parsed.
        if (request.http?.method === 'GET' && operation.type !== 'query') {
          return refuse(failure('BAD_REQUEST', `GET requests only support query operations, not ${operation.type} operations; send it as a POST.`, 405, [['allow', 'POST']]));
        }
        request.query = operation.body;
        withoutPersistedQuery(request);
      };

      if (!requested) {
        if (enforce && !partner) refuse(failure(SafelistCode.REQUIRED, 'Only persisted operations run here: send the operation\'s id (extensions.persistedQuery.sha256Hash or documentId) and name the client in apollographql-client-name.'));
        else if (enforce) withoutPersistedQuery(request);
        return hooks(request);
      }
      if (enforce && !partner && !own) {
        refuse(failure(SafelistCode.UNKNOWN_CLIENT, name === undefined ? `Name the client in the ${CLIENT_NAME_HEADER} header.` : `No persisted operations for client "${name}".`));
        return hooks(request);
      }
      // In production a client with a manifest runs its own operations only; otherwise any list's will do.
      const operation = requested.id === undefined ? undefined : enforce && own ? own.get(requested.id) : inAnyManifest(requested.id);
      if (operation) run(operation);
      else if (!enforce) {
        // Outside production an unknown APQ hash is Apollo's (its cache answers, or registers the document).
        if (requested.via === 'documentId') refuse(failure(SafelistCode.NOT_IN_LIST, 'No persisted operation has this documentId.'));
      } else if (partner && request.query) {
        withoutPersistedQuery(request); // a partner's own document, hashed by its APQ link: it runs as sent
      } else if (partner && requested.via === 'apq') {
        // Apollo's own code, on which an APQ link resends the document: partners may send documents.
        refuse(failure('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound', 200));
      } else {
        refuse(failure(SafelistCode.NOT_IN_LIST, `Not a persisted operation of client "${outcome.client}".`));
      }
      return hooks(request);
    },
  };

  const hooks = (request: GraphQLRequest) => ({
    async didResolveOperation() {
      const refusal = refusals.get(request);
      if (refusal) throw refusal;
    },
  });

  return { plugin, outcomeOf: (request) => outcomes.get(request) };
}

/**
 * The id a request names: GraphQL-over-HTTP's `documentId` (top level in a POST body or a GET parameter;
 * `sha256:<hex>`, or the bare hex as a custom identifier), else Apollo's `extensions.persistedQuery`
 * (version 1). `id` is undefined for an identifier no manifest can hold (another prefix, another APQ version).
 */
function requestedId(request: GraphQLRequest): { id: string | undefined; via: 'documentId' | 'apq' } | undefined {
  const http = request.http;
  const body = http?.body;
  const fromBody = body && typeof body === 'object' && !Array.isArray(body) ? (body as { documentId?: unknown }).documentId : undefined;
  const documentId = fromBody ?? (http?.method === 'GET' ? new URLSearchParams(http.search).get('documentId') ?? undefined : undefined);
  if (documentId !== undefined && documentId !== null && documentId !== '') {
    const match = typeof documentId === 'string' ? /^(?:sha256:)?([0-9a-f]{64})$/.exec(documentId) : null;
    return { id: match?.[1], via: 'documentId' };
  }
  const persisted = request.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  if (persisted && typeof persisted === 'object') {
    return { id: persisted.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : undefined, via: 'apq' };
  }
  return undefined;
}

function withoutPersistedQuery(request: GraphQLRequest): void {
  if (request.extensions && 'persistedQuery' in request.extensions) {
    const { persistedQuery: _, ...rest } = request.extensions;
    request.extensions = rest;
  }
}

/** A refusal: a GraphQL error with its code and HTTP status, never cached (a CDN in front serves GETs). */
function failure(code: string, message: string, status = 400, headers: [string, string][] = []): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, http: { status, headers: new HeaderMap([['cache-control', 'private, no-store'], ...headers]) } },
  });
}
