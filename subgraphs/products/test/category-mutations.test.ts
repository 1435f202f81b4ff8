import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { products } from '../src/subgraph.ts';
import {
  CATEGORY_CREATE,
  CATEGORY_PRODUCTS_ADD,
  CATEGORY_PRODUCTS_REMOVE,
  CATEGORY_UPDATE,
  codesOf,
  mutate,
  PRODUCT_CREATE,
  productInput,
  rowCounts,
} from './support/catalog-mutations.ts';

let subgraph: TestSubgraph;
const productIds: string[] = [];

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_category_mutations'));
  for (const handle of ['ash-stool', 'beech-bench', 'cedar-chest']) {
    productIds.push((await mutate(subgraph, PRODUCT_CREATE, { input: productInput(handle) })).product.id);
  }
});
afterAll(() => subgraph?.close());

const createCategory = (input: Record<string, unknown>) => mutate(subgraph, CATEGORY_CREATE, { input });
const add = (categoryId: string, ids: string[]) => mutate(subgraph, CATEGORY_PRODUCTS_ADD, { categoryId, productIds: ids });
const remove = (categoryId: string, ids: string[]) => mutate(subgraph, CATEGORY_PRODUCTS_REMOVE, { categoryId, productIds: ids });
const handlesIn = (payload: Record<string, unknown>) =>
  (payload.category as { products: { nodes: { handle: string }[] } }).products.nodes.map((node) => node.handle);

describe('categoryCreate and categoryUpdate', () => {
  it('creates a category, deriving its handle from the title when none is given', async () => {
    const payload = await createCategory({ title: ' Garden & Patio ', description: 'Outside.' });
    expect(payload).toEqual({
      category: { id: expect.stringMatching(/^gid:\/\/commerce\/Category\//), handle: 'garden-patio', title: 'Garden & Patio', description: 'Outside.' },
      userErrors: [],
    });
    const listed = await subgraph.request(`{ category(handle: "garden-patio") { title products { nodes { id } } } }`);
    expect(listed.data!.category).toEqual({ title: 'Garden & Patio', products: { nodes: [] } });
  });

  it('changes the given fields and keeps the others', async () => {
    const { id } = (await createCategory({ handle: 'lightning', title: 'Lightning' })).category;
    const payload = await mutate(subgraph, CATEGORY_UPDATE, { id, input: { handle: 'lighting', title: 'Lighting', description: null } });
    expect(payload).toEqual({ category: { id, handle: 'lighting', title: 'Lighting', description: '' }, userErrors: [] });
  });

  it('refuses bad input, unknown categories and taken handles, writing nothing', async () => {
    const { id } = (await createCategory({ handle: 'rugs', title: 'Rugs' })).category;
    const before = await subgraph.sql('select handle, title, description from category order by id');
    const counts = await rowCounts(subgraph);
    const creates: [Record<string, unknown>, string, string[]][] = [
      [{ handle: 'Rugs!', title: 'Rugs' }, 'INVALID', ['input', 'handle']],
      [{ handle: 'rugs', title: 'Rugs again' }, 'TAKEN', ['input', 'handle']],
      [{ title: '' }, 'INVALID', ['input', 'title']],
      [{ title: '¿?' }, 'INVALID', ['input', 'handle']],
      [{ title: 'Long', description: 'x'.repeat(10_001) }, 'INVALID', ['input', 'description']],
    ];
    for (const [input, code, field] of creates) {
      const payload = await createCategory(input);
      expect(payload.category).toBeNull();
      expect(codesOf(payload)).toEqual([{ code, field }]);
    }
    const updates: [string, Record<string, unknown>, string, string[]][] = [
      [id, { handle: 'garden-patio' }, 'TAKEN', ['input', 'handle']],
      [id, { title: ' ' }, 'INVALID', ['input', 'title']],
      [toGlobalId('Category', crypto.randomUUID()), { title: 'X' }, 'NOT_FOUND', ['id']],
      [productIds[0]!, { title: 'X' }, 'INVALID', ['id']],
    ];
    for (const [categoryId, input, code, field] of updates) {
      const payload = await mutate(subgraph, CATEGORY_UPDATE, { id: categoryId, input });
      expect(payload.category).toBeNull();
      expect(codesOf(payload)).toEqual([{ code, field }]);
    }
    expect(await subgraph.sql('select handle, title, description from category order by id')).toEqual(before);
    expect(await rowCounts(subgraph)).toEqual(counts);
  });

  it('lets one of several concurrent creates take a handle; the others hear TAKEN', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => createCategory({ handle: 'raced', title: 'Raced' })));
    expect(results.filter((payload) => payload.category !== null)).toHaveLength(1);
    expect(results.flatMap(codesOf)).toEqual(Array(3).fill({ code: 'TAKEN', field: ['input', 'handle'] }));
  });
});

