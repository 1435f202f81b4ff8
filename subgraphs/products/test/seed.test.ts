import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUuid } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { buildDemoCatalog } from '../src/seed-catalog.ts';
import { seedProducts } from '../src/seed.ts';
import { products } from '../src/subgraph.ts';

let subgraph: TestSubgraph;
let first: Awaited<ReturnType<typeof seedProducts>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_seed'));
  first = await seedProducts(subgraph.db.fork());
});
afterAll(() => subgraph?.close());

const scalar = async <T>(sql: string): Promise<T> => {
  const [row] = await subgraph.sql<{ value: T }>(sql);
  return row!.value;
};

describe('demo catalog seed', () => {
  it('fills an empty catalog with at least 1,000 products in at least 6 categories', async () => {
    expect(first.created).toBe(true);
    expect(Number(await scalar('select count(*) as value from product'))).toBeGreaterThanOrEqual(1000);
    expect(Number(await scalar('select count(*) as value from category'))).toBeGreaterThanOrEqual(6);
    expect(Number(await scalar('select count(*) as value from product p where not exists (select 1 from product_category pc where pc.product_id = p.id)'))).toBe(0);
  });

  it('gives every product 1 to 4 variants and a price range matching them', async () => {
    const counts = await subgraph.sql<{ n: number }>(
      'select count(v.id)::int as n from product p left join product_variant v on v.product_id = p.id group by p.id',
    );
    expect(Math.min(...counts.map((c) => c.n))).toBe(1);
    expect(Math.max(...counts.map((c) => c.n))).toBe(4);
    const mismatched = await scalar(`select count(*) as value from product p
      where (p.price_min_minor, p.price_max_minor) <> (select min(price_minor), max(price_minor) from product_variant where product_id = p.id)`);
    expect(Number(mismatched)).toBe(0);
  });

  it('returns the local uuid of every variant', async () => {
    const stored = await subgraph.sql<{ id: string }>('select id from product_variant');
    expect(first.variantIds.every(isUuid)).toBe(true);
    expect([...first.variantIds].sort()).toEqual(stored.map((row) => row.id).sort());
  });

  it('does nothing the second time but still returns every variant uuid', async () => {
    const before = await scalar('select count(*) as value from product_variant');
    const again = await seedProducts(subgraph.db.fork());
    expect(again.created).toBe(false);
    expect([...again.variantIds].sort()).toEqual([...first.variantIds].sort());
    expect(await scalar('select count(*) as value from product_variant')).toBe(before);
  });

  it('builds the same catalog on every run', () => {
    expect(buildDemoCatalog(20)).toEqual(buildDemoCatalog(20));
    const full = buildDemoCatalog();
    expect(full.variants.map((variant) => variant.id)).toEqual(first.variantIds);
  });

  it('has titles that search finds', async () => {
    const { data, errors } = await subgraph.request(`{ products(query: "merino sweater", first: 5) { nodes { title } } }`);
    expect(errors).toBeUndefined();
    expect(data!.products.nodes.length).toBeGreaterThan(0);
    for (const node of data!.products.nodes) expect(node.title).toMatch(/Merino Wool Sweater/);
    const shoes = await subgraph.request(`{ products(query: "running shoe", categoryHandle: "footwear", first: 3) { nodes { title } } }`);
    expect(shoes.data!.products.nodes.length).toBeGreaterThan(0);
  });
});
