import { GraphQLScalarType, Kind } from 'graphql';
import { ClientErrorCode, clientError } from './errors.ts';

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw clientError(ClientErrorCode.BAD_USER_INPUT, 'A DateTime must be an ISO-8601 string, e.g. 2026-11-22T10:15:30Z.');
  }
  return date;
}

/**
 * `scalar DateTime`, shared by every subgraph so the supergraph has one meaning for it: ISO-8601 in UTC
 * on the wire, `Date` inside (codegen maps it so).
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 date and time in UTC, e.g. `2026-11-22T10:15:30.000Z`.',
  serialize: (value) => (value instanceof Date ? value : parseDateTime(value)).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});
