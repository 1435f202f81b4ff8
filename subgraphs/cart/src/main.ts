import { runSubgraph } from '#kit';
import { cart } from './subgraph.ts';

await runSubgraph(cart);
