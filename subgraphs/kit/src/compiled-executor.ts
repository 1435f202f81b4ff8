import { createRequire } from 'node:module';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';

// CommonJS, as @apollo/subgraph builds the schema: under vitest an `import` of graphql can resolve to its
// ES module build, a second copy whose type checks refuse the schema's objects (see cache-policy.ts).
const require = createRequire(import.meta.url);
const { compileQuery, isCompiledQuery } = require('graphql-jit') as typeof import('graphql-jit');
const { getVariableValues } = require('graphql') as typeof import('graphql');

type Compiled = Extract<ReturnType<typeof compileQuery>, { query: unknown }>;
type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type ExecutionResult = Awaited<ReturnType<Executor>>;

/**
 * Runs every operation through graphql-jit rather than graphql-js's `execute`, handed to Apollo Server as
 * a "gateway" (its interface for an executor of one's own); the schema, parsing, validation, plugins,
 * error formatting and HTTP are Apollo's as before.
 *
 * Why (issue 11): graphql-js interprets the document at every field of every object: it builds an `info`
 * object, a path entry, and two dictionary-mode objects for the arguments even of fields that take none.
 * On a listing page (24 products, 72 variants, about 1,500 fields) that was 60% of what the products
 * subgraph allocated and the young generation's main load. graphql-jit compiles each operation once into
 * a function that walks the schema's resolvers directly. Products answered the listing's own query with
 * 40% less CPU (2.49 → 1.50 ms a request, 288 → 459 req/s, bench products-direct at 50 connections).
 *
 * An operation is compiled at its first request and kept as long as Apollo keeps its parsed document (the
 * compiled function hangs on the operation's node, which Apollo's document cache holds per query hash).
 */
export function createCompiledExecutor(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<OperationDefinitionNode, Compiled>();
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return {
        async executor(requestContext): Promise<ExecutionResult> {
          const { operation, document, operationName, request } = requestContext;
          let query = compiled.get(operation);
          if (!query) {
            const result = compileQuery(schema, document, operationName ?? undefined);
            if (!isCompiledQuery(result)) return result as ExecutionResult;
            compiled.set(operation, (query = result as Compiled));
          }
          const variables = request.variables ?? {};
          // Variables are checked by graphql-js first, as execute() would (its limit of 50 errors included):
          // graphql-jit's own messages name the wrong variable for a nested input field and carry no node,
          // which is how Apollo Server tells a client's bad variable (BAD_USER_INPUT, 400) from our failure.
          // What passes is handed over as sent, for graphql-jit to coerce: coerced values (a parsed custom
          // scalar) would be parsed twice.
          if (operation.variableDefinitions?.length) {
            const checked = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 });
            if (checked.errors) return { errors: checked.errors };
          }
          const result = (await query.query(undefined, requestContext.context, variables)) as ExecutionResult;
          return result.errors ? { ...result, errors: result.errors.map(withExtensions) } : result;
        },
      };
    },
    async stop() {},
  };
}

type GraphQLErrorInstance = NonNullable<ExecutionResult['errors']>[number];

/**
 * graphql-jit's errors (its own GraphQLError, a graphql-js GraphQLError by prototype) have no `extensions`
 * unless the thrown error had some, where graphql-js always gives an object; Apollo Server reads
 * `extensions.code` of every error, and fails formatting without it. The same error, with an empty one.
 */
function withExtensions(error: GraphQLErrorInstance): GraphQLErrorInstance {
  if (error.extensions) return error;
  return Object.create(Object.getPrototypeOf(error), { ...Object.getOwnPropertyDescriptors(error), extensions: { value: {}, enumerable: false } });
}
