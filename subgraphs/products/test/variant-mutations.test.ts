import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { products } from '../src/subgraph.ts';
import {
  codesOf,
  mutate,
  PRODUCT_CREATE,
  productInput,
  rowCounts,
  usd,
  VARIANTS_CREATE,
  VARIANTS_UPDATE,
  variantInput,
} from './support/catalog-mutations.ts';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_variant_mutations'));
});
afterAll(() => subgraph?.close());

interface Created {
  id: string;
  updatedAt: string;
  variants: { nodes: { id: string; sku: string }[] };
}

async function createProduct(handle: string, variants = 1, extra: Record<string, unknown> = {}): Promise<Created> {
  const payload = await mutate(subgraph, PRODUCT_CREATE, { input: productInput(handle, variants, extra) });
  expect(payload.userErrors).toEqual([]);
  return payload.product;
}

const addVariants = (productId: string, variants: unknown[]) => mutate(subgraph, VARIANTS_CREATE, { productId, variants });
const updateVariants = (productId: string, variants: unknown[]) => mutate(subgraph, VARIANTS_UPDATE, { productId, variants });
const variantRows = (productId: string) =>
  subgraph.sql<{ sku: string; position: number; price_minor: number }>(
    'select sku, position, price_minor from product_variant where product_id = ? order by position',
    [productId.split('/').at(-1)],
  );

describe('productVariantsCreate', () => {
  it('adds variants after the existing ones and widens the price range', async () => {
    const product = await createProduct('glass-carafe', 1);
    const payload = await addVariants(product.id, [
      variantInput('CARAFE-BIG', '45.00', { selectedOptions: [{ name: 'Size', value: '1 L' }], taxClass: 'ZERO' }),
      variantInput('CARAFE-TINY', '4.50'),
    ]);
    expect(payload.userErrors).toEqual([]);
    expect(payload.product.priceRange).toEqual({ minVariantPrice: { amount: '4.50' }, maxVariantPrice: { amount: '45.00' } });
    expect(payload.product.updatedAt > product.updatedAt).toBe(true);
    expect(payload.productVariants).toEqual([
      expect.objectContaining({ sku: 'CARAFE-BIG', title: '1 L', price: usd('45.00'), taxClass: 'ZERO', product: { id: product.id } }),
      expect.objectContaining({ sku: 'CARAFE-TINY', title: 'Default Title', taxClass: 'STANDARD' }),
    ]);
    expect((await variantRows(product.id)).map((row) => [row.sku, row.position])).toEqual([
      ['GLASS-CARAFE-1', 0],
      ['CARAFE-BIG', 1],
      ['CARAFE-TINY', 2],
    ]);
  });

  it('refuses bad input, other currencies, unknown products and taken SKUs, writing nothing', async () => {
    const euro = await createProduct('copper-pan', 1, { variants: [{ sku: 'PAN-1', price: { amount: '80.00', currencyCode: 'EUR' }, weight: { value: 1, unit: 'KILOGRAMS' } }] });
    await createProduct('sku-owner', 1);
    const before = await rowCounts(subgraph);
    const eur = (amount: string) => ({ amount, currencyCode: 'EUR' });
    const cases: [string, unknown[], string, string[]][] = [
      ['not-an-id', [variantInput('V-1')], 'INVALID', ['productId']],
      [toGlobalId('Product', crypto.randomUUID()), [variantInput('V-1')], 'NOT_FOUND', ['productId']],
      [euro.id, [], 'INVALID', ['variants']],
      [euro.id, [variantInput('V-1', '10.00', { price: eur('10.00') }), variantInput('V-2')], 'CURRENCY_MISMATCH', ['variants', '1', 'price', 'currencyCode']],
      [euro.id, [variantInput('V-1', '10.00', { price: eur('10.001') })], 'INVALID', ['variants', '0', 'price', 'amount']],
      [euro.id, [variantInput('V-1', '1', { price: eur('1'), weight: { value: -0.5, unit: 'OUNCES' } })], 'INVALID', ['variants', '0', 'weight', 'value']],
      [euro.id, [variantInput('PAN-9', '1', { price: eur('1') }), variantInput('PAN-9', '1', { price: eur('1') })], 'TAKEN', ['variants', '1', 'sku']],
      // SKU-OWNER-1 belongs to another product: the whole batch is refused, PAN-8 included.
      [euro.id, [variantInput('PAN-8', '1', { price: eur('1') }), variantInput('SKU-OWNER-1', '1', { price: eur('1') })], 'TAKEN', ['variants']],
      [euro.id, Array.from({ length: 100 }, (_, i) => variantInput(`PAN-X${i}`, '1', { price: eur('1') })), 'INVALID', ['variants']],
    ];
    for (const [productId, variants, code, field] of cases) {
      const payload = await addVariants(productId, variants);
      expect([payload.product, payload.productVariants]).toEqual([null, null]);
      expect(codesOf(payload)).toEqual([{ code, field }]);
    }
    expect(await rowCounts(subgraph)).toEqual(before);
  });

  it('gives concurrent additions to one product distinct positions; none is lost', async () => {
    const product = await createProduct('busy-product', 1);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => addVariants(product.id, [variantInput(`BUSY-${i}-A`, `${20 + i}.00`), variantInput(`BUSY-${i}-B`, '1.00')])),
    );
    expect(results.flatMap((payload) => payload.userErrors)).toEqual([]);
    const rows = await variantRows(product.id);
    expect(rows.map((row) => row.position)).toEqual(Array.from({ length: 17 }, (_, i) => i));
    const last = results.map((payload) => payload.product.priceRange.maxVariantPrice.amount).sort().at(-1);
    expect(last).toBe('27.00');
  });

  it('lets one of two concurrent additions of the same SKU win; the other hears TAKEN', async () => {
    const [a, b] = [await createProduct('twin-a', 1), await createProduct('twin-b', 1)];
    const results = await Promise.all([addVariants(a.id, [variantInput('TWIN-SKU')]), addVariants(b.id, [variantInput('TWIN-SKU')])]);
    expect(results.map(codesOf).sort((x, y) => x.length - y.length)).toEqual([[], [{ code: 'TAKEN', field: ['variants'] }]]);
  });
});

