import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { products } from '../src/subgraph.ts';
import {
  CATEGORY_CREATE,
  CATEGORY_PRODUCTS_ADD,
  CATEGORY_PRODUCTS_REMOVE,
  CATEGORY_UPDATE,
  CUSTOMER,
  mutate,
  PRODUCT_ARCHIVE,
  PRODUCT_CREATE,
  PRODUCT_UPDATE,
  productInput,
  rowCounts,
  STAFF,
  usd,
  VARIANTS_CREATE,
  VARIANTS_UPDATE,
  variantInput,
} from './support/catalog-mutations.ts';

let subgraph: TestSubgraph;
let productId: string;
let variantId: string;
let categoryId: string;

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_permissions'));
  const product = (await mutate(subgraph, PRODUCT_CREATE, { input: productInput('guarded-lamp') })).product;
  productId = product.id;
  variantId = product.variants.nodes[0].id;
  categoryId = (await mutate(subgraph, CATEGORY_CREATE, { input: { handle: 'guarded', title: 'Guarded' } })).category.id;
});
afterAll(() => subgraph?.close());

/** Every catalog mutation with input staff would get through; only the caller differs. */
const OPERATIONS: Record<string, () => [document: string, variables: Record<string, unknown>, objects: string[]]> = {
  productCreate: () => [PRODUCT_CREATE, { input: productInput('intruder-product') }, ['product']],
  productUpdate: () => [PRODUCT_UPDATE, { id: productId, input: { title: 'Defaced' } }, ['product']],
  productVariantsCreate: () => [VARIANTS_CREATE, { productId, variants: [variantInput('INTRUDER-1')] }, ['product', 'productVariants']],
  productVariantsUpdate: () => [VARIANTS_UPDATE, { productId, variants: [{ id: variantId, price: usd('0.01') }] }, ['product', 'productVariants']],
  productArchive: () => [PRODUCT_ARCHIVE, { id: productId }, ['product']],
  categoryCreate: () => [CATEGORY_CREATE, { input: { handle: 'intruders', title: 'Intruders' } }, ['category']],
  categoryUpdate: () => [CATEGORY_UPDATE, { id: categoryId, input: { title: 'Defaced' } }, ['category']],
  categoryProductsAdd: () => [CATEGORY_PRODUCTS_ADD, { categoryId, productIds: [productId] }, ['category']],
  categoryProductsRemove: () => [CATEGORY_PRODUCTS_REMOVE, { categoryId, productIds: [productId] }, ['category']],
};

describe('catalog writes are for staff only', () => {
  it('covers every mutation of the schema', async () => {
    const { data } = await subgraph.request('{ __schema { mutationType { fields { name } } } }');
    const names = data!.__schema.mutationType.fields.map((field: { name: string }) => field.name).sort();
    expect(names).toEqual(Object.keys(OPERATIONS).sort());
  });

  const refusals: [string, Viewer, string][] = [
    ['anonymous shoppers', ANONYMOUS, 'UNAUTHENTICATED'],
    ['customers', CUSTOMER, 'FORBIDDEN'],
  ];
  for (const [who, viewer, code] of refusals) {
    it(`refuses ${who} with ${code}, before anything is read or written`, async () => {
      const before = await rowCounts(subgraph);
      const snapshot = await subgraph.sql('select id, title, status, updated_at from product order by id');
      for (const [name, operation] of Object.entries(OPERATIONS)) {
        const [document, variables, objects] = operation();
        subgraph.db.resetStatementCount();
        const payload = await mutate(subgraph, document, variables, viewer);
        expect({ name, payload }).toEqual({
          name,
          payload: { ...Object.fromEntries(objects.map((key) => [key, null])), userErrors: [{ code, field: null, message: expect.any(String) }] },
        });
        expect(subgraph.db.statementCount()).toBe(0);
      }
      expect(await rowCounts(subgraph)).toEqual(before);
      expect(await subgraph.sql('select id, title, status, updated_at from product order by id')).toEqual(snapshot);
    });
  }

  it('lets staff run each of them', async () => {
    for (const [name, operation] of Object.entries(OPERATIONS)) {
      const [document, variables] = operation();
      expect({ name, userErrors: (await mutate(subgraph, document, variables, STAFF)).userErrors }).toEqual({ name, userErrors: [] });
    }
  });
});
