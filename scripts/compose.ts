/**
 * `npm run compose`: composes every subgraph's schema.graphql into schema/supergraph.graphql (the URLs
 * are the development defaults; deployments override them per subgraph with <NAME>_URL at the gateway),
 * and writes docker-compose.yml and deploy/roles.sql from the same list of subgraphs. It also writes the public
 * schema (schema/public.graphql: the API schema clients see) and schema/usage.md (which fields each client's
 * persisted operations in schema/persisted/ use); `npm run schema:check` governs their changes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSchema } from '#kit';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { subgraphs } from '../subgraphs/index.ts';
import { dockerComposeFile, rolesSql } from './deployment-files.ts';
import { MANIFESTS, PUBLIC_SCHEMA, publicSchemaSdl, readManifests, USAGE, usageReport } from './schema-governance.ts';

const target = new URL('../schema/supergraph.graphql', import.meta.url);
try {
  const sdl = composeSupergraph(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: `http://localhost:${subgraph.port}/graphql`,
      sdl: readSchema(subgraph),
    })),
  );
  writeFileSync(target, sdl.endsWith('\n') ? sdl : `${sdl}\n`);
  writeFileSync(new URL('../docker-compose.yml', import.meta.url), dockerComposeFile(subgraphs));
  mkdirSync(new URL('../deploy/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../deploy/roles.sql', import.meta.url), rolesSql(subgraphs));
  console.log(`composed ${subgraphs.length} subgraphs into schema/supergraph.graphql; wrote docker-compose.yml and deploy/roles.sql`);
  const root = new URL('../', import.meta.url);
  const publicSdl = publicSchemaSdl(sdl);
  const manifests = readManifests(fileURLToPath(new URL(MANIFESTS, root)));
  writeFileSync(new URL(PUBLIC_SCHEMA, root), publicSdl);
  writeFileSync(new URL(USAGE, root), usageReport(publicSdl, manifests));
  console.log(`wrote ${PUBLIC_SCHEMA} and ${USAGE} (${manifests.length} client manifest${manifests.length === 1 ? '' : 's'}); \`npm run schema:check\` checks its changes`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
