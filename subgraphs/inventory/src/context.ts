import type { RequestContext } from '#kit';
import type { InventoryLoaders } from './loaders.ts';

export type InventoryContext = RequestContext<InventoryLoaders>;
