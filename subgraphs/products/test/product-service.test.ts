import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { Product } from '../src/entities/product.entity.ts';
import { createProduct, type NewProductInput } from '../src/services/product-write.service.ts';
import { updateVariantPrice } from '../src/services/variant-write.service.ts';
import { products } from '../src/subgraph.ts';
import { createFixtureCategories } from './support/catalog-fixture.ts';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_service'));
  await createFixtureCategories(subgraph);
});
afterAll(() => subgraph?.close());

const ctx = () => subgraph.context();
const em = () => subgraph.db.fork();
const lamp = (overrides: Partial<NewProductInput> = {}): NewProductInput => ({
  handle: 'brass-desk-lamp',
  title: 'Brass Desk Lamp',
  variants: [
    { sku: 'LAMP-1', priceMinor: 5000, weightGrams: 900 },
    { sku: 'LAMP-2', priceMinor: 7000, weightGrams: 950 },
  ],
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const productCount = async () => em().count(Product, {});

describe('createProduct', () => {
  it('refuses bad input with a coded error on the field, writing nothing', async () => {
    const before = await productCount();
    const cases: [NewProductInput, string, string[]][] = [
      [lamp({ handle: 'Not A Handle' }), 'INVALID', ['handle']],
      [lamp({ title: '   ' }), 'INVALID', ['title']],
      [lamp({ currencyCode: 'XXX' }), 'INVALID', ['currencyCode']],
      [lamp({ variants: [] }), 'INVALID', ['variants']],
      [lamp({ variants: [{ sku: 'A', priceMinor: -1, weightGrams: 1 }] }), 'INVALID', ['variants', '0', 'priceMinor']],
      [lamp({ variants: [{ sku: 'A', priceMinor: 9.99, weightGrams: 1 }] }), 'INVALID', ['variants', '0', 'priceMinor']],
      [lamp({ variants: [{ sku: 'A', priceMinor: 1, weightGrams: -5 }] }), 'INVALID', ['variants', '0', 'weightGrams']],
      [lamp({ variants: [{ sku: 'A', priceMinor: 1, weightGrams: 1 }, { sku: 'A', priceMinor: 1, weightGrams: 1 }] }), 'TAKEN', ['variants', '1', 'sku']],
      [lamp({ categoryHandles: ['apparel', 'no-such-category'] }), 'NOT_FOUND', ['categoryHandles']],
    ];
    for (const [input, code, field] of cases) {
      const error = await rejection(createProduct(ctx(), input));
      expect({ code: error.code, field: error.field }).toEqual({ code, field });
    }
    expect(await productCount()).toBe(before);
  });

  it('refuses a handle or SKU already in use, writing nothing', async () => {
    await createProduct(ctx(), lamp({ handle: 'taken-handle', variants: [{ sku: 'TAKEN-SKU', priceMinor: 1, weightGrams: 1 }] }));
    const before = await productCount();
    const handle = await rejection(createProduct(ctx(), lamp({ handle: 'taken-handle' })));
    expect(handle).toMatchObject({ code: 'TAKEN', field: ['handle'] });
    const sku = await rejection(createProduct(ctx(), lamp({ handle: 'fresh-handle', variants: [{ sku: 'TAKEN-SKU', priceMinor: 1, weightGrams: 1 }] })));
    expect(sku).toMatchObject({ code: 'TAKEN', field: ['variants'] });
    expect(await productCount()).toBe(before);
  });
});

describe('price range', () => {
  it('follows variant price changes, and PRICE sorting with it', async () => {
    const product = await createProduct(ctx(), lamp({ handle: 'moving-price', variants: [
      { sku: 'MOVE-1', priceMinor: 5000, weightGrams: 1 },
      { sku: 'MOVE-2', priceMinor: 7000, weightGrams: 1 },
    ] }));
    const [cheap, dear] = await em().getConnection().execute<{ id: string }[]>(
      'select id from product_variant where product_id = ? order by position', [product.id],
    );
    const range = async () => {
      const { data } = await subgraph.request(`{ product(handle: "moving-price") { priceRange {
        minVariantPrice { amount } maxVariantPrice { amount } } } }`);
      return [data!.product.priceRange.minVariantPrice.amount, data!.product.priceRange.maxVariantPrice.amount];
    };
    expect(await range()).toEqual(['50.00', '70.00']);
    await updateVariantPrice(ctx(), dear!.id, 0);
    expect(await range()).toEqual(['0.00', '50.00']);
    await updateVariantPrice(ctx(), cheap!.id, 250);
    expect(await range()).toEqual(['0.00', '2.50']);
    const { data } = await subgraph.request('{ products(first: 1, sortKey: PRICE) { nodes { handle } } }');
    expect(data!.products.nodes).toEqual([{ handle: 'moving-price' }]);
  });

  it('keeps the range right when two variants change price at once', async () => {
    const product = await createProduct(ctx(), lamp({ handle: 'racing-prices', variants: [
      { sku: 'RACE-1', priceMinor: 5000, weightGrams: 1 },
      { sku: 'RACE-2', priceMinor: 6000, weightGrams: 1 },
    ] }));
    const [a, b] = await em().getConnection().execute<{ id: string }[]>(
      'select id from product_variant where product_id = ? order by position', [product.id],
    );
    await Promise.all([updateVariantPrice(ctx(), a!.id, 9000), updateVariantPrice(ctx(), b!.id, 8000)]);
    const fresh = await em().findOneOrFail(Product, { id: product.id });
    expect([fresh.priceMinMinor, fresh.priceMaxMinor]).toEqual([8000, 9000]);
  });

  it('refuses an unknown variant or a bad price', async () => {
    expect(await rejection(updateVariantPrice(ctx(), crypto.randomUUID(), 100))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rejection(updateVariantPrice(ctx(), crypto.randomUUID(), -1))).toMatchObject({ code: 'INVALID', field: ['priceMinor'] });
  });
});

describe('database constraints', () => {
  it('refuse what the service would refuse, whoever writes', async () => {
    const product = await createProduct(ctx(), lamp({ handle: 'constrained', variants: [{ sku: 'CON-1', priceMinor: 1, weightGrams: 1 }] }));
    const insertVariant = (sku: string, price: number, currency: string, weight: number) =>
      em().getConnection().execute(
        `insert into product_variant (product_id, sku, title, price_minor, currency_code, weight_grams, position)
         values (?, ?, 'X', ?, ?, ?, 9)`,
        [product.id, sku, price, currency, weight],
      );
    await expect(insertVariant('NEG-PRICE', -1, 'USD', 1)).rejects.toThrow(/check constraint/);
    await expect(insertVariant('NEG-WEIGHT', 1, 'USD', -1)).rejects.toThrow(/check constraint/);
    // A variant must be priced in its product's currency.
    await expect(insertVariant('OTHER-CURRENCY', 1, 'EUR', 1)).rejects.toThrow(/foreign key/);
    await expect(
      em().getConnection().execute(`update product set price_max_minor = price_min_minor - 1 where id = ?`, [product.id]),
    ).rejects.toThrow(/check constraint/);
  });
});
