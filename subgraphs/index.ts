import type { SubgraphDefinition } from '#kit';
import { cart } from './cart/src/subgraph.ts';
import { customers } from './customers/src/subgraph.ts';
import { inventory } from './inventory/src/subgraph.ts';
import { orders } from './orders/src/subgraph.ts';
import { products } from './products/src/subgraph.ts';
import { shipping } from './shipping/src/subgraph.ts';
import { services } from './services.ts';

const definitions: Record<string, SubgraphDefinition<any>> = { products, inventory, customers, cart, orders, shipping };

/**
 * Every subgraph of the supergraph, in the order of services.ts. Composition, docker-compose's test and
 * the gateway's test harness read this list; the runner (`npm start`) reads services.ts alone. Adding a
 * domain is a folder plus a line in each.
 */
export const subgraphs: SubgraphDefinition<any>[] = services.map((service) => {
  const definition = definitions[service.name];
  if (!definition) throw new Error(`subgraphs/services.ts lists ${service.name}, which subgraphs/index.ts does not define`);
  // The runner starts processes from services.ts: a definition that says otherwise would be wired wrong.
  const same = definition.port === service.port && (definition.env ?? []).join() === (service.env ?? []).join();
  if (!same) throw new Error(`${service.name}: its definition and subgraphs/services.ts disagree on its port or variables`);
  return definition;
});
if (subgraphs.length !== Object.keys(definitions).length) throw new Error('subgraphs/services.ts must list every subgraph of subgraphs/index.ts');
