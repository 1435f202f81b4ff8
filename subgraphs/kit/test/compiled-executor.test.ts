import { createRequire } from 'node:module';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { describe, expect, it } from 'vitest';
import { createCompiledExecutor } from '../src/compiled-executor.ts';

// graphql-js as @apollo/subgraph loads it (CommonJS), so that the schema and the errors are of one copy.
const { parse, GraphQLError, GraphQLScalarType, Kind } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  scalar Day
  enum Size { SMALL LARGE }
  interface Node { id: ID! }
  type Shirt implements Node @key(fields: "id") { id: ID! size: Size! price(currency: String = "EUR"): Int tags: [String!]! maker: Maker }
  type Mug implements Node @key(fields: "id") { id: ID! litres: Float }
  type Maker { name: String! broken: String! }
  union Item = Shirt | Mug
  input Filter { size: Size! since: Day }
  type Query {
    items(first: Int!, filter: Filter): [Item!]!
    node(id: ID!): Node
    boom: String
    refused: String
    day(on: Day!): Day
  }
`);

const shirts = [
  { id: 's1', size: 'SMALL', tags: ['a', 'b'], maker: { name: 'Ada' } },
  { id: 's2', size: 'LARGE', tags: [], maker: null },
];
const mugs = [{ id: 'm1', litres: 0.3 }];
const itemType = (item: { litres?: number }) => ('litres' in item ? 'Mug' : 'Shirt');

const resolvers = {
  Day: new GraphQLScalarType({
    name: 'Day',
    serialize: (value) => (value as Date).toISOString().slice(0, 10),
    parseValue: (value) => {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new GraphQLError('A day is YYYY-MM-DD.');
      return new Date(`${value}T00:00:00Z`);
    },
    parseLiteral: (node) => (node.kind === Kind.STRING ? new Date(`${node.value}T00:00:00Z`) : undefined),
  }),
  Node: { __resolveType: itemType },
  Item: { __resolveType: itemType },
  Shirt: {
    price: (shirt: { id: string }, args: { currency: string }) => (args.currency === 'EUR' ? 1999 : shirt.id === 's2' ? null : 2199),
    __resolveReference: (ref: { id: string }) => shirts.find((shirt) => shirt.id === ref.id),
  },
  Mug: { __resolveReference: (ref: { id: string }) => mugs.find((mug) => mug.id === ref.id) },
  Maker: {
    // Non-null and failing: the null climbs to the nearest nullable field, the maker.
    broken: (maker: { name: string }) => (maker.name === 'Ada' ? Promise.reject(new Error('secret internal detail')) : 'fine'),
  },
  Query: {
    items: (_: unknown, args: { first: number; filter?: { size: string } }) =>
      [...shirts, ...mugs].filter((item) => !args.filter || ('size' in item && item.size === args.filter.size)).slice(0, args.first),
    node: (_: unknown, args: { id: string }) => [...shirts, ...mugs].find((item) => item.id === args.id) ?? null,
    boom: () => {
      throw new Error('secret internal detail');
    },
    refused: () => {
      throw new GraphQLError('Not yours.', { extensions: { code: 'FORBIDDEN', field: ['id'] } });
    },
    day: (_: unknown, args: { on: Date }) => new Date(args.on.getTime() + 86_400_000),
  },
};

const OPERATIONS: Array<[string, Record<string, unknown>?]> = [
  [`{ items(first: 10) { __typename ... on Shirt { id size price euro: price(currency: "EUR") usd: price(currency: "USD") tags maker { name } } ... on Mug { id litres } } }`],
  [`query ($f: Filter) { items(first: 5, filter: $f) { ... on Node { id } } }`, { f: { size: 'LARGE' } }],
  [`query ($f: Filter) { items(first: 5, filter: $f) { ... on Node { id } } }`, { f: { size: 'HUGE' } }],
  [`query ($f: Filter) { items(first: 5, filter: $f) { ... on Node { id } } }`, { f: { size: 'SMALL', since: 'yesterday' } }],
  [`query ($n: Int!) { items(first: $n) { __typename } }`, {}],
  [`query ($n: Int!) { items(first: $n) { __typename } }`, { n: 'three' }],
  [`{ items(first: 10) { ... on Shirt { maker { name broken } } } }`],
  [`{ boom refused node(id: "m1") { id ... on Mug { litres } } }`],
  [`query ($d: Day!) { day(on: $d) tomorrow: day(on: "2026-11-24") }`, { d: '2026-02-28' }],
  [`query ($skip: Boolean!) { items(first: 1) { ... on Shirt { id size @skip(if: $skip) tags @include(if: $skip) } } }`, { skip: true }],
  [`query ($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on Shirt { size } ... on Mug { litres } } }`, { reps: [{ __typename: 'Mug', id: 'm1' }, { __typename: 'Shirt', id: 's2' }, { __typename: 'Shirt', id: 'none' }] }],
  [`{ _service { sdl } }`],
  [`{ __schema { queryType { name } } __type(name: "Size") { enumValues { name } } }`],
];

async function answers(server: ApolloServer) {
  await server.start();
  try {
    const out = [];
    for (const [query, variables] of OPERATIONS) {
      const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      out.push({ status: response.http.status ?? 200, body: JSON.parse(JSON.stringify(response.body.singleResult)) });
    }
    return out;
  } finally {
    await server.stop();
  }
}

describe('compiled executor (graphql-jit)', () => {
  it('answers every operation as graphql-js does: data, nulls, errors with their paths and codes, statuses', async () => {
    const schema = () => buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
    const interpreted = await answers(new ApolloServer({ schema: schema(), includeStacktraceInErrorResponses: false, plugins: [ApolloServerPluginInlineTraceDisabled()] }));
    const compiledSchema = schema();
    const compiled = await answers(new ApolloServer({ gateway: createCompiledExecutor(compiledSchema), includeStacktraceInErrorResponses: false, plugins: [ApolloServerPluginInlineTraceDisabled()] }));
    for (const [index, [query]] of OPERATIONS.entries()) expect({ query, ...compiled[index] }).toEqual({ query, ...interpreted[index] });
    // The cases above do reach errors of each kind, so the comparison covers them.
    const codes = interpreted.flatMap((answer) => (answer.body.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code));
    expect(new Set(codes)).toEqual(new Set(['BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR', 'FORBIDDEN']));
    expect(interpreted.map((answer) => answer.status)).toContain(400);
  });
});
