import { createRequire } from 'node:module';
import type * as GraphQLModule from 'graphql';
import type { DefinitionNode, DirectiveNode, DocumentNode, FieldDefinitionNode, GraphQLSchema, InputValueDefinitionNode, TypeDefinitionNode, TypeNode } from 'graphql';

/**
 * The graphql-js Apollo Server and the gateway use (CommonJS). Under vitest this module's own `import
 * 'graphql'` would load the ESM build, a second realm whose functions refuse the gateway's schema; the
 * partner schema is built, validated and executed with the same graphql as the API schema it comes from.
 */
export const graphql = createRequire(import.meta.url)('graphql') as typeof GraphQLModule;

/** The tag that keeps a schema element out of partners' contract. */
export const INTERNAL_TAG = 'internal';

/**
 * Schema coordinates of the elements a supergraph tags `@tag(name: "internal")`: `Type`, `Type.field`,
 * `Type.field(arg:)`, `Input.field`, `Enum.VALUE`. @tag survives composition (`@link(url:
 * "https://specs.apollo.dev/tag/v0.3")`, then the directive on each element); the directive's name is
 * the link's `as`, `tag` by default.
 */
export function taggedCoordinatesOf(supergraphSdl: string, tag = INTERNAL_TAG): Set<string> {
  const document = graphql.parse(supergraphSdl);
  const directiveName = tagDirectiveNameOf(document);
  const coordinates = new Set<string>();
  const tagged = (directives: readonly DirectiveNode[] | undefined) =>
    (directives ?? []).some(
      (directive) =>
        directive.name.value === directiveName &&
        directive.arguments?.some((arg) => arg.name.value === 'name' && arg.value.kind === graphql.Kind.STRING && arg.value.value === tag),
    );
  for (const definition of document.definitions) {
    if (!graphql.isTypeDefinitionNode(definition) && !graphql.isTypeExtensionNode(definition)) continue;
    const type = definition.name.value;
    if (tagged(definition.directives)) coordinates.add(type);
    if ('fields' in definition) {
      for (const field of definition.fields ?? []) {
        if (tagged(field.directives)) coordinates.add(`${type}.${field.name.value}`);
        if ('arguments' in field) {
          for (const arg of field.arguments ?? []) if (tagged(arg.directives)) coordinates.add(`${type}.${field.name.value}(${arg.name.value}:)`);
        }
      }
    }
    if ('values' in definition) {
      for (const value of definition.values ?? []) if (tagged(value.directives)) coordinates.add(`${type}.${value.name.value}`);
    }
  }
  return coordinates;
}

function tagDirectiveNameOf(document: DocumentNode): string {
  for (const definition of document.definitions) {
    if (definition.kind !== graphql.Kind.SCHEMA_DEFINITION && definition.kind !== graphql.Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'link') continue;
      const argument = (name: string) => {
        const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
        return value?.kind === graphql.Kind.STRING ? value.value : undefined;
      };
      if (/^https:\/\/specs\.apollo\.dev\/tag\/v[\d.]+$/.test(argument('url') ?? '')) return argument('as') ?? 'tag';
    }
  }
  return 'tag';
}

/**
 * The partners' schema: the API schema without the given elements, and without what only they made
 * reachable. A field whose type is gone goes too, as does one with a required argument whose type is gone;
 * an object, interface, input or enum left with no fields or values goes, an input object losing a
 * required field goes, and then every type no root reaches (payloads of hidden mutations, say). Throws when
 * the result is not a valid schema (an interface field hidden on some implementations only, say).
 */
