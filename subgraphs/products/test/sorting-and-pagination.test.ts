import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { Product } from '../src/entities/product.entity.ts';
import { createProduct } from '../src/services/product-write.service.ts';
import { products } from '../src/subgraph.ts';
import { createFixtureCategories, createProducts, fillerProducts, NAMED_PRODUCTS } from './support/catalog-fixture.ts';

let subgraph: TestSubgraph;
let allIds: string[];

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_paging'));
  await createFixtureCategories(subgraph);
  // Titles and prices collide on purpose (5 titles, 7 prices over 40 products): only the id breaks ties.
  allIds = [...(await createProducts(subgraph, NAMED_PRODUCTS)), ...(await createProducts(subgraph, fillerProducts(40)))];
});
afterAll(() => subgraph?.close());

interface Node {
  id: string;
  title: string;
  createdAt: string;
  priceRange: { minVariantPrice: { amount: string } };
}

const LIST = `query ($first: Int, $after: String, $query: String, $categoryHandle: String, $sortKey: ProductSortKeys, $reverse: Boolean) {
  products(first: $first, after: $after, query: $query, categoryHandle: $categoryHandle, sortKey: $sortKey, reverse: $reverse) {
    nodes { id title createdAt priceRange { minVariantPrice { amount } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

async function page(variables: Record<string, unknown>) {
  const result = await subgraph.request(LIST, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.products as { nodes: Node[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } };
}

/** Follows endCursor until the last page; returns every node in the order served. */
async function walk(variables: Record<string, unknown>, pageSize: number): Promise<Node[]> {
  const seen: Node[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 200; guard++) {
    const current = await page({ ...variables, first: pageSize, after });
    expect(current.pageInfo.hasPreviousPage).toBe(after !== null);
    seen.push(...current.nodes);
    if (!current.pageInfo.hasNextPage) return seen;
    expect(current.nodes).toHaveLength(pageSize);
    after = current.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

// Byte order, as the fixture's ASCII titles and lower-case uuids sort the same under any collation.
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const minorOf = (node: Node) => Number(node.priceRange.minVariantPrice.amount.replace('.', ''));

const SORTS = {
  TITLE: (a: Node, b: Node) => compare(a.title, b.title) || compare(a.id, b.id),
  PRICE: (a: Node, b: Node) => compare(minorOf(a), minorOf(b)) || compare(a.id, b.id),
  CREATED_AT: (a: Node, b: Node) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id),
  // Without a query, RELEVANCE is documented to order as TITLE.
  RELEVANCE: (a: Node, b: Node) => compare(a.title, b.title) || compare(a.id, b.id),
} as const;

describe('sorting', () => {
  for (const [sortKey, order] of Object.entries(SORTS)) {
    it(`orders by ${sortKey}, ties broken by id, and reverse flips it exactly`, async () => {
      const forward = (await page({ sortKey, first: 100 })).nodes;
      expect(forward).toHaveLength(allIds.length);
      expect(forward).toEqual([...forward].sort(order));
      const backward = (await page({ sortKey, reverse: true, first: 100 })).nodes;
      expect(backward).toEqual([...forward].reverse());
    });
  }

  it('defaults to RELEVANCE, and ranks title matches above description matches', async () => {
    expect((await page({ first: 100 })).nodes).toEqual((await page({ first: 100, sortKey: 'TITLE' })).nodes);
    const ranked = (await page({ query: 'merino', sortKey: 'RELEVANCE' })).nodes.map((node) => node.title);
    expect(ranked).toEqual(['Merino Wool Sweater', 'Trail Running Shoe']);
    const reversed = (await page({ query: 'merino', sortKey: 'RELEVANCE', reverse: true })).nodes.map((node) => node.title);
    expect(reversed).toEqual(['Trail Running Shoe', 'Merino Wool Sweater']);
  });

  it('sorts search results by another key when asked', async () => {
    const byPrice = (await page({ query: 'merino', sortKey: 'PRICE' })).nodes.map((node) => node.title);
    expect(byPrice).toEqual(['Merino Wool Sweater', 'Trail Running Shoe']);
    const byPriceReversed = (await page({ query: 'merino', sortKey: 'PRICE', reverse: true })).nodes.map((node) => node.title);
    expect(byPriceReversed).toEqual(['Trail Running Shoe', 'Merino Wool Sweater']);
  });
});

describe('pagination', () => {
  for (const sortKey of Object.keys(SORTS)) {
    for (const reverse of [false, true]) {
      it(`walks every product exactly once by ${sortKey}${reverse ? ' reversed' : ''}`, async () => {
        const walked = await walk({ sortKey, reverse }, 7);
        const ids = walked.map((node) => node.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual([...allIds].sort());
        expect(walked).toEqual((await page({ sortKey, reverse, first: 100 })).nodes);
      });
    }
  }

  it('walks search results by relevance one at a time in the same order as one page', async () => {
    // Every filler shares the words "canvas" and "tote", so most ranks tie and the id decides.
    const all = (await page({ query: 'canvas tote', first: 100 })).nodes;
    expect(all).toHaveLength(40);
    expect(await walk({ query: 'canvas tote' }, 1)).toEqual(all);
    expect(await walk({ query: 'canvas tote', reverse: true }, 9)).toEqual([...all].reverse());
  });

  it('walks one category', async () => {
    const all = (await page({ categoryHandle: 'footwear', first: 100, sortKey: 'PRICE' })).nodes;
    expect(all.length).toBeGreaterThan(10);
    expect(await walk({ categoryHandle: 'footwear', sortKey: 'PRICE' }, 4)).toEqual(all);
  });

  it('neither repeats nor skips rows when products are added between pages', async () => {
    const first = await page({ sortKey: 'TITLE', first: 10 });
    // One product sorts before the cursor, one after it.
    const before = await createProduct(subgraph.context(), {
      handle: 'aaa-early-bird',
      title: 'AAA Early Bird',
      variants: [{ sku: 'EARLY-1', priceMinor: 100, weightGrams: 1 }],
    });
    const after = await createProduct(subgraph.context(), {
      handle: 'zzz-late-comer',
      title: 'ZZZ Late Comer',
      variants: [{ sku: 'LATE-1', priceMinor: 100, weightGrams: 1 }],
    });
    let rest: Node[] = [];
    let cursor = first.pageInfo.endCursor;
    for (;;) {
      const next = await page({ sortKey: 'TITLE', first: 10, after: cursor });
      rest = [...rest, ...next.nodes];
      if (!next.pageInfo.hasNextPage) break;
      cursor = next.pageInfo.endCursor;
    }
    const ids = [...first.nodes, ...rest].map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => allIds.includes(id)).sort()).toEqual([...allIds].sort());
    expect(ids.some((id) => id.endsWith(before.id))).toBe(false);
    expect(ids.some((id) => id.endsWith(after.id))).toBe(true);
    // Leave the catalog as the other tests expect it.
    await subgraph.db.fork().nativeDelete(Product, { id: { $in: [before.id, after.id] } });
  });
});
