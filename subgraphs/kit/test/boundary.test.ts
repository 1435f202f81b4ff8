import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import {
  decodeCursor,
  encodeCursor,
  formatMinorUnits,
  parseGlobalId,
  readPageSize,
  databaseUrlFor,
  portFor,
  toGlobalId,
  tryParseGlobalId,
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
