import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUuid } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { buildDemoCatalog } from '../src/seed-catalog.ts';
import { seedProducts } from '../src/seed.ts';
import { products } from '../src/subgraph.ts';

let subgraph: TestSubgraph;
let first: Awaited<ReturnType<typeof seedProducts>>;
let fullSeedMs: number;

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_seed'));
  const started = performance.now();
  first = await seedProducts(subgraph.context(), { size: 'full' });
  fullSeedMs = performance.now() - started;
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
    const again = await seedProducts(subgraph.context(), { size: 'full' });
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

describe('demo catalog seed, as the API would have made it', () => {
  it('stays fast for the full catalog', () => {
    console.info(`full seed: ${Math.round(fullSeedMs)} ms`);
    expect(fullSeedMs).toBeLessThan(10_000);
  });

  it('emits the events staff creating each category and product would', async () => {
    const counted = await subgraph.sql<{ type: string; n: number }>('select type, count(*)::int as n from kit_outbox group by type order by type');
    const [tables] = await subgraph.sql<{ categories: number; products: number }>(
      'select (select count(*)::int from category) as categories, (select count(*)::int from product) as products',
    );
    expect(counted).toEqual([
      { type: 'products.category.created', n: tables!.categories },
      { type: 'products.product.created', n: tables!.products },
      { type: 'products.variants.created', n: tables!.products },
    ]);
    // Every variant is announced exactly once, with its product and SKU, so inventory learns of each.
    const unannounced = await subgraph.sql(`
      select v.id from product_variant v
      except
      select (variant->>'id')::uuid from kit_outbox o, jsonb_array_elements(o.payload->'variants') variant
      where o.type = 'products.variants.created'`);
    expect(unannounced).toEqual([]);
    const [mismatched] = await subgraph.sql<{ n: number }>(`
      select count(*)::int as n from kit_outbox o, jsonb_array_elements(o.payload->'variants') variant
      where o.type = 'products.variants.created' and not exists (
        select 1 from product_variant v
        where v.id = (variant->>'id')::uuid and v.sku = variant->>'sku' and v.product_id = (o.payload->>'productId')::uuid)`);
    expect(mismatched!.n).toBe(0);
  });

  it('classifies every variant for tax: kitchenware reduced, protective boots zero-rated, the rest standard', async () => {
    const classes = await subgraph.sql<{ department: string; tax_class: string }>(`
      select distinct c.handle as department, v.tax_class from product_variant v
      join product_category pc on pc.product_id = v.product_id join category c on c.id = pc.category_id
      where c.handle <> 'gifts' order by 1, 2`);
    expect(classes).toEqual([
      { department: 'apparel', tax_class: 'STANDARD' },
      { department: 'electronics', tax_class: 'STANDARD' },
      { department: 'footwear', tax_class: 'STANDARD' },
      { department: 'footwear', tax_class: 'ZERO' },
      { department: 'home', tax_class: 'STANDARD' },
      { department: 'kitchen', tax_class: 'REDUCED' },
      { department: 'outdoor', tax_class: 'STANDARD' },
    ]);
    const zero = await subgraph.sql<{ title: string }>(`select distinct p.title from product p join product_variant v on v.product_id = p.id where v.tax_class = 'ZERO'`);
    expect(zero.every((row) => row.title.endsWith('Work Boot'))).toBe(true);
    const { data } = await subgraph.request(`{ products(categoryHandle: "kitchen", first: 1) { nodes { status variants { nodes { taxClass } } } } }`);
    const [pan] = data!.products.nodes;
    expect(pan.status).toBe('ACTIVE');
    expect(new Set(pan.variants.nodes.map((variant: { taxClass: string }) => variant.taxClass))).toEqual(new Set(['REDUCED']));
  });
});

describe('small seed', () => {
  let small: TestSubgraph;
  let seeded: Awaited<ReturnType<typeof seedProducts>>;

  beforeAll(async () => {
    small = await startTestSubgraph(products, await createTestDatabase('products_seed_small'));
    const started = performance.now();
    seeded = await seedProducts(small.context(), { size: 'small' });
    console.info(`small seed: ${Math.round(performance.now() - started)} ms`);
  });
  afterAll(() => small?.close());

  it('makes about 40 products over the same categories as the full catalog, every category stocked', async () => {
    expect(seeded.created).toBe(true);
    const perCategory = await small.sql<{ handle: string; n: number }>(
      'select c.handle, count(pc.product_id)::int as n from category c left join product_category pc on pc.category_id = c.id group by c.handle order by c.handle',
    );
    const fullCategories = await subgraph.sql<{ handle: string }>('select handle from category order by handle');
    expect(perCategory.map((row) => row.handle)).toEqual(fullCategories.map((row) => row.handle));
    expect(perCategory.every((row) => row.n > 0)).toBe(true);
    const [count] = await small.sql<{ products: number; events: number }>(
      `select (select count(*)::int from product) as products, (select count(*)::int from kit_outbox where type = 'products.variants.created') as events`,
    );
    expect(count!.products).toBeGreaterThanOrEqual(30);
    expect(count!.products).toBeLessThanOrEqual(50);
    expect(count!.events).toBe(count!.products);
    expect(seeded.variantIds).toHaveLength((await small.sql('select id from product_variant')).length);
  });
});
