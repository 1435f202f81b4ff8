import { runSubgraph } from '#kit';
import { products } from './subgraph.ts';

await runSubgraph(products);
