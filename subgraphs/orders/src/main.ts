import { runSubgraph } from '#kit';
import { orders } from './subgraph.ts';

await runSubgraph(orders);
