import type { RequestContext } from '#kit';
import type { CartLoaders } from './loaders.ts';

export type CartContext = RequestContext<CartLoaders>;
