import { expect } from 'vitest';
import type { Viewer } from '#kit';
import type { GraphQLResult, TestSubgraph } from '#kit/testing/index.ts';

/** The catalog's mutations as a staff client sends them, with every payload field worth asserting on. */

export const STAFF: Viewer = { role: 'staff', customerId: crypto.randomUUID() };
export const CUSTOMER: Viewer = { role: 'customer', customerId: crypto.randomUUID() };

const USER_ERRORS = 'userErrors { field message code }';
const VARIANT_FIELDS = `id sku title price { amount currencyCode } weight { value unit } selectedOptions { name value } taxClass`;
export const PRODUCT_FIELDS = `id handle title description status createdAt updatedAt
  priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } }
  categories { handle }
  variants { nodes { ${VARIANT_FIELDS} } }`;

export const PRODUCT_CREATE = `mutation ($input: ProductCreateInput!) {
  productCreate(input: $input) { product { ${PRODUCT_FIELDS} } ${USER_ERRORS} }
}`;
export const PRODUCT_UPDATE = `mutation ($id: ID!, $input: ProductUpdateInput!) {
  productUpdate(id: $id, input: $input) { product { ${PRODUCT_FIELDS} } ${USER_ERRORS} }
}`;
export const PRODUCT_ARCHIVE = `mutation ($id: ID!) { productArchive(id: $id) { product { id handle status } ${USER_ERRORS} } }`;
export const VARIANTS_CREATE = `mutation ($productId: ID!, $variants: [ProductVariantCreateInput!]!) {
  productVariantsCreate(productId: $productId, variants: $variants) {
    product { id priceRange { minVariantPrice { amount } maxVariantPrice { amount } } updatedAt }
    productVariants { ${VARIANT_FIELDS} product { id } }
    ${USER_ERRORS}
  }
}`;
export const VARIANTS_UPDATE = `mutation ($productId: ID!, $variants: [ProductVariantUpdateInput!]!) {
  productVariantsUpdate(productId: $productId, variants: $variants) {
    product { id priceRange { minVariantPrice { amount } maxVariantPrice { amount } } updatedAt }
    productVariants { ${VARIANT_FIELDS} }
    ${USER_ERRORS}
  }
}`;
export const CATEGORY_CREATE = `mutation ($input: CategoryCreateInput!) {
  categoryCreate(input: $input) { category { id handle title description } ${USER_ERRORS} }
}`;
export const CATEGORY_UPDATE = `mutation ($id: ID!, $input: CategoryUpdateInput!) {
  categoryUpdate(id: $id, input: $input) { category { id handle title description } ${USER_ERRORS} }
}`;
export const CATEGORY_PRODUCTS_ADD = `mutation ($categoryId: ID!, $productIds: [ID!]!) {
  categoryProductsAdd(categoryId: $categoryId, productIds: $productIds) {
    category { handle products(first: 100, sortKey: TITLE) { nodes { handle } } } ${USER_ERRORS}
  }
}`;
export const CATEGORY_PRODUCTS_REMOVE = `mutation ($categoryId: ID!, $productIds: [ID!]!) {
  categoryProductsRemove(categoryId: $categoryId, productIds: $productIds) {
    category { handle products(first: 100, sortKey: TITLE) { nodes { handle } } } ${USER_ERRORS}
  }
}`;

export const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
export const grams = (value: number) => ({ value, unit: 'GRAMS' });

/** A valid ProductVariantCreateInput. */
export const variantInput = (sku: string, amount = '10.00', extra: Record<string, unknown> = {}) => ({
  sku,
  price: usd(amount),
  weight: grams(100),
  ...extra,
});

/** A valid ProductCreateInput with `variantCount` variants. */
export const productInput = (handle: string, variantCount = 1, extra: Record<string, unknown> = {}) => ({
  handle,
  title: handle
    .split('-')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' '),
  variants: Array.from({ length: variantCount }, (_, i) => variantInput(`${handle.toUpperCase()}-${i + 1}`, `${10 + i}.00`)),
  ...extra,
});

export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code: string;
}

/** Runs a mutation as staff (by default) and returns its payload; the request itself must not fail. */
export async function mutate<T = Record<string, any>>(
  subgraph: TestSubgraph,
  document: string,
  variables: Record<string, unknown>,
  viewer: Viewer = STAFF,
): Promise<T & { userErrors: UserErrorShape[] }> {
  const result: GraphQLResult = await subgraph.request(document, variables, viewer);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const payloads = Object.values(result.data ?? {});
  expect(payloads).toHaveLength(1);
  return payloads[0] as T & { userErrors: UserErrorShape[] };
}

/** The code and field of each userError, the parts a client acts on. */
export const codesOf = (payload: { userErrors: UserErrorShape[] }) => payload.userErrors.map(({ code, field }) => ({ code, field }));

export interface RowCounts {
  product: number;
  product_variant: number;
  category: number;
  product_category: number;
  kit_outbox: number;
}

/** Row counts of every catalog table and the outbox: "nothing was written" compares two of these. */
export async function rowCounts(subgraph: TestSubgraph): Promise<RowCounts> {
  const [row] = await subgraph.sql<RowCounts>(`select
    (select count(*)::int from product) as product,
    (select count(*)::int from product_variant) as product_variant,
    (select count(*)::int from category) as category,
    (select count(*)::int from product_category) as product_category,
    (select count(*)::int from kit_outbox) as kit_outbox`);
  return row!;
}

export interface OutboxRow {
  type: string;
  payload: Record<string, any>;
  request_id: string | null;
}

/** Outbox rows written after `seq` (the relay publishes them but keeps them), oldest first. */
export async function outboxSince(subgraph: TestSubgraph, seq: number): Promise<OutboxRow[]> {
  return subgraph.sql<OutboxRow>('select type, payload, request_id from kit_outbox where seq > ? order by seq', [seq]);
}

export async function lastOutboxSeq(subgraph: TestSubgraph): Promise<number> {
  const [row] = await subgraph.sql<{ seq: string | null }>('select max(seq) as seq from kit_outbox');
  return Number(row?.seq ?? 0);
}

/** The local uuid inside a global id. */
export const uuidOf = (globalId: string) => globalId.split('/').at(-1)!;
