import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { staticCachePolicyPlugin } from '../src/cache-policy.ts';

/**
 * The static policy (cache-policy.ts) against Apollo's own cache-control plugin, on the same schema and
 * operations, where every field the document selects resolves (no nulls, no empty lists): there the two
 * must agree header for header. Each rule of Apollo's has an operation here.
 */
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION

  type Query {
    catalog: Catalog @cacheControl(maxAge: 60)
    uncached: Catalog
    me: Account @cacheControl(maxAge: 30, scope: PRIVATE)
    greeting: String
    hinted: String @cacheControl(maxAge: 20)
    broken: String @cacheControl(maxAge: 60)
    node: Node @cacheControl(maxAge: 90)
    search: [SearchResult!]! @cacheControl(maxAge: 45)
  }
  type Catalog {
    name: String
    items: [Item!]!
    featured: Item @cacheControl(inheritMaxAge: true)
    stock: Stock
  }
  type Item @key(fields: "id") @cacheControl(maxAge: 120) {
    id: ID!
    title: String
    price: Int @cacheControl(maxAge: 15)
    detail: Detail
  }
  type Detail @cacheControl(inheritMaxAge: true) { text: String }
  type Stock { count: Int }
  type Account @cacheControl(maxAge: 300) { email: String }
  interface Node { id: ID! }
  type Page implements Node @cacheControl(maxAge: 40) { id: ID! body: String @cacheControl(maxAge: 25) }
  type Post implements Node @cacheControl(maxAge: 50) { id: ID! body: String }
  union SearchResult = Page | Post
  type Variant @key(fields: "id") @cacheControl(maxAge: 10) { id: ID! qty: Int }
  type Location @key(fields: "id") { id: ID! name: String }
`);

const item = { id: 'i1', title: 'Mug', price: 900, detail: { text: 'Stoneware' } };
const resolvers = {
  Query: {
    catalog: () => ({ name: 'Home', items: [item], featured: item, stock: { count: 3 } }),
    uncached: () => ({ name: 'Away', items: [item], featured: item, stock: { count: 1 } }),
    me: () => ({ email: 'a@example.com' }),
    greeting: () => 'hi',
    hinted: () => 'hinted',
    broken: () => {
      throw new Error('refused');
    },
    node: () => ({ __typename: 'Page', id: 'p1', body: 'text' }),
    search: () => [
      { __typename: 'Page', id: 'p1', body: 'a' },
      { __typename: 'Post', id: 'q1', body: 'b' },
    ],
  },
  Node: { __resolveType: (node: { __typename: string }) => node.__typename },
  SearchResult: { __resolveType: (node: { __typename: string }) => node.__typename },
  Variant: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, qty: 4 }) },
  Location: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, name: 'Store' }) },
};

const OPERATIONS: [string, string, string?][] = [
  ['a hinted root object', '{ catalog { name } }'],
  ['a type hint longer than the root', '{ catalog { name items { id title } } }'],
  ['a scalar field hint', '{ catalog { items { price } } }'],
  ['inheritMaxAge on a field whose type has a hint', '{ catalog { featured { title } } }'],
  ['inheritMaxAge on a type', '{ catalog { items { detail { text } } } }'],
  ['a composite field without a hint', '{ catalog { stock { count } } }'],
  ['a root object without a hint', '{ uncached { name } }'],
  ['a root scalar without a hint', '{ greeting }'],
  ['a root scalar with a hint', '{ hinted }'],
  ['a private scope', '{ me { email } }'],
  ['private wins over public', '{ catalog { name } me { email } }'],
  ['union members', '{ search { ... on Page { body } ... on Post { id } } }'],
  ['an interface and its implementation', '{ node { id ... on Page { body } } }'],
  ['_entities of a hinted entity type', '{ _entities(representations: [{ __typename: "Variant", id: "v1" }]) { ... on Variant { qty } } }'],
  ['_entities of an entity type without a hint', '{ _entities(representations: [{ __typename: "Location", id: "l1" }]) { ... on Location { name } } }'],
  ['named fragments', 'query Q { catalog { ...Items } } fragment Items on Catalog { items { ...Price } } fragment Price on Item { price }'],
  ['the operation named among several', 'query A { hinted } query B { me { email } }', 'B'],
  ['an answer with errors', '{ catalog { name } broken }'],
  ['only __typename', '{ __typename }'],
];

async function headerOf(server: ApolloServer, query: string, operationName?: string): Promise<string | undefined> {
  const response = await server.executeOperation({ query, operationName });
  return response.http.headers.get('cache-control');
}

describe('static cache policy', () => {
  it("agrees with Apollo's cache-control plugin on every rule", async () => {
    const schema = () => buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
    const apollo = new ApolloServer({ schema: schema() });
    const ours = new ApolloServer({ schema: schema(), plugins: [ApolloServerPluginCacheControlDisabled(), staticCachePolicyPlugin()] });
    await Promise.all([apollo.start(), ours.start()]);
    try {
      const seen = new Set<string>();
      for (const [rule, query, operationName] of OPERATIONS) {
        const expected = await headerOf(apollo, query, operationName);
        expect({ rule, header: await headerOf(ours, query, operationName) }).toEqual({ rule, header: expected });
        seen.add(expected ?? 'none');
      }
      // The operations cover cacheable and uncacheable answers, public and private, of several ages.
      expect([...seen].sort()).toEqual(
        ['max-age=10, public', 'max-age=15, public', 'max-age=20, public', 'max-age=25, public', 'max-age=30, private', 'max-age=60, public', 'no-store'].sort(),
      );
    } finally {
      await Promise.all([apollo.stop(), ours.stop()]);
    }
  });

  it('computes a document once, and may be stricter than Apollo where a field never resolves', async () => {
    const server = new ApolloServer({
      schema: buildSubgraphSchema([{ typeDefs, resolvers: { ...resolvers, Query: { ...resolvers.Query, catalog: () => ({ name: 'Empty', items: [] }) } } as never }]),
      plugins: [ApolloServerPluginCacheControlDisabled(), staticCachePolicyPlugin()],
    });
    await server.start();
    try {
      // No item resolves, so Apollo would say 60; the document selects a 15-second price, so 15.
      const query = '{ catalog { name items { price } } }';
      expect(await headerOf(server, query)).toBe('max-age=15, public');
      expect(await headerOf(server, query)).toBe('max-age=15, public');
    } finally {
      await server.stop();
    }
  });
});
