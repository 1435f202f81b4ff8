import type { RequestContext } from '#kit';
import type { OrdersLoaders } from './loaders.ts';

export type OrdersContext = RequestContext<OrdersLoaders>;
