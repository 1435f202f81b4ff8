import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { products } from '../src/subgraph.ts';
import { createFixtureCategories, createProducts, fillerProducts, NAMED_PRODUCTS } from './support/catalog-fixture.ts';

let subgraph: TestSubgraph;
let namedIds: string[];

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_queries'));
  await createFixtureCategories(subgraph);
  namedIds = await createProducts(subgraph, NAMED_PRODUCTS);
  await createProducts(subgraph, fillerProducts(6));
});
afterAll(() => subgraph?.close());

const PRODUCT_FIELDS = `
  id handle title description createdAt updatedAt
  priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } }
  categories { handle title }
  variants { nodes { id sku title price { amount currencyCode } weight { value unit } selectedOptions { name value } product { id } } pageInfo { hasNextPage } }
`;

const LIST = `query ($first: Int, $after: String, $query: String, $categoryHandle: String, $sortKey: ProductSortKeys, $reverse: Boolean) {
  products(first: $first, after: $after, query: $query, categoryHandle: $categoryHandle, sortKey: $sortKey, reverse: $reverse) {
    edges { cursor node { id } }
    nodes { ${PRODUCT_FIELDS} }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const BY_ID_OR_HANDLE = `query ($id: ID, $handle: String) { product(id: $id, handle: $handle) { ${PRODUCT_FIELDS} } }`;

async function list(variables: Record<string, unknown>) {
  const result = await subgraph.request(LIST, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.products;
}

const titlesOf = (connection: { nodes: { title: string }[] }) => connection.nodes.map((node) => node.title);

describe('products listing', () => {
  it('lists products with their variants, prices, weights, options and categories', async () => {
    const page = await list({ first: 100 });
    expect(page.nodes).toHaveLength(NAMED_PRODUCTS.length + 6);
    const sweater = page.nodes.find((node: { handle: string }) => node.handle === 'merino-wool-sweater');
    expect(sweater.id).toBe(namedIds[0]);
    expect(sweater.priceRange).toEqual({
      minVariantPrice: { amount: '89.00', currencyCode: 'USD' },
      maxVariantPrice: { amount: '99.00', currencyCode: 'USD' },
    });
    expect(sweater.categories).toEqual([{ handle: 'apparel', title: 'Apparel' }]);
    expect(sweater.variants.nodes.map((variant: { sku: string }) => variant.sku)).toEqual(['SWEATER-S', 'SWEATER-M', 'SWEATER-XL']);
    expect(sweater.variants.nodes[2]).toMatchObject({
      title: 'XL',
      price: { amount: '99.00', currencyCode: 'USD' },
      weight: { value: 510, unit: 'GRAMS' },
      selectedOptions: [{ name: 'Size', value: 'XL' }],
      product: { id: namedIds[0] },
    });
    expect(sweater.variants.nodes[0].id).toMatch(/^gid:\/\/commerce\/ProductVariant\/[0-9a-f-]{36}$/);
    expect(new Date(sweater.createdAt).toISOString()).toBe(sweater.createdAt);
  });

  it('prices a variant in the currency stored on its row', async () => {
    const { data } = await subgraph.request(BY_ID_OR_HANDLE, { handle: 'cast-iron-skillet' });
    expect(data!.product.variants.nodes.map((variant: { price: unknown }) => variant.price)).toEqual([
      { amount: '45.00', currencyCode: 'EUR' },
      { amount: '59.99', currencyCode: 'EUR' },
    ]);
    expect(data!.product.priceRange.maxVariantPrice).toEqual({ amount: '59.99', currencyCode: 'EUR' });
  });

  it('limits variants to `first` and says more exist', async () => {
    const { data, errors } = await subgraph.request(
      `query ($handle: String) { product(handle: $handle) { variants(first: 2) { nodes { sku } pageInfo { hasNextPage } } } }`,
      { handle: 'merino-wool-sweater' },
    );
    expect(errors).toBeUndefined();
    expect(data!.product.variants).toEqual({ nodes: [{ sku: 'SWEATER-S' }, { sku: 'SWEATER-M' }], pageInfo: { hasNextPage: true } });
  });

  it('pages with edges, cursors and pageInfo', async () => {
    const first = await list({ first: 4 });
    expect(first.nodes).toHaveLength(4);
    expect(first.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(first.nodes.map((node: { id: string }) => node.id));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[3].cursor });
    const rest = await list({ first: 100, after: first.pageInfo.endCursor });
    expect(rest.nodes).toHaveLength(NAMED_PRODUCTS.length + 6 - 4);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('returns an empty page for first: 0', async () => {
    const page = await list({ first: 0 });
    expect(page.nodes).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});

describe('single products', () => {
  it('finds a product by global id and by handle, the same either way', async () => {
    const byId = await subgraph.request(BY_ID_OR_HANDLE, { id: namedIds[1] });
    const byHandle = await subgraph.request(BY_ID_OR_HANDLE, { handle: 'trail-running-shoe' });
    expect(byId.errors).toBeUndefined();
    expect(byId.data!.product.title).toBe('Trail Running Shoe');
    expect(byId.data).toEqual(byHandle.data);
    expect(byId.data!.product.categories.map((c: { handle: string }) => c.handle)).toEqual(['apparel', 'footwear']);
  });

  it('answers null for a well-formed id or a handle that matches nothing', async () => {
    const unknownId = await subgraph.request(BY_ID_OR_HANDLE, { id: toGlobalId('Product', crypto.randomUUID()) });
    expect(unknownId).toMatchObject({ status: 200, data: { product: null } });
    expect(unknownId.errors).toBeUndefined();
    const unknownHandle = await subgraph.request(BY_ID_OR_HANDLE, { handle: 'no-such-product' });
    expect(unknownHandle).toMatchObject({ status: 200, data: { product: null } });
  });
});

describe('search', () => {
  it('finds products by a word of their title, best matches first', async () => {
    const page = await list({ query: 'merino' });
    // The sweater has the word in its title (weight A); the shoe only in its description (weight B).
    expect(titlesOf(page)).toEqual(['Merino Wool Sweater', 'Trail Running Shoe']);
  });

  it('matches word forms through English stemming', async () => {
    expect(titlesOf(await list({ query: 'skillets' }))).toEqual(['Cast Iron Skillet']);
    expect(titlesOf(await list({ query: 'run' }))).toEqual(['Trail Running Shoe']);
  });

  it('supports web-search syntax: phrases and exclusions', async () => {
    expect(titlesOf(await list({ query: 'merino -sweater' }))).toEqual(['Trail Running Shoe']);
    expect(titlesOf(await list({ query: '"cast iron"' }))).toEqual(['Cast Iron Skillet']);
  });

  it('finds nothing for a word no product uses', async () => {
    const page = await list({ query: 'trampoline' });
    expect(page.nodes).toEqual([]);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('treats a blank query as no search', async () => {
    expect((await list({ query: '   ', first: 100 })).nodes).toHaveLength(NAMED_PRODUCTS.length + 6);
  });

  it('treats an injection-looking query as search text', async () => {
    for (const query of [`'); drop table product; --`, `" OR 1=1 --`, `\\'; select pg_sleep(1); --`, '?', '$1 ?? ::text']) {
      const result = await subgraph.request(LIST, { query });
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
      expect(result.data!.products.nodes).toEqual([]);
    }
    expect((await list({ first: 100 })).nodes).toHaveLength(NAMED_PRODUCTS.length + 6);
  });

  it('combines search with a category filter', async () => {
    expect(titlesOf(await list({ query: 'merino', categoryHandle: 'footwear' }))).toEqual(['Trail Running Shoe']);
  });
});

describe('categories', () => {
  it('filters products by category handle', async () => {
    const kitchen = await list({ categoryHandle: 'kitchen', first: 100, sortKey: 'TITLE' });
    expect(titlesOf(kitchen)).toContain('Cast Iron Skillet');
    expect(kitchen.nodes.every((node: { categories: { handle: string }[] }) => node.categories.some((c) => c.handle === 'kitchen'))).toBe(true);
    const apparel = await list({ categoryHandle: 'apparel', first: 100 });
    expect(titlesOf(apparel)).toEqual(expect.arrayContaining(['Merino Wool Sweater', 'Trail Running Shoe']));
    expect(titlesOf(apparel)).not.toContain('Cast Iron Skillet');
  });

  it('gives an empty page for an unknown category handle', async () => {
    expect((await list({ categoryHandle: 'no-such-category' })).nodes).toEqual([]);
  });

  it('lists categories by title, with their products', async () => {
    const { data, errors } = await subgraph.request(`{
      categories(first: 10) {
        nodes { id handle title products(first: 100, sortKey: TITLE) { nodes { handle } pageInfo { hasNextPage } } }
        pageInfo { hasNextPage }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.categories.nodes.map((c: { handle: string }) => c.handle)).toEqual(['apparel', 'footwear', 'kitchen']);
    for (const category of data!.categories.nodes) {
      const page = await list({ categoryHandle: category.handle, sortKey: 'TITLE', first: 100 });
      expect(category.products.nodes.map((n: { handle: string }) => n.handle)).toEqual(page.nodes.map((n: { handle: string }) => n.handle));
    }
  });

  it('pages categories', async () => {
    const query = `query ($after: String) { categories(first: 2, after: $after) { nodes { handle } pageInfo { hasNextPage endCursor } } }`;
    const first = await subgraph.request(query);
    const second = await subgraph.request(query, { after: first.data!.categories.pageInfo.endCursor });
    expect(first.data!.categories).toMatchObject({ nodes: [{ handle: 'apparel' }, { handle: 'footwear' }], pageInfo: { hasNextPage: true } });
    expect(second.data!.categories).toMatchObject({ nodes: [{ handle: 'kitchen' }], pageInfo: { hasNextPage: false } });
  });

  it('finds a category by id and by handle; unknown ones are null', async () => {
    const query = `query ($id: ID, $handle: String) { category(id: $id, handle: $handle) { id handle title } }`;
    const byHandle = await subgraph.request(query, { handle: 'footwear' });
    expect(byHandle.data!.category).toMatchObject({ handle: 'footwear', title: 'Footwear' });
    const byId = await subgraph.request(query, { id: byHandle.data!.category.id });
    expect(byId.data).toEqual(byHandle.data);
    expect((await subgraph.request(query, { id: toGlobalId('Category', crypto.randomUUID()) })).data).toEqual({ category: null });
  });
});

