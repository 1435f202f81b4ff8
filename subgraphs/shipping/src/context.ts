import type { RequestContext } from '#kit';
import type { ShippingLoaders } from './loaders.ts';

export type ShippingContext = RequestContext<ShippingLoaders>;
