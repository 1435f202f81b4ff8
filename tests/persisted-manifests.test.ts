import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { buildASTSchema, Kind, parse, printSchema, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  addTypenameLikeApolloClient,
  clients,
  composedApiSchema,
  generateClientFiles,
  generatedDir,
  manifestPath,
  readApiSchema,
  sha256Hex,
  validateOperations,
  type ClientName,
  type PersistedQueryManifest,
} from '../scripts/persisted.ts';
// The generated typed documents, imported (their index modules too) so that `npm run typecheck` checks
// every generated client file with the shared tsconfig.
import * as web from '../clients/web/generated/graphql.ts';
import * as mobile from '../clients/mobile/generated/graphql.ts';
import * as pos from '../clients/pos/generated/graphql.ts';
import type * as _webIndex from '../clients/web/generated/index.ts';
import type * as _mobileIndex from '../clients/mobile/generated/index.ts';
import type * as _posIndex from '../clients/pos/generated/index.ts';

const root = new URL('../', import.meta.url);
const generatedModules: Record<ClientName, Record<string, unknown>> = { web, mobile, pos };

let composed: GraphQLSchema | undefined;
/** The public API of the subgraphs as they are now, composed once for the file. */
const composedApi = () => (composed ??= composedApiSchema());

const committedManifest = (client: ClientName): PersistedQueryManifest =>
  JSON.parse(readFileSync(new URL(manifestPath(client), root), 'utf8')) as PersistedQueryManifest;

/** The schema without one field, as if a subgraph had removed it. */
function withoutField(typeName: string, fieldName: string) {
  const sdl = parse(printSchema(readApiSchema()));
  return buildASTSchema(
    visit(sdl, {
      ObjectTypeDefinition(node) {
        if (node.name.value !== typeName) return undefined;
        return { ...node, fields: node.fields?.filter((field) => field.name.value !== fieldName) };
      },
    }) as DocumentNode,
  );
}

describe('persisted-query manifests (schema/persisted/<client>.json)', () => {
  it('are fresh: `npm run codegen` would write exactly the committed manifests and generated client files', async () => {
    const files = await generateClientFiles(composedApi());
    for (const file of files) {
      const path = new URL(file.path, root);
      expect(existsSync(path), `${file.path} is missing: run npm run codegen`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${file.path} is stale: run npm run codegen`).toBe(file.content);
    }
    for (const client of clients) {
      const onDisk = readdirSync(new URL(generatedDir(client), root)).map((name) => `${generatedDir(client)}${name}`);
      expect(onDisk.sort(), `files in ${generatedDir(client)} that codegen no longer writes`).toEqual(
        files.filter((file) => file.path.startsWith(generatedDir(client))).map((file) => file.path).sort(),
      );
    }
  }, 120_000);

  it.each(clients)('%s: Apollo format, every id the sha256 of its body, one named operation each, names unique', (client) => {
    const manifest = committedManifest(client);
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    expect(manifest.version).toBe(1);
    expect(manifest.operations.length).toBeGreaterThan(0);
    const names = new Set<string>();
    const ids = new Set<string>();
    for (const operation of manifest.operations) {
      expect(operation.id).toMatch(/^[0-9a-f]{64}$/);
      expect(operation.id, operation.name).toBe(sha256Hex(operation.body));
      const definitions = parse(operation.body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      expect(definitions, operation.name).toHaveLength(1);
      expect(definitions[0]!.name?.value).toBe(operation.name);
      expect(definitions[0]!.operation).toBe(operation.type);
      expect(names.has(operation.name), `${operation.name} twice`).toBe(false);
      expect(ids.has(operation.id), `${operation.id} twice`).toBe(false);
      names.add(operation.name);
      ids.add(operation.id);
    }
  });

  it.each(clients)('%s: every operation validates against the public API of schema/supergraph.graphql and of the subgraphs now', (client) => {
    expect(validateOperations(readApiSchema(), committedManifest(client).operations)).toEqual([]);
    expect(validateOperations(composedApi(), committedManifest(client).operations)).toEqual([]);
  });

  it.each(clients)('%s: the typed documents carry the manifest ids (what the client preset makes clients send)', (client) => {
    const idsByName = new Map(committedManifest(client).operations.map((operation) => [operation.name, operation.id]));
    const sent = new Map<string, string>();
    for (const value of Object.values(generatedModules[client])) {
      const document = value as (DocumentNode & { __meta__?: { hash?: string } }) | undefined;
      if (!document || typeof document !== 'object' || document.kind !== Kind.DOCUMENT) continue;
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      if (!operation) continue; // a fragment
      sent.set(operation.name!.value, document.__meta__?.hash ?? '');
    }
    expect(Object.fromEntries(sent)).toEqual(Object.fromEntries([...idsByName].map(([name, id]) => [name, `sha256:${id}`])));
  });

  it.each(clients)(
    '%s: Apollo Client (generatePersistedQueryIdsFromManifest) finds one id per operation name, and its body returns every __typename its cache adds',
    (client) => {
      const manifest = committedManifest(client);
      // generatePersistedQueryIdsFromManifest maps name → id, the last entry winning: names must be unique.
      const byName = new Map(manifest.operations.map((operation) => [operation.name, operation.id]));
      expect(byName.size).toBe(manifest.operations.length);
      for (const operation of manifest.operations) {
        // Adding __typename the way Apollo Client does adds nothing: the body already selects it.
        const document = parse(operation.body, { noLocation: true });
        expect(addTypenameLikeApolloClient(document), operation.name).toEqual(document);
      }
    },
  );

  it('catches an operation that no longer validates: a removed field fails validation and codegen', async () => {
    const schema = withoutField('ProductVariant', 'sku');
    const problems = clients.flatMap((client) => validateOperations(schema, committedManifest(client).operations));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.includes('Cannot query field "sku" on type "ProductVariant"'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('ProductPage:'))).toBe(true);
    await expect(generateClientFiles(schema)).rejects.toThrow(/sku/);
  }, 120_000);
});