describe('federation', () => {
  it('resolves Product and ProductVariant references', async () => {
    const product = (await subgraph.request(BY_ID_OR_HANDLE, { handle: 'merino-wool-sweater' })).data!.product;
    const variantId = product.variants.nodes[1].id;
    const { data, errors } = await subgraph.request(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Product { title }
        ... on ProductVariant { sku price { amount } product { handle } }
      } }`,
      {
        reps: [
          { __typename: 'Product', id: product.id },
          { __typename: 'ProductVariant', id: variantId },
          { __typename: 'ProductVariant', id: toGlobalId('ProductVariant', crypto.randomUUID()) },
          { __typename: 'ProductVariant', id: 'not-a-global-id' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { title: 'Merino Wool Sweater' },
      { sku: 'SWEATER-M', price: { amount: '89.00' }, product: { handle: 'merino-wool-sweater' } },
      null,
      null,
    ]);
  });
});

describe('productVariantBySku', () => {
  const BY_SKU = `query ($sku: String!) { productVariantBySku(sku: $sku) { id sku product { id } } }`;

  it('finds a variant by its exact SKU (spaces around it ignored), and nothing for an unknown or archived one', async () => {
    const listed = await list({ first: 1 });
    const variant = listed.nodes[0].variants.nodes[0];
    const found = await subgraph.request(BY_SKU, { sku: `  ${variant.sku} ` });
    expect(found.errors).toBeUndefined();
    expect(found.data!.productVariantBySku).toEqual({ id: variant.id, sku: variant.sku, product: { id: listed.nodes[0].id } });
    expect((await subgraph.request(BY_SKU, { sku: 'NO-SUCH-SKU' })).data!.productVariantBySku).toBeNull();

    await subgraph.sql("update product set status = 'ARCHIVED' where id = ?", [listed.nodes[0].id.split('/').at(-1)]);
    expect((await subgraph.request(BY_SKU, { sku: variant.sku })).data!.productVariantBySku).toBeNull();
    await subgraph.sql("update product set status = 'ACTIVE' where id = ?", [listed.nodes[0].id.split('/').at(-1)]);
  });

  it('answers a blank or overlong SKU with BAD_USER_INPUT on `sku`', async () => {
    for (const sku of ['   ', 'X'.repeat(65)]) {
      const result = await subgraph.request(BY_SKU, { sku });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['sku'] });
    }
  });
});
