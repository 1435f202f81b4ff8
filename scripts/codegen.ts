/**
 * `npm run codegen`: resolver types for each subgraph, generated from its own schema.graphql with the
 * context type and mappers its definition declares (subgraphs/index.ts is the only list to edit); then
 * each client's typed operations (clients/<client>/generated/) and persisted-query manifest
 * (schema/persisted/<client>.json) from its .graphql documents and the public API of
 * schema/supergraph.graphql (scripts/persisted.ts). Fails when an operation no longer validates.
 * CI fails when the generated files are stale.
 */
import { generate, type CodegenConfig } from '@graphql-codegen/cli';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { subgraphs } from '../subgraphs/index.ts';
import { clients, generateClientFiles } from './persisted.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

// Type stripping forbids enums, so enums become string unions; `Model` names the mapped classes.
const shared = {
  federation: true,
  useTypeImports: true,
  enumsAsTypes: true,
  mapperTypeSuffix: 'Model',
  useIndexSignature: true,
  scalars: { ID: 'string', DateTime: 'Date' },
};

const config: CodegenConfig = {
  overwrite: true,
  silent: true,
  generates: Object.fromEntries(
    subgraphs.map((subgraph) => {
      if (!subgraph.codegen) throw new Error(`${subgraph.name}: its definition declares no codegen context and mappers.`);
      return [
        `subgraphs/${subgraph.name}/src/generated/resolvers-types.ts`,
        {
          schema: relative(root, fileURLToPath(subgraph.schemaPath)),
          plugins: ['typescript', 'typescript-resolvers'],
          config: { ...shared, contextType: subgraph.codegen.contextType, mappers: subgraph.codegen.mappers },
        },
      ];
    }),
  ),
};

process.chdir(root);
await generate(config, true);
console.log(`generated resolver types for ${subgraphs.map((s) => s.name).join(', ')}`);

try {
  for (const file of await generateClientFiles()) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.content);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
console.log(`generated typed operations and persisted-query manifests for ${clients.join(', ')}`);
