import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph.ts';

let system: TestSupergraph;

beforeAll(async () => {
  system = await startTestSupergraph({ seed: 'small' });
});
afterAll(() => system?.close());

/** Row counts of every table in every subgraph's schema: "nothing is written" means these do not move. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, subgraph] of Object.entries(system.subgraphs)) {
    const connection = subgraph.db.fork().getConnection();
    const tables = await connection.execute(`select table_name from information_schema.tables where table_schema = ?`, [name]);
    for (const { table_name } of tables) {
      const [row] = await connection.execute(`select count(*)::int as count from "${name}"."${table_name}"`);
      counts[`${name}.${table_name}`] = row?.count;
    }
  }
  return counts;
}

const codeOf = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;

describe('bad input through the gateway', () => {
  it('answers malformed arguments with a client error code, never a 500', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['query ($first: Int) { products(first: $first) { nodes { id } } }', { first: -1 }],
      ['query ($first: Int) { products(first: $first) { nodes { id } } }', { first: 100_000 }],
      ['query ($after: String) { products(first: 5, after: $after) { nodes { id } } }', { after: 'not-a-cursor' }],
      ['query ($after: String) { products(first: 5, after: $after) { nodes { id } } }', { after: Buffer.from('["x"]').toString('base64url') }],
      ['query ($id: ID) { product(id: $id) { id } }', { id: 'not-an-id' }],
      ['query ($id: ID) { product(id: $id) { id } }', { id: "1' OR '1'='1" }],
    ];
    for (const [query, variables] of cases) {
      const result = await system.request(query, variables);
      expect(result.status, JSON.stringify(variables)).toBeLessThan(500);
      expect(codeOf(result), JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(result)).not.toMatch(/select |stack|at .*\.ts/i);
    }
  });

  it('answers an unknown but well-formed id with null', async () => {
    const result = await system.request('query ($id: ID) { product(id: $id) { id } }', {
      id: `gid://commerce/Product/${crypto.randomUUID()}`,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.product).toBeNull();
  });

  it('treats an injection string as plain search text', async () => {
    const before = await rowCounts();
    for (const query of ["'); drop table products.product; --", "%' OR 1=1 --", '\\x00 ) ( & | !']) {
      const result = await system.request('query ($q: String) { products(first: 5, query: $q) { nodes { id } } }', { q: query });
      expect(result.errors, query).toBeUndefined();
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('rejects invalid mutations with userErrors and writes nothing', async () => {
    const before = await rowCounts();
    const created = await system.request(
      `mutation ($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id } userErrors { field code } } }`,
      { input: { email: 'not-an-email', password: 'long enough password', firstName: 'X', lastName: 'Y' } },
    );
    expect(created.data!.customerCreate.customer).toBeNull();
    expect(created.data!.customerCreate.userErrors[0]).toMatchObject({ field: ['input', 'email'] });

    const adjust = await system.request(
      `mutation ($input: InventoryAdjustQuantityInput!) { inventoryAdjustQuantity(input: $input) { stockLevel { onHand } userErrors { field code } } }`,
      { input: { variantId: `gid://commerce/ProductVariant/${crypto.randomUUID()}`, locationId: 'nope', delta: 1, reason: 'RECEIVED' } },
    );
    expect(adjust.data!.inventoryAdjustQuantity.userErrors.length).toBeGreaterThan(0);
    expect(await rowCounts()).toEqual(before);
  });
});