export function partnerSchemaOf(apiSchema: GraphQLSchema, hidden: ReadonlySet<string>): GraphQLSchema {
  const document = graphql.parse(graphql.printSchema(apiSchema));
  const types = new Map<string, TypeDefinitionNode>();
  const others: DefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (graphql.isTypeDefinitionNode(definition)) types.set(definition.name.value, definition);
    else others.push(definition);
  }
  const rootNames = {
    query: apiSchema.getQueryType()?.name,
    mutation: apiSchema.getMutationType()?.name,
    subscription: apiSchema.getSubscriptionType()?.name,
  };
  const builtIn = (name: string) => graphql.specifiedScalarTypes.some((scalar) => scalar.name === name);
  const present = (type: TypeNode) => {
    const name = namedTypeOf(type);
    return builtIn(name) || types.has(name);
  };
  const required = (input: InputValueDefinitionNode) => input.type.kind === graphql.Kind.NON_NULL_TYPE && !input.defaultValue;

  for (const name of [...types.keys()]) if (hidden.has(name)) types.delete(name);

  // Drop hidden and dangling elements until nothing changes (dropping a type may strand fields elsewhere).
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, type] of [...types]) {
      let next: TypeDefinitionNode | null = type;
      if (type.kind === graphql.Kind.OBJECT_TYPE_DEFINITION || type.kind === graphql.Kind.INTERFACE_TYPE_DEFINITION) {
        const fields = (type.fields ?? []).flatMap((field): FieldDefinitionNode[] => {
          if (hidden.has(`${name}.${field.name.value}`) || !present(field.type)) return [];
          const args = field.arguments ?? [];
          const kept = args.filter((arg) => !hidden.has(`${name}.${field.name.value}(${arg.name.value}:)`) && present(arg.type));
          if (args.some((arg) => !kept.includes(arg) && required(arg))) return [];
          return kept.length === args.length ? [field] : [{ ...field, arguments: kept }];
        });
        const interfaces = (type.interfaces ?? []).filter((named) => types.has(named.name.value));
        next = fields.length === 0 ? null : { ...type, fields, interfaces };
      } else if (type.kind === graphql.Kind.UNION_TYPE_DEFINITION) {
        const members = (type.types ?? []).filter((named) => types.has(named.name.value));
        next = members.length === 0 ? null : { ...type, types: members };
      } else if (type.kind === graphql.Kind.INPUT_OBJECT_TYPE_DEFINITION) {
        const all = type.fields ?? [];
        const fields = all.filter((field) => !hidden.has(`${name}.${field.name.value}`) && present(field.type));
        next = fields.length === 0 || all.some((field) => !fields.includes(field) && required(field)) ? null : { ...type, fields };
      } else if (type.kind === graphql.Kind.ENUM_TYPE_DEFINITION) {
        const values = (type.values ?? []).filter((value) => !hidden.has(`${name}.${value.name.value}`));
        next = values.length === 0 ? null : { ...type, values };
      }
      if (next === null) {
        types.delete(name);
        changed = true;
      } else if (!sameElements(type, next)) {
        types.set(name, next);
        changed = true;
      }
    }
  }

  // Keep only what a root operation type (or a directive's argument) reaches.
  const implementations = new Map<string, string[]>();
  for (const type of types.values()) {
    if (type.kind !== graphql.Kind.OBJECT_TYPE_DEFINITION && type.kind !== graphql.Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const named of type.interfaces ?? []) implementations.set(named.name.value, [...(implementations.get(named.name.value) ?? []), type.name.value]);
  }
  const reached = new Set<string>();
  const visit = (name: string | undefined) => {
    if (!name || reached.has(name) || !types.has(name)) return;
    reached.add(name);
    const type = types.get(name)!;
    if ('fields' in type) {
      for (const field of type.fields ?? []) {
        visit(namedTypeOf(field.type));
        if ('arguments' in field) for (const arg of field.arguments ?? []) visit(namedTypeOf(arg.type));
      }
    }
    if ('interfaces' in type) for (const named of type.interfaces ?? []) visit(named.name.value);
    if (type.kind === graphql.Kind.UNION_TYPE_DEFINITION) for (const named of type.types ?? []) visit(named.name.value);
    for (const implementation of implementations.get(name) ?? []) visit(implementation);
  };
  visit(rootNames.query);
  visit(rootNames.mutation);
  visit(rootNames.subscription);
  for (const other of others) {
    if (other.kind === graphql.Kind.DIRECTIVE_DEFINITION) for (const arg of other.arguments ?? []) visit(namedTypeOf(arg.type));
  }
  if (!rootNames.query || !reached.has(rootNames.query)) throw new Error('The partner schema has no query type left.');

  const definitions: DefinitionNode[] = [
    ...others.filter((other) => other.kind !== graphql.Kind.SCHEMA_DEFINITION),
    {
      kind: graphql.Kind.SCHEMA_DEFINITION,
      operationTypes: (['query', 'mutation', 'subscription'] as const).flatMap((operation) => {
        const name = rootNames[operation];
        return name && reached.has(name)
          ? [{ kind: graphql.Kind.OPERATION_TYPE_DEFINITION, operation: operation as never, type: { kind: graphql.Kind.NAMED_TYPE, name: { kind: graphql.Kind.NAME, value: name } } }]
          : [];
      }),
    } as DefinitionNode,
    ...[...types.values()].filter((type) => reached.has(type.name.value)),
  ];
  const schema = graphql.buildASTSchema({ kind: graphql.Kind.DOCUMENT, definitions });
  const errors = graphql.validateSchema(schema);
  if (errors.length > 0) throw new Error(`The partner schema is not valid: ${errors.map((error) => error.message).join('; ')}`);
  return schema;
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === 'NamedType' ? type.name.value : namedTypeOf(type.type);
}

function sameElements(a: TypeDefinitionNode, b: TypeDefinitionNode): boolean {
  const size = (type: TypeDefinitionNode) =>
    [
      'fields' in type ? (type.fields ?? []).length + (type.fields ?? []).reduce((sum, field) => sum + ('arguments' in field ? (field.arguments ?? []).length : 0), 0) : 0,
      'interfaces' in type ? (type.interfaces ?? []).length : 0,
      'types' in type ? (type.types ?? []).length : 0,
      'values' in type ? (type.values ?? []).length : 0,
    ].join(',');
  return size(a) === size(b);
}
