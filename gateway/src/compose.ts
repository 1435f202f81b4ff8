import { composeServices } from '@apollo/composition';
import { Kind, parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/**
 * Composes subgraph SDLs into a supergraph in-process (no rover binary). Composition errors are thrown
 * together, each naming what broke, so `npm run compose` and CI fail with the full list.
 */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): string {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

/**
 * Each subgraph's URL in a supergraph, by subgraph name: the `@join__graph(name:, url:)` arguments on the
 * values of its `join__Graph` enum (the URLs `composeSupergraph` was given).
 */
export function subgraphUrlsOf(supergraphSdl: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((directive) => directive.name.value === 'join__graph');
      const argument = (name: string) => {
        const found = graph?.arguments?.find((arg) => arg.name.value === name)?.value;
        return found?.kind === Kind.STRING ? found.value : undefined;
      };
      const name = argument('name');
      const url = argument('url');
      if (name && url) urls.set(name, url);
    }
  }
  return urls;
}
