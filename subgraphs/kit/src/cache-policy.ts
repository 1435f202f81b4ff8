import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * A subgraph answer's `Cache-Control`, from its schema's `@cacheControl` hints and the operation's
 * document alone, computed once per document. The gateway honours it (signed-data-source.ts), and the
 * response cache reads the result.
 *
 * Apollo's cache-control plugin computes the same thing as each field resolves. Being a `willResolveField`
 * hook, it makes Apollo Server wrap every field's resolver: a policy object and two closures per field of
 * every answer. A listing resolves about 800 fields, and that wrapping cost about a tenth of the products
 * and inventory processes' CPU per request. No resolver here sets a hint at run time, so the document
 * decides. The rules are Apollo's, applied to every field the document selects. A field that never resolves,
 * under a null or in an empty list, counts anyway. The policy is then at most as long as Apollo's, never
 * longer. `cache-policy.test.ts` checks both agree on answers that resolve everything.
 */
export function staticCachePolicyPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  let policies: CachePolicies;
  return {
    async serverWillStart({ schema }) {
      policies = new CachePolicies(schema);
    },
    async requestDidStart() {
      return {
        async willSendResponse({ response, document, operation, errors }) {
          if (response.http.headers.has('cache-control')) return;
          const policy = !errors?.length && document && operation && response.body.kind === 'single' && !response.body.singleResult.errors ? policies.of(document, operation) : null;
          response.http.headers.set('cache-control', policy ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store');
        },
      };
    },
  };
}

type Scope = 'PUBLIC' | 'PRIVATE';
interface Hint {
  maxAge?: number;
  scope?: Scope;
  inheritMaxAge?: boolean;
}

/** Apollo's cache policy: `restrict` keeps the shorter age and PRIVATE; `replace` overwrites what a hint sets. */
class Policy {
  maxAge: number | undefined;
  scope: Scope | undefined;
  restrict(hint: Hint): void {
    if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge)) this.maxAge = hint.maxAge;
    if (hint.scope !== undefined && this.scope !== 'PRIVATE') this.scope = hint.scope;
  }
  replace(hint: Hint): void {
    if (hint.maxAge !== undefined) this.maxAge = hint.maxAge;
    if (hint.scope !== undefined) this.scope = hint.scope;
  }
}

class CachePolicies {
  private readonly byDocument = new WeakMap<DocumentNode, Map<OperationDefinitionNode, { maxAge: number; scope: Scope } | null>>();
  private readonly schema: GraphQLSchema;
  constructor(schema: GraphQLSchema) {
    this.schema = schema;
  }

  /** The policy when cacheable (a positive max age), else null; documents are Apollo's parsed and kept ones. */
  of(document: DocumentNode, operation: OperationDefinitionNode): { maxAge: number; scope: Scope } | null {
    let forDocument = this.byDocument.get(document);
    if (!forDocument) this.byDocument.set(document, (forDocument = new Map()));
    if (!forDocument.has(operation)) forDocument.set(operation, this.compute(document, operation));
    return forDocument.get(operation)!;
  }

  private compute(document: DocumentNode, operation: OperationDefinitionNode): { maxAge: number; scope: Scope } | null {
    const root = this.schema.getRootType(operation.operation);
    if (!root) return null;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const overall = new Policy();
    this.walk(operation.selectionSet, root, true, fragments, overall, new Set());
    return overall.maxAge ? { maxAge: overall.maxAge, scope: overall.scope ?? 'PUBLIC' } : null;
  }

