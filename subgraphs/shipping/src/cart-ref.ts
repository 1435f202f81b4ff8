import type { Parcel } from './services/parcel.ts';

/**
 * A Cart as this subgraph resolves it: its id and the parcel read from the fields it `@requires` from
 * the cart subgraph. `parcel` is null when the cart has no destination yet. Shipping stores no carts.
 */
export interface CartRef {
  id: string;
  parcel: Parcel | null;
}
