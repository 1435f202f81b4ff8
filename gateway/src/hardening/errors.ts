import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '#kit/logger.ts';
import { isSubgraphTimeout, isSubgraphUnavailable, SERVICE_TIMEOUT, SERVICE_UNAVAILABLE } from './subgraph-fetch.ts';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * The only extensions a client sees on an error. Everything else is dropped: `serviceName` (the gateway
 * adds it to every error a subgraph sent), `stacktrace`, `exception`, a subgraph's `response`, anything a
 * library adds. Add a key here, deliberately, when clients need it.
 */
export const CLIENT_ERROR_EXTENSIONS: ReadonlySet<string> = new Set(['code', 'field']);

const SUGGESTION = / ?Did you mean .+?\?$/s;

/**
 * Wraps the kit's masker (which decides what may reach a client at all): a subgraph that timed out becomes
 * SERVICE_TIMEOUT, one that could not be reached (down, restarting) SERVICE_UNAVAILABLE (logged with its URL,
 * shown without), so a client knows to retry; then only `message`, `locations`, `path` and the
 * allowed extensions pass; in production "Did you mean …?" suggestions are cut from messages, so the
 * schema cannot be guessed field by field when introspection is closed.
 */
export function hardenFormatError(base: FormatError, options: { log: Logger; production: boolean }): FormatError {
  const { log, production } = options;
  return (formatted, error) => {
    const where = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
    if (isSubgraphTimeout(error)) {
      log.warn({ err: error, path: formatted.path }, 'subgraph did not answer in time');
      return { message: 'A service did not answer in time; try again.', ...where, extensions: { code: SERVICE_TIMEOUT } };
    }
    if (isSubgraphUnavailable(error)) {
      log.warn({ err: error, path: formatted.path }, 'subgraph unreachable');
      return { message: 'A service is unavailable right now; try again.', ...where, extensions: { code: SERVICE_UNAVAILABLE } };
    }
    const masked = base(formatted, error);
    const extensions = Object.fromEntries(Object.entries(masked.extensions ?? {}).filter(([key]) => CLIENT_ERROR_EXTENSIONS.has(key)));
    return {
      message: production ? masked.message.replace(SUGGESTION, '') : masked.message,
      ...(masked.locations ? { locations: masked.locations } : {}),
      ...(masked.path ? { path: masked.path } : {}),
      extensions,
    };
  };
}
