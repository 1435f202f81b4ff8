/**
 * Client operations and their persisted-query manifests (run by `npm run codegen`, see scripts/codegen.ts).
 *
 * Each client's operations are the `.graphql` documents under clients/<client>/. From them and the public API
 * of the supergraph (federation internals and `@inaccessible` removed) the GraphQL Code Generator client
 * preset writes typed documents to clients/<client>/generated/, each carrying its sha256 persisted-document
 * hash, and we write schema/persisted/<client>.json, the manifest the gateway's safelist loads, in Apollo's
 * persisted query manifest format. Every operation must validate against that API, or codegen fails.
 *
 * One id per operation, the same for every kind of client:
 * - A document gets `__typename` in every selection set but the operation's root, exactly where Apollo
 *   Client's cache adds it (`addTypenameToDocument`), before it is hashed. So the persisted body returns
 *   what Apollo Client's cache needs, and the typed results include `__typename`.
 * - The body is the client preset's normalised print of that document (selections sorted, whitespace
 *   collapsed) and the id is the sha256 hex of the body: the preset's own hash without its `sha256:` prefix.
 *   Clients using the generated documents send that hash (`documentId: "sha256:<id>"`, or
 *   `extensions.persistedQuery.sha256Hash: "<id>"`).
 * - Apollo Client with `@apollo/persisted-query-lists`' `generatePersistedQueryIdsFromManifest` looks the
 *   operation up by name in this manifest and sends that same id; it sends its own printed body only to
 *   register an unknown id, which a safelist refuses anyway. (Its runtime mode,
 *   `generatePersistedQueryIdsAtRuntime`, hashes its own print instead and is not supported.)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { generate, type CodegenConfig } from '@graphql-codegen/cli';
import { readSchema } from '#kit';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { subgraphs } from '../subgraphs/index.ts';
import {
  buildASTSchema,
  Kind,
  parse,
  printSchema,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The clients with operations in clients/<name>/ and a manifest in schema/persisted/<name>.json. */
export const clients = ['web', 'mobile', 'pos'] as const;
export type ClientName = (typeof clients)[number];

export interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

export interface GeneratedFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  content: string;
}

export const manifestPath = (client: ClientName) => `schema/persisted/${client}.json`;
export const generatedDir = (client: ClientName) => `clients/${client}/generated/`;

/**
 * The public API of a supergraph: no federation internals, nothing `@inaccessible` (what the gateway serves).
 * Rebuilt from its AST with this module's graphql, so that it mixes with this module's `validate` whichever
 * copy of graphql (CommonJS or ES module) `@apollo/federation-internals` loaded.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return buildASTSchema(Supergraph.build(supergraphSdl).apiSchema().toAST());
}

/** The public API of the committed schema/supergraph.graphql (what the gateway serves). */
export function readApiSchema(): GraphQLSchema {
  return apiSchemaOf(readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'));
}

/**
 * The public API of the subgraphs as they are now: the supergraph `npm run compose` writes, composed in memory,
 * so that `npm run codegen` gives the same client files whether it runs before or after `npm run compose`.
 */
export function composedApiSchema(): GraphQLSchema {
  return apiSchemaOf(
    composeSupergraph(subgraphs.map((subgraph) => ({ name: subgraph.name, url: `http://localhost:${subgraph.port}/graphql`, sdl: readSchema(subgraph) }))),
  );
}

export function sha256Hex(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

const typenameField: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * Apollo Client's `addTypenameToDocument`: `__typename` last in every selection set except an operation's
 * root, unless the set already selects it or an introspection field, or belongs to an `@export` field.
 */
export function addTypenameLikeApolloClient(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      enter(node: SelectionSetNode, _key, parent): SelectionSetNode | undefined {
        if (parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION) return undefined;
        const has = node.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'));
        if (has) return undefined;
        const field = parent as FieldNode | undefined;
        if (field?.kind === Kind.FIELD && field.directives?.some((directive) => directive.name.value === 'export')) return undefined;
        return { ...node, selections: [...node.selections, typenameField] };
      },
    },
  });
}

