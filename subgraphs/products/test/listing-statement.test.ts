import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSchema } from '#kit/server.ts';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { listingVariantColumns } from '../src/resolvers/variant-selection.ts';
import { products } from '../src/subgraph.ts';
import { createFixtureCategories, createProducts, NAMED_PRODUCTS } from './support/catalog-fixture.ts';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(products, await createTestDatabase('products_listing_statement'));
  await createFixtureCategories(subgraph);
  await createProducts(subgraph, NAMED_PRODUCTS);
});
afterAll(() => subgraph?.close());

const schema = buildSubgraphSchema([{ typeDefs: parse(readSchema(products)), resolvers: products.resolvers as never }]);

/** What listingVariantColumns reads of `info`, for one operation document. */
function infoFor(document: string): GraphQLResolveInfo {
  const definitions = parse(document).definitions;
  const operation = definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  return { schema, operation, fragments } as unknown as GraphQLResolveInfo;
}

describe('the variant columns a listing reads', () => {
  it('are the card columns when no path of the operation asks a variant for more than id, title and price', () => {
    expect(listingVariantColumns(infoFor(`{ products(first: 24) { nodes { title variants(first: 10) { nodes { __typename id title price { amount currencyCode } } } } } }`))).toBe('card');
    expect(
      listingVariantColumns(
        infoFor(`query { products { nodes { ...Card } } }
          fragment Card on Product { variants { nodes { ... on ProductVariant { cost: price { amount } } } } }`),
      ),
    ).toBe('card');
  });

  it('are all columns when any path asks for more: another root field, a fragment, an alias, a nested product, an entity', () => {
    const more = [
      `{ products { nodes { variants { nodes { id sku } } } } }`,
      `{ products { nodes { variants { nodes { id } } } } product(handle: "x") { variants { nodes { weight { value } } } } }`,
      `query { products { nodes { variants { nodes { ...V } } } } } fragment V on ProductVariant { options: selectedOptions { name } }`,
      `{ products { nodes { variants { nodes { id product { handle } } } } } }`,
      `{ products { nodes { id } } _entities(representations: []) { ... on ProductVariant { taxClass } } }`,
    ];
    for (const document of more) expect(listingVariantColumns(infoFor(document)), document).toBe('all');
  });
});

describe('a listing read with the card columns', () => {
  const CARD = `{ products(first: 50) { nodes { handle variants { nodes { id title price { amount currencyCode } } } } } }`;
  const FULL = `{ products(first: 50) { nodes { handle variants { nodes { id title price { amount currencyCode } sku weight { value } } } } } }`;

  it('answers the card fields as a full read does, from a statement that reads only those columns', async () => {
    const card = await subgraph.request(CARD);
    const full = await subgraph.request(FULL);
    expect(card.errors).toBeUndefined();
    type Nodes = { products: { nodes: { variants: { nodes: Record<string, unknown>[] } }[] } };
    const cardOnly = (data: unknown) =>
      (data as Nodes).products.nodes.map((product) => ({ ...product, variants: product.variants.nodes.map(({ id, title, price }) => ({ id, title, price })) }));
    expect(cardOnly(card.data)).toEqual(cardOnly(full.data));
    expect((card.data as Nodes).products.nodes.flatMap((product) => product.variants.nodes)).not.toHaveLength(0);

    await subgraph.request(CARD);
    // Reads in turn reuse the pool's last idle connection, which prepared the card statement just now.
    const prepared = await subgraph.db.read<{ statement: string }>(`select statement from pg_prepared_statements where statement like '%from product_variant v%'`);
    const listing = prepared.map((row) => row.statement).filter((statement) => statement.includes('json_build_array(v.id, v.product_id, v.title,'));
    expect(listing).toHaveLength(1);
    expect(listing[0]).not.toContain('v.sku');
  });

  it('never leaves another field of the same request without its column', async () => {
    const result = await subgraph.request(`{
      products(first: 50) { nodes { handle variants { nodes { id title } } } }
      product(handle: "merino-wool-sweater") { variants { nodes { sku weight { value } } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect((result.data as { product: { variants: { nodes: unknown[] } } }).product.variants.nodes).toEqual([
      { sku: 'SWEATER-S', weight: { value: 420 } },
      { sku: 'SWEATER-M', weight: { value: 450 } },
      { sku: 'SWEATER-XL', weight: { value: 510 } },
    ]);
  });
});

describe('the listing statement', () => {
  it('is planned once and then runs its generic plan, its page size written into the text', async () => {
    const query = `query ($after: String) { products(first: 2, after: $after) { nodes { title } pageInfo { endCursor } } }`;
    const first = await subgraph.request<{ products: { pageInfo: { endCursor: string } } }>(query);
    const after = first.data!.products.pageInfo.endCursor;
    for (let i = 0; i < 10; i++) expect((await subgraph.request(query, { after })).errors).toBeUndefined();
    // Reads in turn reuse the pool's last idle connection, which ran the statement each time.
    const [statement] = await subgraph.db.read<{ statement: string; generic_plans: number; custom_plans: number }>(
      `select statement, generic_plans::int, custom_plans::int from pg_prepared_statements where statement like '%from product p%' and statement like '%p.id) > ($1%' and statement not like '%pg_prepared%'`,
    );
    expect(statement!.statement).toMatch(/limit 3\s*$/);
    expect(statement!.custom_plans).toBeLessThanOrEqual(5);
    expect(statement!.generic_plans).toBeGreaterThanOrEqual(5);
  });
});