describe('productVariantsUpdate', () => {
  it('changes SKU, title, options, price, weight and tax class; omitted fields keep their value', async () => {
    const product = await createProduct('felt-slipper', 2);
    const [first, second] = product.variants.nodes;
    const payload = await updateVariants(product.id, [
      { id: second!.id, price: usd('99.95'), weight: { value: 2, unit: 'OUNCES' }, taxClass: 'REDUCED' },
      { id: first!.id, sku: 'SLIPPER-RENAMED', selectedOptions: [{ name: 'Size', value: '42' }] },
    ]);
    expect(payload.userErrors).toEqual([]);
    expect(payload.productVariants).toEqual([
      expect.objectContaining({ id: second!.id, sku: 'FELT-SLIPPER-2', price: usd('99.95'), weight: { value: 57, unit: 'GRAMS' }, taxClass: 'REDUCED' }),
      expect.objectContaining({ id: first!.id, sku: 'SLIPPER-RENAMED', title: '42', price: usd('10.00'), selectedOptions: [{ name: 'Size', value: '42' }], taxClass: 'STANDARD' }),
    ]);
    expect(payload.product.priceRange).toEqual({ minVariantPrice: { amount: '10.00' }, maxVariantPrice: { amount: '99.95' } });
    expect(payload.product.updatedAt > product.updatedAt).toBe(true);
  });

  it('stores quote-, placeholder- and backslash-laden text as it was sent', async () => {
    const product = await createProduct('odd-text', 1);
    const sku = `Q?'"\\$1 ?? ::jsonb`;
    const title = `Robert'); drop table product; -- ?`;
    const payload = await updateVariants(product.id, [{ id: product.variants.nodes[0]!.id, sku, title, selectedOptions: [{ name: '?', value: "'" }] }]);
    expect(payload.userErrors).toEqual([]);
    expect(payload.productVariants[0]).toMatchObject({ sku, title, selectedOptions: [{ name: '?', value: "'" }] });
    const created = await addVariants(product.id, [variantInput(`${sku}-2`, '1.00', { title })]);
    expect(created.productVariants[0]).toMatchObject({ sku: `${sku}-2`, title });
  });

  it('refuses bad input and variants of another product, writing nothing', async () => {
    const product = await createProduct('wool-mitten', 2);
    const other = await createProduct('other-mitten', 1);
    const [first, second] = product.variants.nodes;
    const before = await subgraph.sql('select id, sku, price_minor, tax_class, updated_at from product_variant order by id');
    const cases: [string, unknown[], string, string[]][] = [
      [product.id, [], 'INVALID', ['variants']],
      [product.id, [{ id: 'nope', sku: 'X' }], 'INVALID', ['variants', '0', 'id']],
      [product.id, [{ id: first!.id, price: usd('1.00') }, { id: first!.id, price: usd('2.00') }], 'INVALID', ['variants', '1', 'id']],
      // The first change is valid and is not kept: the batch is all or nothing.
      [product.id, [{ id: first!.id, price: usd('1.00') }, { id: other.variants.nodes[0]!.id, price: usd('2.00') }], 'NOT_FOUND', ['variants', '1', 'id']],
      [toGlobalId('Product', crypto.randomUUID()), [{ id: first!.id, price: usd('1.00') }], 'NOT_FOUND', ['productId']],
      [product.id, [{ id: first!.id, price: { amount: '1.00', currencyCode: 'GBP' } }], 'CURRENCY_MISMATCH', ['variants', '0', 'price', 'currencyCode']],
      [product.id, [{ id: second!.id, price: usd('0.5') }, { id: first!.id, price: usd('1.2.3') }], 'INVALID', ['variants', '1', 'price', 'amount']],
      [product.id, [{ id: first!.id, sku: '' }], 'INVALID', ['variants', '0', 'sku']],
      [product.id, [{ id: first!.id, sku: 'SAME' }, { id: second!.id, sku: 'SAME' }], 'TAKEN', ['variants', '1', 'sku']],
      [product.id, [{ id: first!.id, price: usd('3.00') }, { id: second!.id, sku: 'OTHER-MITTEN-1' }], 'TAKEN', ['variants']],
      [product.id, [{ id: first!.id, title: '\u0000' }], 'INVALID', ['variants', '0', 'title']],
    ];
    for (const [productId, variants, code, field] of cases) {
      const payload = await updateVariants(productId, variants);
      expect([payload.product, payload.productVariants]).toEqual([null, null]);
      expect(codesOf(payload), JSON.stringify(variants).slice(0, 200)).toEqual([{ code, field }]);
    }
    expect(await subgraph.sql('select id, sku, price_minor, tax_class, updated_at from product_variant order by id')).toEqual(before);
  });

  it('keeps the price range right when many requests change one product\'s prices at once', async () => {
    const product = await createProduct('contended', 10);
    const ids = product.variants.nodes.map((variant) => variant.id);
    const prices = ids.map((_, i) => `${(i * 37) % 10 + 1}${i}.00`);
    const results = await Promise.all(ids.map((id, i) => updateVariants(product.id, [{ id, price: usd(prices[i]!) }])));
    expect(results.flatMap((payload) => payload.userErrors)).toEqual([]);
    const minors = prices.map((price) => Number(price.replace('.', '')));
    const [stored] = await subgraph.sql<{ price_min_minor: number; price_max_minor: number }>(
      'select price_min_minor, price_max_minor from product where id = ?',
      [product.id.split('/').at(-1)],
    );
    expect(stored).toEqual({ price_min_minor: Math.min(...minors), price_max_minor: Math.max(...minors) });
  });
});
