import type { SubgraphDefinition } from '#kit';
import { cart } from './cart/src/subgraph.ts';
import { customers } from './customers/src/subgraph.ts';
import { inventory } from './inventory/src/subgraph.ts';
import { orders } from './orders/src/subgraph.ts';
import { products } from './products/src/subgraph.ts';
import { shipping } from './shipping/src/subgraph.ts';

/**
 * Every subgraph of the supergraph. Composition, the runner (`npm start`), docker-compose's test and the
 * gateway's test harness read this list: adding a domain is a folder plus a line here.
 */
export const subgraphs: SubgraphDefinition<any>[] = [products, inventory, customers, cart, orders, shipping];
