/**
 * `npm run compose`: composes every subgraph's schema.graphql into schema/supergraph.graphql. The URLs
 * are the development defaults; deployments override them per subgraph with <NAME>_URL at the gateway.
 */
import { writeFileSync } from 'node:fs';
import { readSchema } from '#kit';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { subgraphs } from '../subgraphs/index.ts';

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
  console.log(`composed ${subgraphs.length} subgraphs into schema/supergraph.graphql`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
