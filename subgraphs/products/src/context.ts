import type { SubgraphContext } from '#kit';
import type { ProductsLoaders } from './loaders.ts';

export type ProductsContext = SubgraphContext<ProductsLoaders>;
