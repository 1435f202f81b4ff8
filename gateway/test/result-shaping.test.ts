import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Operation, Schema, Selection, Type } from '@apollo/federation-internals';
import type { DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { installFastResultShaping } from '../src/result-shaping/install.ts';
import { memoizeOperationFromDocument, type OperationFromDocument } from '../src/result-shaping/operation-memo.ts';
import { createComputeResponse, type ComputeResponse } from '../src/result-shaping/run.ts';
import { mutate, random, validInput } from './shaping-inputs.ts';

// The CommonJS copies @apollo/gateway runs (graphql's ESM copy differs under vitest); the original
// computeResponse read before anything here installs the patch.
const gatewayRequire = createRequire(import.meta.resolve('@apollo/gateway'));
const fi = gatewayRequire('@apollo/federation-internals') as typeof import('@apollo/federation-internals');
const { parse } = gatewayRequire('graphql') as typeof import('graphql');
const shaping = gatewayRequire('@apollo/gateway/dist/resultShaping') as { computeResponse: ComputeResponse };
const original = shaping.computeResponse;
const PATCHED = Symbol.for('supergraph-commerce.result-shaping');

const sdl = `
  scalar JSON
  scalar DateTime
  enum Color { RED GREEN BLUE }
  interface Node { id: ID! }
  interface Named { name: String }
  type Product implements Node & Named { id: ID! name: String price: Float! count: Int tags: [String!]! variants: [Variant!]! related: [Product] color: Color meta: JSON created: DateTime! available: Boolean! owner: Owner }
  type Variant implements Node { id: ID! sku: String! stock: Int! color: Color! grid: [[Int!]] }
  type User implements Node & Named { id: ID! name: String email: String! }
  type Org implements Node & Named { id: ID! name: String members: [User!] }
  union Owner = User | Org
  union SearchResult = Product | User | Org
  type Query { product(id: ID): Product products: [Product!]! node(id: ID): Node search: [SearchResult] required: Product! matrix: [[Int]]! owner: Owner named: [Named!] }
  type Mutation { touch(id: ID): Product }
`;
const schema = fi.buildSchema(sdl);

const operations: { query: string; variables: Record<string, unknown>[] }[] = [
  {
    query: `query Q($first: Boolean = true, $skipTags: Boolean!) {
      both: product @skip(if: $skipTags) @include(if: false) { id }
      p: product(id: "1") { __typename id title: name price count tags @skip(if: $skipTags) variants { id sku stock color grid } meta created available color }
      products @include(if: $first) { id kind: __typename name related { id name } owner { ... on User { email } ... on Org { members { id } } } }
      matrix required { id price variants { stock } } literal: product @skip(if: false) { id } gone: product @include(if: false) { id }
    }`,
    variables: [{ skipTags: false }, { skipTags: true, first: false }, { skipTags: true, first: true }, {}, { skipTags: 'yes' }],
  },
  {
    query: `fragment N on Named { name ... on Product { price } }
      fragment V on Variant { id sku }
      query { node(id: "1") { id __typename ...N ... on Product { variants { ...V } variants { stock ...V } } ... on User { email } }
        search { __typename ... on Node { id nt: __typename } ...N ... on Org { members { ...N email } } ... on SearchResult { ... on User { e: email } } }
        named { ...N ... on Org { id } } owner { t: __typename ... on Owner { __typename } } }`,
    variables: [{}],
  },
  {
    query: `query($on: Boolean!, $off: Boolean = false) {
      product { id ... on Product @include(if: $on) { name variants { id } } ... @skip(if: $off) { count variants { sku } } ...F @include(if: $on) ...F @skip(if: $on) }
      again: product @include(if: $on) { tags } again: product @skip(if: $off) { tags created }
      __schema { queryType { name } } t: __type(name: "Product") @include(if: $on) { name } __typename
    }
    fragment F on Product { related { id } id }`,
    variables: [{ on: true }, { on: false, off: true }, { on: false }, { on: null }, { on: true, off: 'no' }],
  },
  { query: `mutation { touch(id: "1") { id name __typename owner { __typename ... on User { id } } } }`, variables: [{}] },
];


/**
 * Everything observable of a result: data as JSON (key order included), prototypes, errors. The library's
 * objects have a null prototype, ours (result-shaping/plan.ts, `newObject`) are plain unless a response
 * name is `__proto__`: both are "object" here, any other prototype would show.
 */
function observe(compute: ComputeResponse, operation: Operation, variables: Record<string, unknown>, input: unknown) {
  const introspected: Selection[] = [];
  const introspectionHandling = (selection: Selection) => (introspected.push(selection), { introspected: String(selection) });
  try {
    const { data, errors } = compute({ operation, variables, input: structuredClone(input) as Record<string, unknown>, introspectionHandling });
    const shownErrors = errors.map((e) => ({ type: e.constructor.name, message: e.message, path: e.path, extensions: e.extensions }));
    return { data: JSON.stringify(data), undefinedData: data === undefined, prototypes: prototypes(data), errors: JSON.stringify(shownErrors), introspected };
  } catch (error) {
    return { thrown: (error as Error).message, introspected };
  }
}

function prototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prototypes);
  if (!value || typeof value !== 'object') return typeof value;
  const entries = Object.entries(value).map(([key, element]) => [key, prototypes(element)]);
  const prototype = Object.getPrototypeOf(value);
  return [prototype === null || prototype === Object.prototype ? 'object' : String(prototype?.constructor?.name), entries];
}

