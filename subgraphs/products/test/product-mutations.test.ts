import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { products } from '../src/subgraph.ts';
import { createFixtureCategories } from './support/catalog-fixture.ts';
import {
  codesOf,
  mutate,
  PRODUCT_ARCHIVE,
  PRODUCT_CREATE,
  PRODUCT_FIELDS,
  PRODUCT_UPDATE,
  productInput,
  rowCounts,
  usd,
  variantInput,
} from './support/catalog-mutations.ts';

let subgraph: TestSubgraph;
let categoryIds: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_mutations'));
  await createFixtureCategories(subgraph);
  const rows = await subgraph.sql<{ id: string; handle: string }>('select id, handle from category');
  categoryIds = Object.fromEntries(rows.map((row) => [row.handle, toGlobalId('Category', row.id)]));
});
afterAll(() => subgraph?.close());

const create = (input: Record<string, unknown>) => mutate(subgraph, PRODUCT_CREATE, { input });

describe('productCreate', () => {
  it('creates a product with its variants and categories, and returns it', async () => {
    const payload = await create({
      handle: 'linen-apron',
      title: '  Linen Apron ',
      description: 'For the kitchen.',
      categoryIds: [categoryIds.kitchen, categoryIds.apparel],
      variants: [
        variantInput('APRON-S', '24.50', { selectedOptions: [{ name: 'Size', value: 'S' }, { name: 'Color', value: 'Sand' }] }),
        variantInput('APRON-L', '29.00', { title: 'Large', taxClass: 'REDUCED', weight: { value: 1.5, unit: 'POUNDS' } }),
      ],
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.product).toMatchObject({
      handle: 'linen-apron',
      title: 'Linen Apron',
      description: 'For the kitchen.',
      status: 'ACTIVE',
      priceRange: { minVariantPrice: usd('24.50'), maxVariantPrice: usd('29.00') },
      categories: [{ handle: 'apparel' }, { handle: 'kitchen' }],
    });
    expect(payload.product.variants.nodes).toEqual([
      expect.objectContaining({ sku: 'APRON-S', title: 'S / Sand', price: usd('24.50'), weight: { value: 100, unit: 'GRAMS' }, taxClass: 'STANDARD' }),
      // 1.5 lb is 680.39 g, stored as a whole gram.
      expect.objectContaining({ sku: 'APRON-L', title: 'Large', selectedOptions: [], weight: { value: 680, unit: 'GRAMS' }, taxClass: 'REDUCED' }),
    ]);
    const listed = await subgraph.request(`{ products(categoryHandle: "kitchen", first: 100) { nodes { handle } } }`);
    expect(listed.data!.products.nodes).toContainEqual({ handle: 'linen-apron' });
    expect((await subgraph.request(`{ product(handle: "linen-apron") { ${PRODUCT_FIELDS} } }`)).data!.product).toEqual(payload.product);
  });

  it('derives the handle from the title when none is given', async () => {
    const payload = await create({ title: 'Crème Brûlée Torch!', variants: [variantInput('TORCH-1')] });
    expect(payload.userErrors).toEqual([]);
    expect(payload.product.handle).toBe('creme-brulee-torch');
  });

  it('prices the product in its variants\' currency, in that currency\'s precision', async () => {
    const yen = await create({ handle: 'tea-whisk', title: 'Tea Whisk', variants: [{ sku: 'WHISK-1', price: { amount: '1500', currencyCode: 'JPY' }, weight: { value: 0.05, unit: 'KILOGRAMS' } }] });
    expect(yen.userErrors).toEqual([]);
    expect(yen.product.priceRange.minVariantPrice).toEqual({ amount: '1500', currencyCode: 'JPY' });
    expect(yen.product.variants.nodes[0].weight).toEqual({ value: 50, unit: 'GRAMS' });
    // Trailing zeros beyond the currency's decimals are the same amount, not a rounding.
    const euro = await create({ handle: 'bread-knife', title: 'Bread Knife', variants: [{ sku: 'KNIFE-1', price: { amount: '0.990', currencyCode: 'EUR' }, weight: { value: 200, unit: 'GRAMS' } }] });
    expect(euro.product.priceRange.maxVariantPrice).toEqual({ amount: '0.99', currencyCode: 'EUR' });
  });

  it('refuses bad input with a code on the field at fault, writing nothing', async () => {
    const before = await rowCounts(subgraph);
    const base = productInput('refused-product', 2);
    const withVariant = (override: Record<string, unknown>, index = 0) => ({
      ...base,
      variants: base.variants.map((variant, i) => (i === index ? { ...variant, ...override } : variant)),
    });
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ ...base, handle: 'Not A Handle' }, 'INVALID', ['input', 'handle']],
      [{ ...base, title: '   ' }, 'INVALID', ['input', 'title']],
      [{ ...base, handle: undefined, title: '!!!' }, 'INVALID', ['input', 'handle']],
      [{ ...base, description: 'nul\u0000byte' }, 'INVALID', ['input', 'description']],
      [{ ...base, variants: [] }, 'INVALID', ['input', 'variants']],
      [{ ...base, variants: Array.from({ length: 101 }, (_, i) => variantInput(`MANY-${i}`)) }, 'INVALID', ['input', 'variants']],
      [withVariant({ price: usd('9.999') }), 'INVALID', ['input', 'variants', '0', 'price', 'amount']],
      [withVariant({ price: usd('-1.00') }), 'INVALID', ['input', 'variants', '0', 'price', 'amount']],
      [withVariant({ price: usd('1e3') }), 'INVALID', ['input', 'variants', '0', 'price', 'amount']],
      [withVariant({ price: usd('') }), 'INVALID', ['input', 'variants', '0', 'price', 'amount']],
      // Parses, but is more than the price column holds: the service's range rule, on the same field.
      [withVariant({ price: usd('21474836.48') }), 'INVALID', ['input', 'variants', '0', 'price', 'amount']],
      [withVariant({ price: { amount: '5.5', currencyCode: 'JPY' } }), 'INVALID', ['input', 'variants', '0', 'price', 'amount']],
      [withVariant({ price: { amount: '5.50', currencyCode: 'EUR' } }, 1), 'CURRENCY_MISMATCH', ['input', 'variants', '1', 'price', 'currencyCode']],
      [withVariant({ weight: { value: -1, unit: 'GRAMS' } }), 'INVALID', ['input', 'variants', '0', 'weight', 'value']],
      [withVariant({ weight: { value: 1e12, unit: 'KILOGRAMS' } }), 'INVALID', ['input', 'variants', '0', 'weight', 'value']],
      [withVariant({ sku: ' ' }), 'INVALID', ['input', 'variants', '0', 'sku']],
      [withVariant({ sku: base.variants[0]!.sku }, 1), 'TAKEN', ['input', 'variants', '1', 'sku']],
      [withVariant({ title: '' }), 'INVALID', ['input', 'variants', '0', 'title']],
      [withVariant({ selectedOptions: [{ name: 'Size', value: ' ' }] }), 'INVALID', ['input', 'variants', '0', 'selectedOptions']],
      [withVariant({ selectedOptions: [{ name: 'Size', value: 'S' }, { name: 'Size', value: 'M' }] }), 'INVALID', ['input', 'variants', '0', 'selectedOptions']],
      [withVariant({ selectedOptions: ['A', 'B', 'C', 'D'].map((name) => ({ name, value: 'x' })) }), 'INVALID', ['input', 'variants', '0', 'selectedOptions']],
      [{ ...base, categoryIds: ['gid://commerce/Product/1'] }, 'INVALID', ['input', 'categoryIds', '0']],
      [{ ...base, categoryIds: [categoryIds.apparel, toGlobalId('Category', crypto.randomUUID())] }, 'NOT_FOUND', ['input', 'categoryIds', '1']],
    ];
    for (const [input, code, field] of cases) {
      const payload = await create(input);
      expect(payload.product).toBeNull();
      expect(codesOf(payload), JSON.stringify(input).slice(0, 200)).toEqual([{ code, field }]);
      expect(payload.userErrors[0]!.message).not.toBe('');
    }
    expect(await rowCounts(subgraph)).toEqual(before);
  });

  it('reports every unreadable price of a batch at once', async () => {
    const input = productInput('many-bad-prices', 3);
    input.variants[0]!.price = usd('x');
    input.variants[2]!.price = usd('1.234');
    expect(codesOf(await create(input))).toEqual([
      { code: 'INVALID', field: ['input', 'variants', '0', 'price', 'amount'] },
      { code: 'INVALID', field: ['input', 'variants', '2', 'price', 'amount'] },
    ]);
  });

  it('refuses a handle or a SKU already in use, writing nothing', async () => {
    expect((await create(productInput('first-owner', 2))).userErrors).toEqual([]);
    const before = await rowCounts(subgraph);
    expect(codesOf(await create(productInput('first-owner', 1, { variants: [variantInput('FRESH-1')] })))).toEqual([
      { code: 'TAKEN', field: ['input', 'handle'] },
    ]);
    // A duplicate SKU anywhere in the batch writes none of it.
    const skuTaken = await create(productInput('second-owner', 1, { variants: [variantInput('FRESH-2'), variantInput('FIRST-OWNER-2')] }));
    expect(codesOf(skuTaken)).toEqual([{ code: 'TAKEN', field: ['input', 'variants'] }]);
    expect(skuTaken.userErrors[0]!.message).toContain('FIRST-OWNER-2');
    expect(await rowCounts(subgraph)).toEqual(before);
  });

  it('lets exactly one of several concurrent creates take a handle or a SKU; the others hear TAKEN', async () => {
    const before = await rowCounts(subgraph);
    const sameHandle = await Promise.all(
      Array.from({ length: 5 }, (_, i) => create(productInput('raced-handle', 1, { variants: [variantInput(`RACED-H-${i}`)] }))),
    );
    expect(sameHandle.filter((payload) => payload.product !== null)).toHaveLength(1);
    expect(sameHandle.flatMap(codesOf)).toEqual(Array(4).fill({ code: 'TAKEN', field: ['input', 'handle'] }));

    const sameSku = await Promise.all(
      Array.from({ length: 5 }, (_, i) => create(productInput(`raced-sku-${i}`, 1, { variants: [variantInput('RACED-SKU')] }))),
    );
    expect(sameSku.filter((payload) => payload.product !== null)).toHaveLength(1);
    expect(sameSku.flatMap(codesOf)).toEqual(Array(4).fill({ code: 'TAKEN', field: ['input', 'variants'] }));
    const after = await rowCounts(subgraph);
    expect([after.product - before.product, after.product_variant - before.product_variant]).toEqual([2, 2]);
  });
});

