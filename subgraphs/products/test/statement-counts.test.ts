import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { createCategory } from '../src/services/category-write.service.ts';
import { createProduct } from '../src/services/product-write.service.ts';
import { products } from '../src/subgraph.ts';

let subgraph: TestSubgraph;
let variantIds: string[];
let productIds: string[];
const categoryIds: string[] = [];

const CATEGORY_COUNT = 6;

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_statements'));
  for (let c = 0; c < CATEGORY_COUNT; c++) {
    categoryIds.push((await createCategory(subgraph.context(), { handle: `dept-${c}`, title: `Department ${c}` })).id);
  }
  variantIds = [];
  productIds = [];
  for (let i = 0; i < 60; i++) {
    const product = await createProduct(subgraph.context(), {
      handle: `item-${i}`,
      title: `Item ${i}`,
      categoryHandles: [`dept-${i % CATEGORY_COUNT}`, `dept-${(i + 1) % CATEGORY_COUNT}`],
      variants: [0, 1, 2].map((v) => ({
        sku: `ITEM-${i}-${v}`,
        priceMinor: 1000 + i * 10 + v,
        weightGrams: 100,
        selectedOptions: [{ name: 'Size', value: ['S', 'M', 'L'][v]! }],
      })),
    });
    productIds.push(toGlobalId('Product', product.id));
  }
  const rows = await subgraph.sql<{ id: string }>('select id from product_variant');
  variantIds = rows.map((row) => toGlobalId('ProductVariant', row.id));
});
afterAll(() => subgraph?.close());

/** Statements one request sends; the request must succeed. */
async function statementsFor(query: string, variables: Record<string, unknown>): Promise<number> {
  subgraph.db.resetStatementCount();
  const result = await subgraph.request(query, variables);
  expect(result.errors).toBeUndefined();
  return subgraph.db.statementCount();
}

const LISTING = `query ($first: Int, $query: String) {
  products(first: $first, query: $query) {
    nodes {
      id title
      priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount } }
      categories { handle title }
      variants { nodes { id sku price { amount } weight { value } selectedOptions { name value } product { id title } } }
    }
  }
}`;

describe('SQL statements per request do not grow with the page', () => {
  it('lists 50 products with variants, prices and categories in as many statements as 5', async () => {
    const five = await statementsFor(LISTING, { first: 5 });
    const fifty = await statementsFor(LISTING, { first: 50 });
    expect(fifty).toBe(five);
    // The page with all its variants, then all its categories.
    expect(fifty).toBe(2);
  });

  it('reads a page and its variants in one statement, whether asked through nodes, edges or a fragment', async () => {
    const titles = `query { products(first: 20) { nodes { title } } }`;
    const viaEdges = `query { products(first: 20) { edges { node { title variants { nodes { sku } } } } } }`;
    const viaFragment = `query { products(first: 20) { nodes { ...Card } } } fragment Card on Product { title variants(first: 2) { nodes { sku } } }`;
    expect(await statementsFor(titles, {})).toBe(1);
    expect(await statementsFor(viaEdges, {})).toBe(1);
    expect(await statementsFor(viaFragment, {})).toBe(1);
    const listed = await subgraph.request(viaFragment, {});
    const first = (listed.data!.products as { nodes: { variants: { nodes: { sku: string }[] } }[] }).nodes[0]!;
    expect(first.variants.nodes.map((variant) => variant.sku)).toEqual(['ITEM-0-0', 'ITEM-0-1']);
  });

  it('searches 50 products in as many statements as 5', async () => {
    expect(await statementsFor(LISTING, { first: 50, query: 'item' })).toBe(await statementsFor(LISTING, { first: 5, query: 'item' }));
  });

  it('resolves 50 variant references in as many statements as 5', async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on ProductVariant { sku price { amount currencyCode } product { title priceRange { minVariantPrice { amount } } categories { handle } } }
    } }`;
    const reps = (ids: string[]) => ({ reps: ids.map((id) => ({ __typename: 'ProductVariant', id })) });
    const five = await statementsFor(query, reps(variantIds.slice(0, 5)));
    const fifty = await statementsFor(query, reps(variantIds.slice(0, 50)));
    expect(fifty).toBe(five);
    // The variants with their products (one statement: catalog-rows.ts), the products' categories.
    expect(fifty).toBe(2);
  });

  it('resolves 50 product references in as many statements as 5', async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Product { title variants { nodes { sku } } categories { handle } }
    } }`;
    const reps = (ids: string[]) => ({ reps: ids.map((id) => ({ __typename: 'Product', id })) });
    expect(await statementsFor(query, reps(productIds.slice(0, 50)))).toBe(await statementsFor(query, reps(productIds.slice(0, 5))));
  });

  it('lists 6 categories with their products in as many statements as 2', async () => {
    const query = `query ($first: Int) { categories(first: $first) { nodes {
      handle
      products(first: 10, sortKey: PRICE) { nodes { title variants { nodes { sku product { handle } } } categories { handle } } }
    } } }`;
    const two = await statementsFor(query, { first: 2 });
    const six = await statementsFor(query, { first: CATEGORY_COUNT });
    expect(six).toBe(two);
    // The categories, one lateral page for all of them, their variants, their categories.
    expect(six).toBe(4);
  });
});

