import { runSubgraph } from '#kit';
import { shipping } from './subgraph.ts';

await runSubgraph(shipping);