function expectSame(operation: Operation, variables: Record<string, unknown>, input: unknown, fast: ComputeResponse, label: string) {
  const expected = observe(original, operation, variables, input);
  const actual = observe(fast, operation, variables, input);
  const { introspected: _a, ...shown } = actual;
  const { introspected: _e, ...expectedShown } = expected;
  expect(shown, label).toEqual(expectedShown);
  // The very same selection objects, in the same order.
  expect(actual.introspected.length, label).toBe(expected.introspected.length);
  actual.introspected.forEach((selection, i) => expect(selection === expected.introspected[i], label).toBe(true));
  return expected;
}

const operationOf = (s: Schema, query: string) => fi.operationFromDocument(s, parse(query), { validate: false });

describe('result shaping, compiled', () => {
  it('reads the library\'s own computeResponse, not an already patched one', () => {
    expect(PATCHED in original).toBe(false);
  });

  it('shapes valid, missing, nulled and wrong-typed inputs exactly as the library does', () => {
    const fast = createComputeResponse(original);
    let errors = 0;
    let thrown = 0;
    operations.forEach(({ query, variables }, o) => {
      const operation = operationOf(schema, query);
      for (let seed = 1; seed <= 150; seed++) {
        const rand = random(seed * 31 + o);
        const input = validInput(operation, rand);
        for (const vars of variables) {
          const rate = seed % 5 === 0 ? 0 : (seed % 5) * 0.08;
          const result = expectSame(operation, vars, rate ? mutate(input, rand, rate) : input, fast, `operation ${o}, seed ${seed}, ${JSON.stringify(vars)}`);
          if (result.thrown) thrown++;
          else if (result.errors !== '[]') errors++;
        }
      }
    });
    // The variations do reach the error paths, both reported and thrown.
    expect(errors).toBeGreaterThan(100);
    expect(thrown).toBeGreaterThan(20);
  });

  it('handles null and undefined input, and specific cases, as the library does', () => {
    const fast = createComputeResponse(original);
    const operation = operationOf(schema, operations[0]!.query);
    for (const input of [null, undefined]) expect(fast({ operation, input, introspectionHandling: () => null })).toEqual({ data: input, errors: [] });
    const product = { __typename: 'Product', id: '1', name: 'n', price: 1, tags: ['a', null], variants: [{ id: 'v', sku: 's', stock: 1.5, color: 'PINK', grid: [[1, null]] }], created: 'd', available: 'yes' };
    const cases: [string, Record<string, unknown>, unknown][] = [
      // Non-null violations bubbling several levels up, to the nullable `p`, each error at its path.
      [operations[0]!.query, { skipTags: false }, { p: product, products: [], matrix: [[1, 'x'], null], required: { id: '2', price: 2, variants: [] } }],
      // `required: Product!` bubbles to the root: data null.
      [operations[0]!.query, { skipTags: true }, { p: null, products: [{ id: '1', kind: 'Nope', related: null }], matrix: [], required: null }],
      // __typename: absent (parent type), aliased only, not an object type, not a type at all.
      [operations[1]!.query, {}, { node: { id: '1' }, search: [{ __typename: 'Color' }, { __typename: 'Bogus' }, { __typename: 'User', id: 'u', e: 'x' }], named: [{ __typename: 'Org', name: null, id: 'o' }], owner: { t: 'User' } }],
      [operations[1]!.query, {}, { node: null, search: null, named: null, owner: { __typename: 'Node' } }],
    ];
    for (const [query, variables, input] of cases) expectSame(operationOf(schema, query), variables, input, fast, query.slice(0, 40));
  });

  it('keeps a field aliased `__proto__`, where a plain object would have taken it for its prototype', () => {
    const fast = createComputeResponse(original);
    const query = '{ product(id: "1") { __proto__: owner { ... on User { email } } name } products { __proto__: name } }';
    // JSON.parse makes `__proto__` an own key, as a subgraph's answer parsed by the gateway has it.
    const input = JSON.parse('{"product":{"__proto__":{"__typename":"User","email":"e"},"name":"n"},"products":[{"__proto__":"x"}]}');
    const result = expectSame(operationOf(schema, query), {}, input, fast, '__proto__');
    expect(result.data).toBe('{"product":{"__proto__":{"email":"e"},"name":"n"},"products":[{"__proto__":"x"}]}');
  });

  it('gives the introspection handler the selections the library gives it', () => {
    const fast = createComputeResponse(original);
    const operation = operationOf(schema, operations[2]!.query);
    const result = expectSame(operation, { on: true }, { product: null, again: null, __typename: 'Query' }, fast, 'introspection');
    expect(result.introspected.map(String)).toEqual([expect.stringContaining('__schema'), expect.stringContaining('__type')]);
  });

  it('shapes every web persisted operation (ProductListing among them) on the real API schema as the library does', () => {
    const supergraph = readFileSync(fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)), 'utf8');
    const apiSchema = fi.Supergraph.build(supergraph).apiSchema();
    const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../schema/persisted/web.json', import.meta.url)), 'utf8')) as { operations: { name: string; body: string }[] };
    const fast = createComputeResponse(original);
    for (const { name, body } of manifest.operations) {
      const operation = fi.operationFromDocument(apiSchema, parse(body), { validate: false });
      for (let seed = 1; seed <= 20; seed++) {
        const rand = random(seed);
        const input = validInput(operation, rand, 3);
        expectSame(operation, { first: 24 }, seed % 4 ? mutate(input, rand, 0.02 * (seed % 4)) : input, fast, `${name}, seed ${seed}`);
      }
    }
  });
});