describe('variants read with their page', () => {
  it('carry every field as the variant read on its own does', async () => {
    const fields = 'id sku title price { amount currencyCode } weight { value } selectedOptions { name value } taxClass product { id handle }';
    const listed = await subgraph.request<{ products: { nodes: { variants: { nodes: { id: string }[] } }[] } }>(
      `query { products(first: 4) { nodes { variants { nodes { ${fields} } } } } }`,
    );
    expect(listed.errors).toBeUndefined();
    const variants = listed.data!.products.nodes.flatMap((product) => product.variants.nodes);
    expect(variants).toHaveLength(12);
    const alone = await subgraph.request<{ _entities: unknown[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ProductVariant { ${fields} } } }`,
      { representations: variants.map(({ id }) => ({ __typename: 'ProductVariant', id })) },
    );
    expect(alone.errors).toBeUndefined();
    expect(variants).toEqual(alone.data!._entities);
    expect(variants[0]).toMatchObject({ selectedOptions: [{ name: 'Size', value: 'S' }], weight: { value: 100 } });
  });
});

describe('SQL statements per catalog write do not grow with the batch', () => {
  const staff = { role: 'staff' as const, customerId: crypto.randomUUID() };
  const variants = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      sku: `${prefix}-${i}`,
      price: { amount: `${10 + i}.00`, currencyCode: 'USD' },
      weight: { value: 100, unit: 'GRAMS' },
      selectedOptions: [{ name: 'Size', value: `S${i}` }],
    }));
  const PAYLOAD = `product { id priceRange { minVariantPrice { amount } } variants { nodes { id sku price { amount } } } categories { handle } } userErrors { code }`;

  /** Statements one mutation sends, as staff; it must succeed. */
  async function statementsOfMutation(query: string, variables: Record<string, unknown>): Promise<number> {
    subgraph.db.resetStatementCount();
    const result = await subgraph.request(query, variables, staff);
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data!)[0].userErrors).toEqual([]);
    return subgraph.db.statementCount();
  }

  it('creates a product with 20 variants in as many statements as with 2', async () => {
    const query = `mutation ($input: ProductCreateInput!) { productCreate(input: $input) { ${PAYLOAD} } }`;
    const create = (handle: string, count: number) =>
      statementsOfMutation(query, { input: { handle, title: handle, categoryIds: [toGlobalId('Category', categoryIds[0]!)], variants: variants(handle, count) } });
    const two = await create('two-variants', 2);
    const twenty = await create('twenty-variants', 20);
    expect(twenty).toBe(two);
    // Categories, product, memberships, variants, two events; then the payload's variants and categories.
    expect(twenty).toBe(8);
  });

  it('adds and changes 20 variants in as many statements as 2', async () => {
    const { id } = (await subgraph.request(`{ product(handle: "two-variants") { id } }`)).data!.product;
    const create = `mutation ($productId: ID!, $variants: [ProductVariantCreateInput!]!) {
      productVariantsCreate(productId: $productId, variants: $variants) { productVariants { id sku } ${PAYLOAD} } }`;
    const two = await statementsOfMutation(create, { productId: id, variants: variants('MORE-TWO', 2) });
    const twenty = await statementsOfMutation(create, { productId: id, variants: variants('MORE-TWENTY', 20) });
    expect(twenty).toBe(two);
    // Product lock, variant count, variants, price range, event; then the payload's variants and categories.
    expect(twenty).toBe(7);

    const update = `mutation ($productId: ID!, $variants: [ProductVariantUpdateInput!]!) {
      productVariantsUpdate(productId: $productId, variants: $variants) { productVariants { id sku } ${PAYLOAD} } }`;
    const ids = (await subgraph.request(`query ($id: ID) { product(id: $id) { variants { nodes { id } } } }`, { id })).data!.product.variants.nodes;
    const changes = (count: number) =>
      ids.slice(0, count).map((variant: { id: string }, i: number) => ({ id: variant.id, price: { amount: `${i + 1}.50`, currencyCode: 'USD' }, taxClass: 'REDUCED' }));
    const twoChanged = await statementsOfMutation(update, { productId: id, variants: changes(2) });
    const twentyChanged = await statementsOfMutation(update, { productId: id, variants: changes(20) });
    expect(twentyChanged).toBe(twoChanged);
    // Product lock, variants, price range, event; then the payload's variants and categories.
    expect(twentyChanged).toBe(6);
  });
});
