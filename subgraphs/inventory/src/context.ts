import type { SubgraphContext } from '#kit';
import type { InventoryLoaders } from './loaders.ts';

export type InventoryContext = SubgraphContext<InventoryLoaders>;