describe('operationFromDocument, memoized for the executor', () => {
  const node = parse('query Q($on: Boolean!) { product { ...F @include(if: $on) } } fragment F on Product { id }');
  const executorDocument = (doc: DocumentNode) => ({ kind: doc.kind, definitions: [...doc.definitions] }) as DocumentNode;

  it('returns the same Operation for the same operation node and schema, another for another schema', () => {
    let calls = 0;
    const memoized = memoizeOperationFromDocument((...args) => (calls++, fi.operationFromDocument(...args)));
    const first = memoized(schema, executorDocument(node), { validate: false });
    // Identity compared as booleans: vitest's toBe deep-compares on a mismatch (schemas are huge graphs).
    expect(memoized(schema, executorDocument(node), { validate: false }) === first).toBe(true);
    expect(calls).toBe(1);
    const other = memoized(fi.buildSchema(sdl), executorDocument(node), { validate: false });
    expect(other === first).toBe(false);
    expect(other.toString()).toBe(first.toString());
    // Other fragment nodes under the same operation node: built again.
    const [operationNode] = node.definitions;
    const refragmented = memoized(schema, { kind: node.kind, definitions: [operationNode!, ...parse('fragment F on Product { name }').definitions] } as DocumentNode, { validate: false });
    expect(refragmented === first).toBe(false);
    expect(refragmented.toString()).toContain('name');
    expect(calls).toBe(3);
  });

  it('passes every other call through', () => {
    const seen: unknown[][] = [];
    const memoized = memoizeOperationFromDocument((...args) => (seen.push(args), fi.operationFromDocument(...args)));
    const calls: Parameters<OperationFromDocument>[] = [
      [schema, node, { validate: false }],
      [schema, executorDocument(node), { validate: false, operationName: 'Q' }],
      [schema, executorDocument(node), {}],
      [schema, executorDocument(node)],
      [schema, node, { operationName: 'Q' }],
    ];
    for (const call of calls) {
      const a = memoized(...call);
      expect(memoized(...call) === a).toBe(false);
    }
    expect(seen).toHaveLength(calls.length * 2);
    // Each call reached the library twice, with its own arguments.
    seen.forEach((args, k) => {
      expect(args).toHaveLength(calls[k >> 1]!.length);
      args.forEach((arg, j) => expect(arg === calls[k >> 1]![j]).toBe(true));
    });
    // Failures are the library's and are not remembered.
    const unknownType = parse('query { nope }');
    expect(() => memoized(schema, executorDocument(unknownType), { validate: false })).toThrow();
  });

  it('installs both patches once, where @apollo/gateway reads them', () => {
    installFastResultShaping();
    const patched = shaping.computeResponse;
    installFastResultShaping();
    expect(shaping.computeResponse === patched).toBe(true);
    expect(patched === original).toBe(false);
    const operations = gatewayRequire('@apollo/federation-internals/dist/operations') as { operationFromDocument: OperationFromDocument };
    expect(fi.operationFromDocument === operations.operationFromDocument).toBe(true);
    expect(PATCHED in fi.operationFromDocument).toBe(true);
    const a = fi.operationFromDocument(schema, executorDocument(node), { validate: false });
    expect(fi.operationFromDocument(schema, executorDocument(node), { validate: false }) === a).toBe(true);
    const input = { product: { __typename: 'Product', id: '1' } };
    expect(JSON.stringify(patched({ operation: a, variables: { on: true }, input, introspectionHandling: () => null }))).toBe(
      JSON.stringify(original({ operation: a, variables: { on: true }, input, introspectionHandling: () => null })),
    );
  });
});
