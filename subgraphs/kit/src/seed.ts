import type { SubgraphServer } from './server.ts';
import type { SeedOptions, SubgraphDefinition } from './subgraph-definition.ts';

export interface Seedable {
  definition: SubgraphDefinition<any>;
  server: Pick<SubgraphServer, 'context' | 'bus'>;
}

/**
 * Seeds subgraphs in order, each as itself, and only after the events of those before it have reached
 * it: products' seed emits `products.variants.created`, inventory applies them, then inventory's seed
 * stocks the items it now knows. No domain hands another its ids; the events do, as in production.
 * Every bus must be installed (queues and subscriptions declared) and no subscriber running, so that
 * this process applies the waiting events itself.
 */
export async function seedSubgraphs(list: readonly Seedable[], options: SeedOptions): Promise<string[]> {
  const seeded: string[] = [];
  const relayEverything = async () => {
    for (const { server } of list) await server.bus.relayAll();
  };
  for (const { definition, server } of list) {
    await relayEverything();
    await server.bus.drain();
    if (definition.seed && (await definition.seed(server.context(), options)).created) seeded.push(definition.name);
  }
  await relayEverything();
  for (const { server } of list) await server.bus.drain();
  return seeded;
}
