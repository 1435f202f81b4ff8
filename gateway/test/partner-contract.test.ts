import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type * as GraphQLModule from 'graphql';
import { partnerSchemaOf, taggedCoordinatesOf } from '../src/partners/index.ts';

// The gateway's API schema comes from Apollo's (CommonJS) graphql; so does this test's.
const graphql = createRequire(import.meta.url)('graphql') as typeof GraphQLModule;

/** A supergraph-like SDL whose tag directive is linked under another name, as `@link(as:)` allows. */
const TAGGED = `
schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/tag/v0.3", as: "label") { query: Query mutation: Mutation }
type Query {
  public: Thing
  secret: Secret @label(name: "internal")
  search(term: String, debug: Boolean @label(name: "internal")): [Thing!]!
  lookup(key: Hidden!): Thing
  list(filter: Filter): [Thing!]!
  node: Node
  either: Either
  other: Thing @label(name: "partner-only")
}
type Mutation { hiddenOnly: Boolean @label(name: "internal") }
interface Node { id: ID! }
type Thing implements Node { id: ID! kind: Kind! audit: Audit @label(name: "internal") }
type Audit { by: String }
type Secret { x: Int }
union Either = Thing | Secret
input Hidden @label(name: "internal") { k: String }
input Filter { q: String internalFlag: Boolean @label(name: "internal") }
enum Kind { A B SECRET_KIND @label(name: "internal") }
`;
const apiSchemaOf = (sdl: string) =>
  graphql.buildSchema(sdl.replace(/@(label|tag)\(name: "[^"]*"\)/g, '').replace(/@link\([^)]*\)/g, ''));

describe('the partner schema', () => {
  it('finds what a supergraph tags internal, whatever name its link gives @tag', () => {
    expect([...taggedCoordinatesOf(TAGGED)].sort()).toEqual(
      ['Filter.internalFlag', 'Hidden', 'Kind.SECRET_KIND', 'Mutation.hiddenOnly', 'Query.search(debug:)', 'Query.secret', 'Thing.audit'].sort(),
    );
  });

  it('drops tagged elements, what depends on them, and what only they reached', () => {
    const schema = partnerSchemaOf(apiSchemaOf(TAGGED), taggedCoordinatesOf(TAGGED));
    const query = schema.getQueryType()!.getFields();
    expect(Object.keys(query)).toEqual(['public', 'search', 'list', 'node', 'either', 'other']);
    expect(query.search!.args.map((arg) => arg.name)).toEqual(['term']);
    // A mutation type with nothing left is gone, and so is every type only hidden fields reached.
    expect(schema.getMutationType()).toBeUndefined();
    for (const gone of ['Audit', 'Hidden']) expect(schema.getType(gone)).toBeUndefined();
    // Another way in keeps a type: \`Secret\` is still a member of \`Either\`.
    expect(schema.getType('Secret')).toBeDefined();
    expect(Object.keys((schema.getType('Thing') as GraphQLModule.GraphQLObjectType).getFields())).toEqual(['id', 'kind']);
    expect(Object.keys((schema.getType('Filter') as GraphQLModule.GraphQLInputObjectType).getFields())).toEqual(['q']);
    expect((schema.getType('Kind') as GraphQLModule.GraphQLEnumType).getValues().map((value) => value.name)).toEqual(['A', 'B']);
    expect((schema.getType('Either') as GraphQLModule.GraphQLUnionType).getTypes().map((type) => type.name)).toEqual(['Thing', 'Secret']);
    expect(graphql.validateSchema(schema)).toEqual([]);
    // What is left validates like the API schema; what was dropped reads as if it never existed.
    expect(graphql.validate(schema, graphql.parse('{ public { id kind } search(term: "x") { id } }'))).toEqual([]);
    expect(graphql.validate(schema, graphql.parse('{ public { audit { by } } }')).map((error) => error.message)).toEqual([
      'Cannot query field "audit" on type "Thing".',
    ]);
  });

  it('refuses to build a schema that would not be valid: an interface field hidden on an implementation only', () => {
    const sdl = `type Query { node: Node } interface Node { id: ID! name: String } type Thing implements Node { id: ID! name: String @tag(name: "internal") }`;
    expect(() => partnerSchemaOf(apiSchemaOf(sdl), taggedCoordinatesOf(sdl))).toThrow(/Node\.name/);
  });
});
