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

/** Codes Apollo Server and graphql-js assign to malformed requests; they are safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const SAFE_CODES = new Set<string>([...Object.values(ClientErrorCode), ...REQUEST_ERROR_CODES]);

/** A GraphQL error the client caused and can fix; `field` names the argument path at fault. */
export function clientError(code: ClientErrorCode, message: string, field?: readonly string[]): GraphQLError {
  return new GraphQLError(message, { extensions: field ? { code, field } : { code } });
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

export function isClientSafe(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions?.code;
  return typeof code === 'string' && SAFE_CODES.has(code);
}

/**
 * Apollo's `formatError`: errors with a client-safe code pass (without stack traces); everything else is
 * logged with its cause and replaced, so no SQL, stack or internal message ever reaches a client.
 */
export function createErrorMasker(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrap(error);
    if (isClientSafe(original) || isClientSafeFormatted(formatted)) {
      const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
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

/** Resolver errors arrive wrapped in a located GraphQLError; the thrown value is its originalError. */
function unwrap(error: unknown): unknown {
  if (error instanceof GraphQLError && error.originalError) return unwrap(error.originalError);
  return error;
}

// Errors raised by graphql-js itself (variable coercion, validation) are plain GraphQLErrors whose
// formatted code Apollo fills in.
function isClientSafeFormatted(formatted: GraphQLFormattedError): boolean {
  const code = formatted.extensions?.code;
  return typeof code === 'string' && SAFE_CODES.has(code);
}
