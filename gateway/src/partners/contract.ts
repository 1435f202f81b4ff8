import type { GraphQLError as GraphQLErrorType, OperationDefinitionNode, SelectionSetNode, DocumentNode, GraphQLSchema } from 'graphql';
import { HeaderMap, type ApolloServerPlugin, type BaseContext, type GraphQLRequestContext } from '@apollo/server';
import type { Logger } from '#kit/logger.ts';
import type { Viewer } from '#kit/identity.ts';
import { graphql, partnerSchemaOf, taggedCoordinatesOf } from './partner-schema.ts';

export { INTERNAL_TAG, partnerSchemaOf, taggedCoordinatesOf } from './partner-schema.ts';

const INTROSPECTION_ROOT_FIELDS = new Set(['__schema', '__type']);

/** The root field names an operation selects, through fragments (as written: `@skip`/`@include` ignored). */
function rootFieldsOf(document: DocumentNode, operation: OperationDefinitionNode): Set<string> {
  const fragments = new Map(
    document.definitions.flatMap((definition) => (definition.kind === graphql.Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === graphql.Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === graphql.Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}

/** A refusal that reads, and is coded, like graphql-js's own validation errors (HTTP 400). */
function validationFailure(error: GraphQLErrorType | string): GraphQLErrorType {
  const message = typeof error === 'string' ? error : error.message;
  const nodes = typeof error === 'string' ? undefined : error.nodes;
  return new graphql.GraphQLError(message, { nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}

export interface PartnerContract<TContext extends BaseContext> {
  /** Apollo Server plugin: partner requests are validated against, and introspect, the partner schema. */
  plugin: ApolloServerPlugin<TContext>;
  /** The current partner schema (undefined until a supergraph loaded). */
  schema(): GraphQLSchema | undefined;
}

const MAX_CACHED_VALIDATIONS = 2_000;

/**
 * Partners' contract of the API: the API schema minus everything tagged `internal` in the subgraphs. Built
 * from each supergraph the gateway loads (`onSchemaLoadOrUpdate`); a supergraph whose partner schema cannot
 * be built keeps the previous one (logged), and with none, partner requests fail.
 *
 * For a viewer with role `partner`:
 * - every document is validated against the partner schema too, in `didResolveOperation` (which runs for
 *   every request, including documents Apollo validated and cached earlier for someone else): an internal
 *   field is refused as graphql-js refuses a field that does not exist, `GRAPHQL_VALIDATION_FAILED` (400);
 * - an operation asking only introspection (`__schema`, `__type`, `__typename`) is answered from the partner
 *   schema in `responseForOperation`, without the query planner; one mixing introspection with data fields
 *   is refused (the gateway would answer its introspection from the full API schema).
 * Everyone else is untouched.
 */
export function createPartnerContract<TContext extends BaseContext & { viewer: Viewer }>(
  gateway: { onSchemaLoadOrUpdate(callback: (schema: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): unknown },
  log: Logger,
): PartnerContract<TContext> {
  let current: { schema: GraphQLSchema; validations: Map<string, readonly GraphQLErrorType[]> } | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
    try {
      const hidden = taggedCoordinatesOf(coreSupergraphSdl);
      current = { schema: partnerSchemaOf(apiSchema, hidden), validations: new Map() };
      log.info({ hidden: hidden.size }, 'partner schema built');
    } catch (error) {
      log.error({ err: error }, current ? 'partner schema not rebuilt; partners keep the previous one' : 'partner schema not built; partner requests will fail');
    }
  });

  const validate = (requestContext: GraphQLRequestContext<TContext>) => {
    if (!current) throw new Error('No partner schema');
    const key = requestContext.queryHash ?? graphql.print(requestContext.document!);
    let errors = current.validations.get(key);
    if (!errors) {
      errors = graphql.validate(current.schema, requestContext.document!);
      if (current.validations.size >= MAX_CACHED_VALIDATIONS) current.validations.clear();
      current.validations.set(key, errors);
    }
    return { schema: current.schema, errors };
  };
  const isPartner = (context: TContext | undefined) => context?.viewer?.role === 'partner';
  const introspectionOnly = new WeakSet<object>();

  return {
    schema: () => current?.schema,
    plugin: {
      async requestDidStart({ contextValue }) {
        if (!isPartner(contextValue)) return;
        return {
          async didResolveOperation(requestContext) {
            const { errors } = validate(requestContext);
            if (errors.length > 0) throw validationFailure(errors[0]!);
            const operation = requestContext.operation;
            if (!operation || operation.operation !== 'query') return;
            const roots = rootFieldsOf(requestContext.document, operation);
            const asksIntrospection = [...roots].some((name) => INTROSPECTION_ROOT_FIELDS.has(name));
            if (!asksIntrospection) return;
            if ([...roots].some((name) => !name.startsWith('__'))) {
              throw validationFailure('Introspection (`__schema`, `__type`) must be asked on its own: send it in an operation without other fields.');
            }
            introspectionOnly.add(requestContext.request);
          },
          async responseForOperation(requestContext) {
            if (!introspectionOnly.has(requestContext.request)) return null;
            const { schema } = validate(requestContext);
            const result = await graphql.execute({
              schema,
              document: requestContext.document,
              operationName: requestContext.operationName,
              variableValues: requestContext.request.variables,
            });
            return {
              http: { status: undefined, headers: new HeaderMap() },
              body: {
                kind: 'single',
                singleResult: { data: result.data ?? null, ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}) },
              },
            };
          },
        };
      },
    },
  };
}