describe('productUpdate', () => {
  const update = (id: string, input: Record<string, unknown>) => mutate(subgraph, PRODUCT_UPDATE, { id, input });

  it('changes the given fields, keeps the others, and moves updatedAt', async () => {
    const created = (await create(productInput('walnut-tray', 1, { description: 'Oiled walnut.' }))).product;
    const payload = await update(created.id, { title: 'Walnut Serving Tray', handle: 'walnut-serving-tray', description: null });
    expect(payload.userErrors).toEqual([]);
    expect(payload.product).toMatchObject({ id: created.id, handle: 'walnut-serving-tray', title: 'Walnut Serving Tray', description: 'Oiled walnut.' });
    expect(payload.product.updatedAt > created.updatedAt).toBe(true);
    expect(payload.product.priceRange).toEqual(created.priceRange);
    const search = await subgraph.request(`{ products(query: "serving") { nodes { handle } } }`);
    expect(search.data!.products.nodes).toEqual([{ handle: 'walnut-serving-tray' }]);
  });

  it('refuses bad input, unknown products and taken handles, writing nothing', async () => {
    const { id } = (await create(productInput('clay-pot', 1))).product;
    await create(productInput('taken-pot', 1));
    const before = await subgraph.sql('select handle, title, updated_at from product order by id');
    const cases: [string, Record<string, unknown>, string, string[]][] = [
      ['not-an-id', { title: 'X' }, 'INVALID', ['id']],
      [toGlobalId('Category', crypto.randomUUID()), { title: 'X' }, 'INVALID', ['id']],
      [toGlobalId('Product', crypto.randomUUID()), { title: 'X' }, 'NOT_FOUND', ['id']],
      [id, { title: ' ' }, 'INVALID', ['input', 'title']],
      [id, { handle: 'Clay Pot' }, 'INVALID', ['input', 'handle']],
      [id, { handle: 'taken-pot' }, 'TAKEN', ['input', 'handle']],
    ];
    for (const [productId, input, code, field] of cases) {
      const payload = await update(productId, input);
      expect(payload.product).toBeNull();
      expect(codesOf(payload)).toEqual([{ code, field }]);
    }
    expect(await subgraph.sql('select handle, title, updated_at from product order by id')).toEqual(before);
  });
});

