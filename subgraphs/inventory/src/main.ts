import { runSubgraph } from '#kit';
import { inventory } from './subgraph.ts';

await runSubgraph(inventory);
