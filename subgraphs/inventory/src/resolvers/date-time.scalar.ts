import { GraphQLScalarType, Kind } from 'graphql';
import { ClientErrorCode, clientError } from '#kit';

function parse(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw clientError(ClientErrorCode.BAD_USER_INPUT, 'A DateTime must be an ISO-8601 string.');
  }
  return date;
}

/** ISO-8601 strings in UTC at the boundary, `Date` inside. */
export const DateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    return parse(value).toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw clientError(ClientErrorCode.BAD_USER_INPUT, 'A DateTime must be an ISO-8601 string.');
    return parse(ast.value);
  },
});
