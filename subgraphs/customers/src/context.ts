import type { RequestContext } from '#kit';
import type { CustomersLoaders } from './loaders.ts';

export type CustomersContext = RequestContext<CustomersLoaders>;
