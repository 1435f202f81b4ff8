import type { SubgraphContext } from '#kit';
import type { CustomersLoaders } from './loaders.ts';

export type CustomersContext = SubgraphContext<CustomersLoaders>;
