import { runSubgraph } from '#kit';
import { customers } from './subgraph.ts';

await runSubgraph(customers);
