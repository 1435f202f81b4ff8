import { createRequire } from 'node:module';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { visit, type DocumentNode, type GraphQLError as GraphQLErrorType, type ValidationRule } from 'graphql';
import { isProduction } from '#kit/config.ts';
import type { HardeningConfig } from './config.ts';

/**
 * Apollo Server's own graphql-js, whose GraphQLError it recognises (`instanceof`) and keeps the code of.
 * Under plain Node that is the one `import 'graphql'` gives; under vitest, `import` resolves graphql's
 * ESM build while Apollo requires the CommonJS one, and an error of the other realm would lose its code.
 */
const { GraphQLError } = createRequire(import.meta.url)('graphql') as { GraphQLError: typeof GraphQLErrorType };

/**
 * Depth, cost, alias and directive limits as validation rules (graphql-armor), and the token limit as
 * graphql-js's own `maxTokens` parse option: parsing stops at the limit, and the refusal is a
 * GRAPHQL_PARSE_FAILED (armor's Apollo token plugin throws from a hook, which Apollo turns into a 500).
 * Armor's rules report with `code: BAD_USER_INPUT`, which Apollo replaces with GRAPHQL_VALIDATION_FAILED
 * (HTTP 400). All of this runs before the operation is planned, so a refused one reaches no subgraph.
 * Suggestions ("Did you mean …?") are removed in production by the error formatter (errors.ts), which
 * covers every message that has them; armor's suggestion plugin only covers fields, and leaves a "?".
 */
export function operationLimits(limits: HardeningConfig['limits']): { validationRules: ValidationRule[]; parseOptions: { maxTokens: number } } {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const { validationRules } = armor.protect();
  return { validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

/** Who may introspect. The viewer's role is `partner` for requests with a partner API key. */
export interface IntrospectionContext {
  viewer?: { role?: string } | null;
}

/**
 * Introspection (`__schema`, `__type`; `__typename` is always allowed) outside production for everyone,
 * in production for partners only.
 */
export function isIntrospectionAllowed(context: IntrospectionContext | undefined, production: boolean = isProduction()): boolean {
  if (!production) return true;
  return context?.viewer?.role === 'partner';
}

export const INTROSPECTION_REFUSED_MESSAGE = 'Introspection is not allowed: __schema and __type are for partners with an API key.';

/** Whether a document asks for `__schema` or `__type` anywhere (operations and fragments). */
export function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The introspection gate, per request (a validation rule would not do: Apollo caches validated documents
 * and skips validation for them, whoever sends them next). Apollo's own `introspection` option is on, so
 * this is the only gate. Refused before planning: no subgraph is called.
 */
export function introspectionGate(options: {
  production: boolean;
  allowed?: (context: IntrospectionContext, production: boolean) => boolean;
}): ApolloServerPlugin<any> {
  const allowed = options.allowed ?? isIntrospectionAllowed;
  // Apollo hands every request of a cached document the same DocumentNode, and a document never changes:
  // it is walked once, not on every request (a persisted listing's walk showed in the gateway's profile).
  const walked = new WeakMap<DocumentNode, boolean>();
  const asksIntrospection = (document: DocumentNode) => {
    let found = walked.get(document);
    if (found === undefined) walked.set(document, (found = usesIntrospection(document)));
    return found;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!asksIntrospection(document) || allowed(contextValue as IntrospectionContext, options.production)) return;
          throw new GraphQLError(INTROSPECTION_REFUSED_MESSAGE, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400, headers: new HeaderMap() } },
          });
        },
      };
    },
  };
}
