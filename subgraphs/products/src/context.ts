import type { RequestContext } from '#kit';
import type { ProductsLoaders } from './loaders.ts';

export type ProductsContext = RequestContext<ProductsLoaders>;