describe('categoryProductsAdd and categoryProductsRemove', () => {
  it('adds products, leaving ones already in the category as they are', async () => {
    const { id } = (await createCategory({ handle: 'seating', title: 'Seating' })).category;
    expect(handlesIn(await add(id, [productIds[0]!]))).toEqual(['ash-stool']);
    const payload = await add(id, [productIds[1]!, productIds[0]!, productIds[1]!]);
    expect(payload.userErrors).toEqual([]);
    expect(handlesIn(payload)).toEqual(['ash-stool', 'beech-bench']);
    const product = await subgraph.request(`query ($id: ID) { product(id: $id) { categories { handle } } }`, { id: productIds[1] });
    expect(product.data!.product.categories).toEqual([{ handle: 'seating' }]);
  });

  it('removes products, ignoring ones not in the category', async () => {
    const { id } = (await createCategory({ handle: 'storage', title: 'Storage' })).category;
    await add(id, productIds);
    const payload = await remove(id, [productIds[2]!, productIds[0]!]);
    expect(payload.userErrors).toEqual([]);
    expect(handlesIn(payload)).toEqual(['beech-bench']);
    expect(handlesIn(await remove(id, [productIds[0]!]))).toEqual(['beech-bench']);
  });

  it('refuses unknown or malformed categories and products, and empty lists, writing nothing', async () => {
    const { id } = (await createCategory({ handle: 'empty-for-now', title: 'Empty For Now' })).category;
    const before = await rowCounts(subgraph);
    const unknownProduct = toGlobalId('Product', crypto.randomUUID());
    const cases: [typeof add, string, string[], string, string[]][] = [
      [add, toGlobalId('Category', crypto.randomUUID()), [productIds[0]!], 'NOT_FOUND', ['categoryId']],
      [add, 'category-7', [productIds[0]!], 'INVALID', ['categoryId']],
      [add, id, [productIds[0]!, unknownProduct], 'NOT_FOUND', ['productIds', '1']],
      [add, id, [productIds[0]!, 'gid://commerce/Category/1'], 'INVALID', ['productIds', '1']],
      [add, id, [], 'INVALID', ['productIds']],
      [add, id, Array(251).fill(productIds[0]!), 'INVALID', ['productIds']],
      [remove, toGlobalId('Category', crypto.randomUUID()), [productIds[0]!], 'NOT_FOUND', ['categoryId']],
      [remove, id, [], 'INVALID', ['productIds']],
    ];
    for (const [mutation, categoryId, ids, code, field] of cases) {
      const payload = await mutation(categoryId, ids);
      expect(payload.category).toBeNull();
      expect(codesOf(payload)).toEqual([{ code, field }]);
    }
    expect(await rowCounts(subgraph)).toEqual(before);
  });

  it('lets concurrent additions of the same products all succeed, each product in once', async () => {
    const { id } = (await createCategory({ handle: 'crowded', title: 'Crowded' })).category;
    const results = await Promise.all(Array.from({ length: 5 }, () => add(id, productIds)));
    expect(results.flatMap((payload) => payload.userErrors)).toEqual([]);
    const [row] = await subgraph.sql<{ n: number }>('select count(*)::int as n from product_category where category_id = ?', [id.split('/').at(-1)]);
    expect(row!.n).toBe(3);
  });
});
