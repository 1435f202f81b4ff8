import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/**
 * Codes a client may act on. Anything that is not one of these, or not a GraphQLError at all, is an
 * internal failure and reaches clients only as "Unexpected error".
 */
export const ClientErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/**
 * Codes Apollo Server and graphql-js give to requests they refuse before any resolver runs (syntax,
 * validation, variables, persisted queries); the request's sender caused them, so they pass as they are.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The only errors a resolver may show a client: made here, on purpose. A GraphQLError from anywhere
 * else (a library, or one rebuilt from another subgraph's answer) is masked, whatever its code says.
 */
export class ClientError extends GraphQLError {
  constructor(code: ClientErrorCode, message: string, field?: readonly string[], extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code, ...(field ? { field } : {}) } });
    this.name = 'ClientError';
  }
}

/** A GraphQL error the client caused and can fix; `field` names the argument path at fault. */
export function clientError(code: ClientErrorCode, message: string, field?: readonly string[]): ClientError {
  return new ClientError(code, message, field);
}

/** The `UserError` of every mutation payload. */
export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

export function userError(code: string, message: string, field?: readonly string[]): UserError {
  return { code, message, field: field ? [...field] : null };
}

/** Thrown by services for expected, client-caused failures; mutations turn it into a `UserError`. */
export class DomainError extends Error {
  readonly code: string;
  readonly field: string[] | null;
  constructor(code: string, message: string, field?: readonly string[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field ? [...field] : null;
  }
  toUserError(): UserError {
    return { code: this.code, message: this.message, field: this.field };
  }
}

/** Several input problems at once (a blank city and a bad country code), so a form marks every field in one round trip. */
export class InputErrors extends Error {
  readonly errors: UserError[];
  constructor(errors: UserError[]) {
    super(errors.map((error) => error.message).join(' '));
    this.name = 'InputErrors';
    this.errors = errors;
  }
}

/** Throws the collected input problems, if there are any. */
export function assertNoInputErrors(errors: UserError[]): void {
  if (errors.length > 0) throw new InputErrors(errors);
}

/** The userErrors of an expected failure; anything else is rethrown, to be masked as an internal error. */
export function toUserErrors(error: unknown): UserError[] {
  if (error instanceof InputErrors) return error.errors;
  if (error instanceof DomainError) return [error.toUserError()];
  throw error;
}

/**
 * Runs a mutation's service call: its result with empty userErrors, or, for an expected failure, the
 * payload's objects as null with the userErrors. Services throw; resolvers stay one line.
 */
export async function mutationPayload<T extends object>(
  run: () => Promise<T>,
  empty: { [K in keyof T]: null },
): Promise<(T | { [K in keyof T]: null }) & { userErrors: UserError[] }> {
  try {
    return { ...(await run()), userErrors: [] };
  } catch (error) {
    return { ...empty, userErrors: toUserErrors(error) };
  }
}

/**
 * Whether an error may reach the client as it is: one the kit made on purpose (ClientError, wherever it
 * was thrown), or a request-level refusal by Apollo or graphql-js (no resolver path, nothing wrapped).
 */
export function isClientSafe(original: unknown, formatted: GraphQLFormattedError): boolean {
  if (original instanceof ClientError) return true;
  // Resolver errors always carry a path; errors without one are the request's own (syntax, variables).
  const code = formatted.extensions?.code;
  return formatted.path === undefined && typeof code === 'string' && REQUEST_ERROR_CODES.has(code);
}

/**
 * Apollo's `formatError`: client-safe errors pass (without stack traces); everything else is logged
 * with its cause and replaced, so no SQL, stack, internal or relayed message ever reaches a client.
 * The gateway passes `trustCodes`: its subgraphs have masked already, so a code they sent stands.
 */
export function createErrorMasker(log: Logger, options: { trustCodes?: ReadonlySet<string> } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrap(error);
    if (formatted.path === undefined && httpStatusOf(original) >= 400 && httpStatusOf(original) < 500 && formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') {
      // Apollo refuses some requests with a 4xx but no code (a persisted-query hash that does not match
      // its document): the sender's mistake, named as such rather than logged as our failure.
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    if (formatted.path === undefined && formatted.extensions?.code === 'INVALID_GRAPHQL' && /^Unknown operation named "[_A-Za-z][_0-9A-Za-z]*"\.$/.test(formatted.message)) {
      // The gateway's executor, not Apollo Server, resolves operationName (with federation's own copy of
      // graphql, so no instanceof here): a name the document lacks is the sender's mistake, under Apollo
      // Server's own code for it, not a failure of ours.
      return { message: formatted.message, extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } };
    }
    const code = formatted.extensions?.code;
    if (isClientSafe(original, formatted) || (typeof code === 'string' && options.trustCodes?.has(code))) {
      const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (isUnavailable(error)) {
      log.warn({ err: original, path: formatted.path }, 'a dependency is unavailable');
      return {
        message: 'The service is unavailable right now; try again.',
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code: SERVICE_UNAVAILABLE },
      };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
    return {
      message: 'Unexpected error',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * The code a client sees when a service cannot do its work right now (its database, or a service it
 * calls, is unreachable or restarting): nothing was wrong with the request, so the client may retry.
 */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** Codes subgraphs send that the gateway relays as they are. */
export const RELAYED_CODES: ReadonlySet<string> = new Set([...Object.values(ClientErrorCode), ...REQUEST_ERROR_CODES, SERVICE_UNAVAILABLE]);

/** SQLSTATE classes and codes of a lost or refused connection: 08 (connection exception), 57P01-57P03 (shutdown, starting up). */
const CONNECTION_SQLSTATE = /^(08...|57P0[123])$/;
const CONNECTION_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What `pg` says when a connection drops or cannot be had, without a code. */
const CONNECTION_MESSAGE = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed/i;

/**
 * Whether an error means a dependency is out of reach rather than a bug: the database refused or dropped the
 * connection (a restart, a failover), or a service this one called was unreachable or itself unavailable.
 * Followed through `cause` and `originalError`, as drivers and the ORM wrap it.
 */
export function isUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Object && depth < 6; depth++) {
    const { code, name, message, failure } = current as { code?: unknown; name?: unknown; message?: unknown; failure?: unknown };
    if (name === 'ServiceCallError') return failure === 'UNAVAILABLE' || failure === 'TIMEOUT';
    if (name === 'ConnectionException') return true;
    if (typeof code === 'string' && (CONNECTION_SQLSTATE.test(code) || CONNECTION_ERRNO.has(code))) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGE.test(message)) return true;
    const next: unknown = (current as { cause?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
    // An AggregateError (every address of a host refused) keeps its causes in `errors`.
    current = next ?? (current as { errors?: unknown[] }).errors?.[0];
  }
  return false;
}

function httpStatusOf(error: unknown): number {
  const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  return typeof status === 'number' ? status : 0;
}

/**
 * Resolver errors arrive wrapped in a located GraphQLError; the thrown value is its originalError.
 * Followed structurally: Apollo's CommonJS graphql and this module's ESM graphql are two realms.
 */
function unwrap(error: unknown): unknown {
  let current = error;
  while (!(current instanceof ClientError) && current instanceof Object && 'originalError' in current && current.originalError) {
    current = current.originalError;
  }
  return current;
}