/** The codegen document transform applying `addTypenameLikeApolloClient` before the preset types and hashes. */
const apolloClientTypenames = {
  transform({ documents }: { documents: { document?: DocumentNode }[] }) {
    return documents.map((source) => (source.document ? { ...source, document: addTypenameLikeApolloClient(source.document) } : source));
  },
};

/**
 * The codegen configuration of every client: the client preset over the public API schema, given as SDL
 * (codegen's own copy of graphql may not be the caller's).
 */
export function clientCodegenConfig(schemaSdl: string): CodegenConfig {
  return {
    overwrite: true,
    silent: true,
    generates: Object.fromEntries(
      clients.map((client) => [
        generatedDir(client),
        {
          schema: schemaSdl,
          documents: [`clients/${client}/**/*.graphql`],
          preset: 'client',
          presetConfig: {
            fragmentMasking: false,
            persistedDocuments: { hashAlgorithm: 'sha256' },
          },
          documentTransforms: [apolloClientTypenames as never],
          config: {
            useTypeImports: true,
            enumType: 'string-literal',
            importExtension: '.ts',
            scalars: { ID: 'string', DateTime: 'string' },
          },
        },
      ]),
    ),
  };
}

/**
 * Checks operations against a schema with every rule of the GraphQL specification (codegen's own check skips
 * a few): one message per problem, naming the operation.
 */
export function validateOperations(schema: GraphQLSchema, operations: readonly Pick<ManifestOperation, 'name' | 'body'>[]): string[] {
  const problems: string[] = [];
  for (const operation of operations) {
    let document: DocumentNode;
    try {
      document = parse(operation.body);
    } catch (error) {
      problems.push(`${operation.name}: ${(error as Error).message}`);
      continue;
    }
    for (const error of validate(schema, document, specifiedRules)) problems.push(`${operation.name}: ${error.message}`);
  }
  return problems;
}

/**
 * A client's manifest from the preset's persisted documents (`{ "sha256:<hex>": body }`), checked: every id
 * the sha256 of its body, one named operation per body, names unique, every body valid against `schema`.
 */
export function manifestOf(client: ClientName, persistedDocuments: Record<string, string>, schema: GraphQLSchema): PersistedQueryManifest {
  const problems: string[] = [];
  const operations: ManifestOperation[] = [];
  for (const [hash, body] of Object.entries(persistedDocuments)) {
    const id = hash.replace(/^sha256:/, '');
    if (id !== sha256Hex(body)) problems.push(`${hash} is not the sha256 of its body`);
    const definitions = parse(body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const name = definitions[0]?.name?.value;
    if (definitions.length !== 1 || !name) {
      problems.push(`every persisted document holds exactly one named operation: ${body.slice(0, 80)}`);
      continue;
    }
    operations.push({ id, name, type: definitions[0]!.operation, body });
  }
  const seen = new Set<string>();
  for (const { name } of operations) {
    if (seen.has(name)) problems.push(`operation name ${name} is used twice`);
    seen.add(name);
  }
  problems.push(...validateOperations(schema, operations));
  if (problems.length > 0) {
    throw new Error(`clients/${client}: its operations do not fit the public API:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
  operations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

export function printManifest(manifest: PersistedQueryManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Every generated client file and manifest, in memory: what `npm run codegen` writes and what the tests
 * compare with the committed files. Throws when a document does not validate against the schema.
 */
export async function generateClientFiles(schema: GraphQLSchema = composedApiSchema()): Promise<GeneratedFile[]> {
  const outputs = await generate({ ...clientCodegenConfig(printSchema(schema)), cwd: root }, false);
  const files: GeneratedFile[] = (outputs as { filename: string; content: string }[]).map((output) => ({ path: output.filename.replaceAll('\\', '/'), content: output.content }));
  for (const client of clients) {
    const persisted = files.find((file) => file.path === `${generatedDir(client)}persisted-documents.json`);
    if (!persisted) throw new Error(`clients/${client}: codegen produced no persisted documents`);
    const manifest = manifestOf(client, JSON.parse(persisted.content) as Record<string, string>, schema);
    files.push({ path: manifestPath(client), content: printManifest(manifest) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
