import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { graphql } from './graphql.ts';
import { MANIFESTS } from './paths.ts';

const { parse, validate } = graphql;

export interface PersistedOperation {
  id: string;
  name: string;
  type: string;
  body: string;
}

export interface ClientManifest {
  /** The file's name without `.json`. */
  client: string;
  operations: PersistedOperation[];
}

/** Every `<client>.json` in `dir` (Apollo's persisted query manifest format), by client name; none without `dir`. */
export function readManifests(dir: string): ClientManifest[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const where = `${MANIFESTS}/${file}`;
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { format?: unknown; version?: unknown; operations?: unknown };
      if (data?.format !== 'apollo-persisted-query-manifest' || data.version !== 1 || !Array.isArray(data.operations)) {
        throw new Error(`${where} is not a persisted query manifest ({ format: "apollo-persisted-query-manifest", version: 1, operations: [...] }).`);
      }
      const operations = data.operations.map((operation: Record<string, unknown>, index: number) => {
        for (const key of ['id', 'name', 'type', 'body']) {
          if (typeof operation?.[key] !== 'string') throw new Error(`${where}: operation ${index} has no string "${key}".`);
        }
        return operation as unknown as PersistedOperation;
      });
      return { client: file.slice(0, -'.json'.length), operations };
    });
}

/** Parses an operation, or says why it cannot. */
export function parseOperation(body: string): DocumentNode | Error {
  try {
    return parse(body);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Every operation of every manifest, validated against `schema` with graphql-js's rules: a removed field, an
 * argument that changed type or became required, a removed enum value an operation names all fail here.
 */
export function manifestProblems(schema: GraphQLSchema, manifests: readonly ClientManifest[]): string[] {
  const problems: string[] = [];
  for (const { client, operations } of manifests) {
    for (const operation of operations) {
      const document = parseOperation(operation.body);
      const errors = document instanceof Error ? [document] : validate(schema, document);
      for (const error of errors) problems.push(`client ${client}, ${operation.type} ${operation.name}: ${error.message}`);
    }
  }
  return problems;
}
