import { describe, expect, it } from 'vitest';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  clientError,
  createErrorMasker,
  decodeCursor,
  encodeCursor,
  formatMinorUnits,
  parseGlobalId,
  readPageSize,
  databaseUrlFor,
  portFor,
  toGlobalId,
  tryParseGlobalId,
  type Logger,
} from '#kit';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : error;
  }
  return 'no error';
}

describe('money', () => {
  it('formats minor units with the currency exponent, without floats', () => {
    expect(formatMinorUnits(1999, 'USD')).toBe('19.99');
    expect(formatMinorUnits(5, 'EUR')).toBe('0.05');
    expect(formatMinorUnits(-1205, 'GBP')).toBe('-12.05');
    expect(formatMinorUnits(500, 'JPY')).toBe('500');
    expect(formatMinorUnits(1234, 'KWD')).toBe('1.234');
    expect(formatMinorUnits(9_007_199_254_740_993n, 'USD')).toBe('90071992547409.93');
  });
});

describe('page sizes and cursors', () => {
  it('accepts 0..100 and defaults to 20', () => {
    expect(readPageSize(undefined)).toBe(20);
    expect(readPageSize(100)).toBe(100);
    expect(codeOf(() => readPageSize(-1))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => readPageSize(101))).toBe('BAD_USER_INPUT');
  });

  it('round-trips cursors and refuses malformed ones', () => {
    expect(decodeCursor(encodeCursor(['Wool Hat', 'abc']), 2)).toEqual(['Wool Hat', 'abc']);
    for (const bad of ['%%%', 'bm90IGpzb24', encodeCursor(['only one']), encodeCursor([{ nested: 1 } as never, 'x']), 'x'.repeat(2000)]) {
      expect(codeOf(() => decodeCursor(bad, 2)), bad).toBe('BAD_USER_INPUT');
    }
  });
});

describe('global ids', () => {
  it('round-trip and refuse ids of another type or shape', () => {
    const uuid = crypto.randomUUID();
    expect(parseGlobalId(toGlobalId('Product', uuid), 'Product')).toBe(uuid);
    expect(tryParseGlobalId(toGlobalId('Category', uuid), 'Product')).toBeNull();
    expect(tryParseGlobalId(`gid://commerce/Product/${uuid}' or 1=1`, 'Product')).toBeNull();
    expect(codeOf(() => parseGlobalId('42', 'Product'))).toBe('BAD_USER_INPUT');
  });
});

describe('per-subgraph settings', () => {
  it('lets one domain move to its own database and port', () => {
    const env = { DATABASE_URL: 'postgres://shared/commerce', INVENTORY_DATABASE_URL: 'postgres://big-box/inventory', INVENTORY_PORT: '5002' };
    expect(databaseUrlFor('inventory', env)).toBe('postgres://big-box/inventory');
    expect(databaseUrlFor('products', env)).toBe('postgres://shared/commerce');
    expect(() => databaseUrlFor('products', {})).toThrow(/PRODUCTS_DATABASE_URL or DATABASE_URL/);
    expect(portFor('inventory', 4002, env)).toBe(5002);
    expect(portFor('products', 4001, env)).toBe(4001);
    expect(portFor('products', 4001, { PORT: '9000' })).toBe(9000);
    expect(() => portFor('products', 4001, { PORT: 'http' })).toThrow(/Invalid port/);
  });
});

describe('error masker', () => {
  const masked = { message: 'Unexpected error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  const run = (formatted: GraphQLFormattedError, error: unknown) => {
    const logged: unknown[] = [];
    const mask = createErrorMasker({ error: (...args: unknown[]) => logged.push(args) } as unknown as Logger);
    return { result: mask(formatted, error), logged: logged.length };
  };

  it('passes the kit\'s client errors and Apollo\'s request errors unlogged; masks and logs everything else', () => {
    const client = clientError('BAD_USER_INPUT', 'Bad first', ['first']);
    expect(run({ message: 'Bad first', path: ['x'], extensions: { code: 'BAD_USER_INPUT', field: ['first'] } }, client)).toEqual({
      result: { message: 'Bad first', path: ['x'], extensions: { code: 'BAD_USER_INPUT', field: ['first'] } },
      logged: 0,
    });
    // Apollo's persisted-query hash mismatch: a 400 without a code.
    const mismatch = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(run({ message: 'provided sha does not match query', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, mismatch)).toEqual({
      result: { message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } },
      logged: 0,
    });
    // The gateway's executor refusing an operationName its document lacks: the sender's mistake.
    const unknownName = new GraphQLError('Unknown operation named "Account".', { extensions: { code: 'INVALID_GRAPHQL' } });
    expect(run({ message: 'Unknown operation named "Account".', extensions: { code: 'INVALID_GRAPHQL' } }, unknownName)).toEqual({
      result: { message: 'Unknown operation named "Account".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } },
      logged: 0,
    });
    // A GraphQLError claiming a safe code from inside a resolver (relayed from elsewhere) is not trusted.
    const relayed = new GraphQLError('remote detail', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(run({ message: 'remote detail', path: ['x'], extensions: { code: 'BAD_USER_INPUT' } }, relayed)).toEqual({
      result: { ...masked, path: ['x'] },
      logged: 1,
    });
    expect(run({ message: 'boom', path: ['x'] }, new Error('boom'))).toEqual({ result: { ...masked, path: ['x'] }, logged: 1 });
  });
});