  private walk(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, isRoot: boolean, fragments: Map<string, FragmentDefinitionNode>, overall: Policy, spread: Set<string>): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        // A fragment spread twice on one path adds nothing, and a cycle is invalid (validation refused it).
        if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && spread.has(selection.name.value))) continue;
        const type = fragment.typeCondition ? this.schema.getType(fragment.typeCondition.name.value) : parent;
        if (type && isComposite(type)) {
          const inner = selection.kind === Kind.FRAGMENT_SPREAD ? new Set(spread).add(selection.name.value) : spread;
          this.walk(fragment.selectionSet, type, isRoot, fragments, overall, inner);
        }
        continue;
      }
      // Meta fields (__typename, introspection) carry no hints: Apollo never wraps them either.
      if (selection.name.value.startsWith('__')) continue;
      // On an interface or union, a field resolves on the object type at hand: each possible one counts.
      const objects = isAbstract(parent) ? this.schema.getPossibleTypes(parent) : [parent as GraphQLObjectType];
      for (const object of objects) {
        const field = object.getFields()[selection.name.value];
        if (!field) continue;
        overall.restrict(this.fieldPolicy(field, selection.selectionSet, isRoot));
        const target = namedType(field.type);
        if (selection.selectionSet && isComposite(target)) this.walk(selection.selectionSet, target, false, fragments, overall, spread);
      }
    }
  }

  /** One field's policy, by Apollo's rules (its cache-control plugin's willResolveField and what it returns). */
  private fieldPolicy(field: GraphQLField<unknown, unknown>, selectionSet: SelectionSetNode | undefined, isRoot: boolean): Policy {
    const policy = new Policy();
    let inheritMaxAge = false;
    const target = namedType(field.type);
    if (isComposite(target)) {
      const typeHint = hintOfType(target);
      policy.replace(typeHint);
      inheritMaxAge = Boolean(typeHint.inheritMaxAge);
    }
    const fieldHint = hintOf(field.astNode?.directives);
    if (fieldHint?.inheritMaxAge && policy.maxAge === undefined) {
      inheritMaxAge = true;
      if (fieldHint.scope) policy.replace({ scope: fieldHint.scope });
    } else if (fieldHint) {
      policy.replace(fieldHint);
    }
    // @apollo/subgraph's `_entities` restricts itself by each representation's type: the fragments' types.
    if (field.name === '_entities' && selectionSet) {
      for (const selection of selectionSet.selections) {
        const name = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition?.name.value : undefined;
        const type = name ? this.schema.getType(name) : undefined;
        if (type && isComposite(type)) policy.restrict(hintOfType(type));
      }
    }
    if (policy.maxAge === undefined && ((isComposite(target) && !inheritMaxAge) || isRoot)) policy.restrict({ maxAge: 0 });
    return policy;
  }
}

/*
 * Types are told apart by shape, not by graphql's isObjectType & co.: those are `instanceof` checks, and under
 * vitest this module gets graphql's ESM build while @apollo/subgraph builds schemas with its CommonJS one.
 */
function namedType(type: GraphQLOutputType): GraphQLNamedType {
  let named: GraphQLOutputType = type;
  while ('ofType' in named) named = named.ofType;
  return named;
}

/** Objects, interfaces and unions (an output type with fields is never an input object). */
function isComposite(type: GraphQLNamedType): type is GraphQLCompositeType {
  return 'getFields' in type || 'getTypes' in type;
}

/** Interfaces and unions: the types that resolve to an object type at run time. */
function isAbstract(type: GraphQLCompositeType): type is Exclude<GraphQLCompositeType, GraphQLObjectType> {
  return 'resolveType' in type;
}

function hintOfType(type: GraphQLNamedType): Hint {
  for (const node of [type.astNode, ...(type.extensionASTNodes ?? [])]) {
    const hint = hintOf(node?.directives);
    if (hint) return hint;
  }
  return {};
}

/** A `@cacheControl(maxAge:, scope:, inheritMaxAge:)` among these directives, as Apollo reads it. */
function hintOf(directives: readonly ConstDirectiveNode[] | undefined): Hint | undefined {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  if (!directive?.arguments) return undefined;
  const argument = (name: string) => directive.arguments!.find((a) => a.name.value === name)?.value;
  const scopeValue = argument('scope');
  const scopeName = scopeValue?.kind === Kind.ENUM ? scopeValue.value : undefined;
  const scope = scopeName === 'PUBLIC' || scopeName === 'PRIVATE' ? scopeName : undefined;
  const inherit = argument('inheritMaxAge');
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return { inheritMaxAge: true, scope };
  const maxAge = argument('maxAge');
  return { maxAge: maxAge?.kind === Kind.INT ? parseInt(maxAge.value, 10) : undefined, scope };
}
