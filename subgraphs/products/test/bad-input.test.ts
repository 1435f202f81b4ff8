import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor, toGlobalId } from '#kit';
import { createTestDatabase, startTestSubgraph, type GraphQLResult, type TestSubgraph } from '#kit/testing/index.ts';
import { products } from '../src/subgraph.ts';
import { createFixtureCategories, createProducts, fillerProducts, NAMED_PRODUCTS } from './support/catalog-fixture.ts';

let subgraph: TestSubgraph;
let productIds: string[];

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_bad_input'));
  await createFixtureCategories(subgraph);
  productIds = await createProducts(subgraph, [...NAMED_PRODUCTS, ...fillerProducts(3)]);
});
afterAll(() => subgraph?.close());

const LIST = `query ($first: Int, $after: String, $query: String, $categoryHandle: String, $sortKey: ProductSortKeys) {
  products(first: $first, after: $after, query: $query, categoryHandle: $categoryHandle, sortKey: $sortKey) {
    nodes { id } pageInfo { endCursor }
  }
}`;
const PRODUCT = `query ($id: ID, $handle: String) { product(id: $id, handle: $handle) { id } }`;
const CATEGORY = `query ($id: ID, $handle: String) { category(id: $id, handle: $handle) { id } }`;

/** A client's mistake: a coded error naming the argument, a 200, and nothing internal leaked. */
function expectBadInput(result: GraphQLResult, field: string[]) {
  expect(result.status).toBe(200);
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  expect(JSON.stringify(result)).not.toMatch(/Unexpected error|INTERNAL_SERVER_ERROR|select |stack/i);
}

const uuid = () => crypto.randomUUID();

describe('page size', () => {
  it('refuses a negative first', async () => {
    expectBadInput(await subgraph.request(LIST, { first: -1 }), ['first']);
  });

  it('refuses first above 100', async () => {
    expectBadInput(await subgraph.request(LIST, { first: 101 }), ['first']);
    expectBadInput(await subgraph.request('{ categories(first: 1000) { nodes { id } } }'), ['first']);
  });

  it('refuses a bad first on nested connections too', async () => {
    const variants = await subgraph.request(`query ($id: ID) { product(id: $id) { variants(first: -1) { nodes { id } } } }`, {
      id: productIds[0],
    });
    expect(variants.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: ['first'] });
    const categoryProducts = await subgraph.request('{ categories { nodes { products(first: 500) { nodes { id } } } } }');
    expect(categoryProducts.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: ['first'] });
  });
});

describe('cursors', () => {
  it('refuses a cursor that is not one', async () => {
    for (const after of ['not a cursor!', 'bm90LWpzb24', encodeCursor(['title', 'x']), '', 'x'.repeat(2000)]) {
      expectBadInput(await subgraph.request(LIST, { after }), ['after']);
    }
  });

  it('refuses a cursor taken under another sort key', async () => {
    const byTitle = await subgraph.request(LIST, { first: 1, sortKey: 'TITLE' });
    const cursor = byTitle.data!.products.pageInfo.endCursor;
    expectBadInput(await subgraph.request(LIST, { first: 1, sortKey: 'PRICE', after: cursor }), ['after']);
    expectBadInput(await subgraph.request(LIST, { first: 1, sortKey: 'RELEVANCE', query: 'tote', after: cursor }), ['after']);
  });

  it('refuses cursors whose values the database could not compare', async () => {
    for (const [sortKey, values] of [
      ['PRICE', ['price', 1e12, uuid()]],
      ['PRICE', ['price', 12.5, uuid()]],
      ['PRICE', ['price', '100', uuid()]],
      ['CREATED_AT', ['created', '2025-13-45T99:00:00.000Z', uuid()]],
      ['CREATED_AT', ['created', 'yesterday', uuid()]],
      ['TITLE', ['title', 'Canvas', 'not-a-uuid']],
      ['TITLE', ['title', 'nul\u0000byte', uuid()]],
      ['TITLE', ['title', 42, uuid()]],
      ['RELEVANCE', ['rank', 'NaN', uuid()]],
    ] as const) {
      const query = sortKey === 'RELEVANCE' ? 'tote' : null;
      expectBadInput(await subgraph.request(LIST, { sortKey, query, after: encodeCursor(values) }), ['after']);
    }
  });

  it('refuses a malformed categories cursor', async () => {
    expectBadInput(await subgraph.request('{ categories(after: "%%%") { nodes { id } } }'), ['after']);
    const wrong = encodeCursor([1, 2]);
    expectBadInput(await subgraph.request(`{ categories(after: "${wrong}") { nodes { id } } }`), ['after']);
  });
});

describe('search text', () => {
  it('refuses an over-long query or one that is not text', async () => {
    expectBadInput(await subgraph.request(LIST, { query: 'wool '.repeat(100) }), ['query']);
    expectBadInput(await subgraph.request(LIST, { query: 'wool\u0000' }), ['query']);
  });

  it('searches injection-looking, quote- and operator-laden text like any other', async () => {
    for (const query of [`'); drop table product; --`, `''''`, '!!! & | <-> :*', `\\x00 E'\\\\'`, '(((', 'wool)']) {
      const result = await subgraph.request(LIST, { query });
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
    }
    const still = await subgraph.request(LIST, { first: 100 });
    expect(still.data!.products.nodes).toHaveLength(productIds.length);
  });

  it('treats an injection-looking category handle as a handle that does not exist', async () => {
    const result = await subgraph.request(LIST, { categoryHandle: `x' or '1'='1` });
    expect(result.errors).toBeUndefined();
    expect(result.data!.products.nodes).toEqual([]);
  });
});

describe('product and category lookups', () => {
  it('refuses a malformed id', async () => {
    for (const id of ['not-an-id', 'gid://commerce/Product/123', toGlobalId('ProductVariant', uuid()), '']) {
      expectBadInput(await subgraph.request(PRODUCT, { id }), ['id']);
    }
    expectBadInput(await subgraph.request(CATEGORY, { id: productIds[0] }), ['id']);
  });

  it('refuses both id and handle, or neither', async () => {
    expectBadInput(await subgraph.request(PRODUCT, { id: productIds[0], handle: 'merino-wool-sweater' }), ['id']);
    expectBadInput(await subgraph.request(PRODUCT, {}), ['id']);
    expectBadInput(await subgraph.request(CATEGORY, { id: toGlobalId('Category', uuid()), handle: 'apparel' }), ['id']);
    expectBadInput(await subgraph.request(CATEGORY, {}), ['id']);
  });

  it('refuses a handle that cannot be text', async () => {
    expectBadInput(await subgraph.request(PRODUCT, { handle: 'a\u0000b' }), ['handle']);
    expectBadInput(await subgraph.request(LIST, { categoryHandle: 'h'.repeat(300) }), ['categoryHandle']);
  });

  it('answers null, not an error, for unknown but well-formed ids', async () => {
    const product = await subgraph.request(PRODUCT, { id: toGlobalId('Product', uuid()) });
    expect(product).toEqual({ status: 200, data: { product: null } });
    const category = await subgraph.request(CATEGORY, { id: toGlobalId('Category', uuid()) });
    expect(category).toEqual({ status: 200, data: { category: null } });
  });
});

describe('schema-level mistakes', () => {
  it('answers an unknown sort key as a client error, not a 500', async () => {
    const result = await subgraph.request(LIST, { sortKey: 'BEST_SELLING' });
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