describe('productArchive', () => {
  const LISTINGS = `query ($handle: String!, $id: ID!) {
    all: products(first: 100) { nodes { handle } }
    search: products(query: "archivable") { nodes { handle } }
    inCategory: products(categoryHandle: "footwear", first: 100) { nodes { handle } }
    category(handle: "footwear") { products(first: 100) { nodes { handle } } }
    byHandle: product(handle: $handle) { handle }
    byId: product(id: $id) { handle }
  }`;

  it('takes a product out of every listing and lookup, but references still resolve it', async () => {
    const created = (await create(productInput('archivable-boot', 2, { description: 'archivable', categoryIds: [categoryIds.footwear] }))).product;
    const seen = async () => (await subgraph.request(LISTINGS, { handle: 'archivable-boot', id: created.id })).data!;
    const before = await seen();
    expect(before.all.nodes).toContainEqual({ handle: 'archivable-boot' });
    expect([before.search.nodes, before.inCategory.nodes, before.category.products.nodes]).toEqual(Array(3).fill([{ handle: 'archivable-boot' }]));
    expect([before.byHandle, before.byId]).toEqual([{ handle: 'archivable-boot' }, { handle: 'archivable-boot' }]);

    const payload = await mutate(subgraph, PRODUCT_ARCHIVE, { id: created.id });
    expect(payload).toEqual({ product: { id: created.id, handle: 'archivable-boot', status: 'ARCHIVED' }, userErrors: [] });

    const after = await seen();
    expect(after.all.nodes).not.toContainEqual({ handle: 'archivable-boot' });
    expect([after.search.nodes, after.inCategory.nodes, after.category.products.nodes]).toEqual([[], [], []]);
    expect([after.byHandle, after.byId]).toEqual([null, null]);

    const references = await subgraph.request(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Product { handle status }
        ... on ProductVariant { sku product { handle status } }
      } }`,
      { reps: [{ __typename: 'Product', id: created.id }, { __typename: 'ProductVariant', id: created.variants.nodes[1].id }] },
    );
    expect(references.data!._entities).toEqual([
      { handle: 'archivable-boot', status: 'ARCHIVED' },
      { sku: 'ARCHIVABLE-BOOT-2', product: { handle: 'archivable-boot', status: 'ARCHIVED' } },
    ]);
  });

  it('archives an archived product again without complaint; refuses unknown and malformed ids', async () => {
    const { id } = (await create(productInput('twice-archived', 1))).product;
    await mutate(subgraph, PRODUCT_ARCHIVE, { id });
    expect(await mutate(subgraph, PRODUCT_ARCHIVE, { id })).toMatchObject({ product: { status: 'ARCHIVED' }, userErrors: [] });
    expect(codesOf(await mutate(subgraph, PRODUCT_ARCHIVE, { id: toGlobalId('Product', crypto.randomUUID()) }))).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
    expect(codesOf(await mutate(subgraph, PRODUCT_ARCHIVE, { id: 'gid://commerce/Product/x' }))).toEqual([{ code: 'INVALID', field: ['id'] }]);
  });

  it('is enforced by the database: a status is ACTIVE or ARCHIVED', async () => {
    await expect(subgraph.sql(`update product set status = 'DRAFT' where handle = 'twice-archived'`)).rejects.toThrow(/check constraint/);
  });
});
