import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph.ts';

let system: TestSupergraph;

beforeAll(async () => {
  system = await startTestSupergraph({ seed: 'small' });
});
afterAll(() => system?.close());

const LISTING = /* GraphQL */ `
  query Listing($first: Int, $after: String, $query: String, $categoryHandle: String, $sortKey: ProductSortKeys, $reverse: Boolean) {
    products(first: $first, after: $after, query: $query, categoryHandle: $categoryHandle, sortKey: $sortKey, reverse: $reverse) {
      edges {
        cursor
        node {
          id
          handle
          title
          priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } }
          categories { handle }
          variants(first: 10) {
            nodes {
              id
              sku
              price { amount currencyCode }
              quantityAvailable
              availableForSale
            }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

type Listing = {
  products: {
    edges: {
      cursor: string;
      node: {
        id: string;
        handle: string;
        title: string;
        priceRange: { minVariantPrice: { amount: string; currencyCode: string } };
        categories: { handle: string }[];
        variants: { nodes: { id: string; sku: string; price: { amount: string; currencyCode: string }; quantityAvailable: number; availableForSale: boolean }[] };
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

async function listing(variables: Record<string, unknown>) {
  const result = await system.request<Listing>(LISTING, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.products;
}

describe('catalog through the gateway', () => {
  it('lists products with variants, prices and stock from products and inventory in one request', async () => {
    const page = await listing({ first: 10 });
    expect(page.edges).toHaveLength(10);
    for (const { node } of page.edges) {
      expect(node.variants.nodes.length).toBeGreaterThanOrEqual(1);
      for (const variant of node.variants.nodes) {
        expect(variant.price.amount).toMatch(/^\d+\.\d{2}$/);
        expect(variant.price.currencyCode).toBe('USD');
        expect(Number.isInteger(variant.quantityAvailable)).toBe(true);
        expect(variant.availableForSale).toBe(variant.quantityAvailable > 0);
      }
    }
  });

  it('reports the stock inventory holds for a variant in locations that ship online', async () => {
    const [{ node }] = (await listing({ first: 1 })).edges as [Listing['products']['edges'][number]];
    const variant = node.variants.nodes[0]!;
    const uuid = variant.id.split('/').at(-1)!;
    const rows = await system.subgraphs.inventory!.sql(
      `select coalesce(sum(s.on_hand - s.reserved), 0)::int as available
         from inventory.stock_level s join inventory.location l on l.id = s.location_id
        where s.variant_id = ? and l.fulfills_online_orders and l.active`,
      [uuid],
    );
    expect(variant.quantityAvailable).toBe(rows[0]?.available);
  });

  it('finds a product by id and by handle', async () => {
    const [{ node }] = (await listing({ first: 1, sortKey: 'TITLE' })).edges as [Listing['products']['edges'][number]];
    const query = `query ($id: ID, $handle: String) { product(id: $id, handle: $handle) { id handle title } }`;
    const byId = await system.request(query, { id: node.id });
    const byHandle = await system.request(query, { handle: node.handle });
    expect(byId.data?.product).toEqual({ id: node.id, handle: node.handle, title: node.title });
    expect(byHandle.data?.product).toEqual({ id: node.id, handle: node.handle, title: node.title });
  });

  it('searches by a word of a title', async () => {
    const page = await listing({ first: 30, sortKey: 'TITLE' });
    const target = page.edges[17]!.node;
    const word = target.title.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
    const found = await listing({ first: 100, query: word });
    expect(found.edges.length).toBeGreaterThan(0);
    // Every hit mentions the word (full-text search stems, so compare on a prefix of it).
    const stem = word.toLowerCase().slice(0, 4);
    for (const { node } of found.edges) expect(node.title.toLowerCase()).toContain(stem);
    const exact = await listing({ first: 10, query: target.title, sortKey: 'RELEVANCE' });
    expect(exact.edges.map((edge) => edge.node.id)).toContain(target.id);
  });

  it('filters by category', async () => {
    const categories = await system.request<{ categories: { nodes: { handle: string }[] } }>(
      `{ categories(first: 20) { nodes { handle } } }`,
    );
    const handle = categories.data!.categories.nodes[0]!.handle;
    const page = await listing({ first: 40, categoryHandle: handle });
    expect(page.edges.length).toBeGreaterThan(0);
    for (const { node } of page.edges) expect(node.categories.map((c) => c.handle)).toContain(handle);
  });

  it('paginates a whole category with stable cursors: no duplicates, nothing skipped', async () => {
    const categories = await system.request<{ categories: { nodes: { handle: string }[] } }>(`{ categories(first: 20) { nodes { handle } } }`);
    const handle = categories.data!.categories.nodes[1]!.handle;
    for (const sortKey of ['TITLE', 'PRICE', 'CREATED_AT']) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        // Small pages, so the small seed's categories still take several.
        const page: Listing['products'] = await listing({ first: 3, after, categoryHandle: handle, sortKey });
        seen.push(...page.edges.map((edge) => edge.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages++;
      } while (after && pages < 100);
      expect(new Set(seen).size).toBe(seen.length);
      const [row] = await system.subgraphs.products!.sql(
        `select count(*)::int as count from products.product_category pc join products.category c on c.id = pc.category_id where c.handle = ?`,
        [handle],
      );
      expect(seen.length).toBe(row?.count);
      expect(pages).toBeGreaterThan(1);
    }
  });

  it('sends the same number of SQL statements for 40 products as for 5, in every subgraph', async () => {
    const statementsFor = async (first: number) => {
      for (const subgraph of Object.values(system.subgraphs)) subgraph.db.resetStatementCount();
      const page = await listing({ first });
      expect(page.edges).toHaveLength(first);
      return Object.fromEntries(Object.entries(system.subgraphs).map(([name, s]) => [name, s.db.statementCount()]));
    };
    const few = await statementsFor(5);
    const many = await statementsFor(40);
    expect(many).toEqual(few);
    expect(few.products).toBeGreaterThan(0);
    expect(few.inventory).toBeGreaterThan(0);
  });
});
