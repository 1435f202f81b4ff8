import DataLoader from 'dataloader';
import type { LoaderScope } from '#kit';
import type { Cart } from './entities/cart.entity.ts';
import { CartLine } from './entities/cart-line.entity.ts';
import { BY_ID, OPEN_OF_CUSTOMER, readCartExtras, readCarts, type CartExtras, type CartRead } from './services/cart-reads.ts';
import { computeCartTotals } from './services/cart-totals.service.ts';
import type { CartTotals } from './services/pricing/totals.ts';
import type { CartSettings } from './settings.ts';

/**
 * Per-request loaders, plus the cart's settings: the context has one slot of the subgraph's own, and
 * carrying the settings in it lets services read them from `ctx` and tests vary them.
 */
export interface CartLoaders {
  settings: CartSettings;
  cartById: DataLoader<string, Cart | null>;
  /** A customer's OPEN cart (at most one, by a partial unique index); whether it is still live is the caller's check. */
  openCartByCustomerId: DataLoader<string, Cart | null>;
  /** A cart's lines in the order they were added. */
  linesByCartId: DataLoader<string, CartLine[]>;
  /** A cart's discounts, destination tax rules and variant observations (services/cart-reads.ts). */
  extrasByCartId: DataLoader<string, CartExtras>;
  /** A cart's totals, worked out once per request however many fields ask. */
  totalsOf: DataLoader<Cart, CartTotals, string>;
}

function byKey<T, K>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): (T | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}

export function createLoaders({ em }: LoaderScope, settings: CartSettings): CartLoaders {
  // A cart read comes with its lines and extras in the same statement: the loaders that would read them
  // again are primed instead (a key already loaded, e.g. a mutation's written lines, is kept).
  const primed = (reads: CartRead[]): Cart[] => {
    for (const { cart, lines, extras } of reads) {
      loaders.linesByCartId.prime(cart.id, lines);
      loaders.extrasByCartId.prime(cart.id, extras);
    }
    return reads.map((read) => read.cart);
  };
  const loaders: CartLoaders = {
    settings,
    cartById: new DataLoader(async (ids) => byKey(ids, primed(await readCarts(em, BY_ID, ids)), (cart) => cart.id)),
    openCartByCustomerId: new DataLoader(async (customerIds) =>
      byKey(customerIds, primed(await readCarts(em, OPEN_OF_CUSTOMER, customerIds)), (cart) => cart.customerId!),
    ),
    linesByCartId: new DataLoader(async (cartIds) => {
      const rows = await em.find(CartLine, { cartId: { $in: [...cartIds] } }, { orderBy: { seq: 'asc' } });
      const byCart = new Map<string, CartLine[]>(cartIds.map((id) => [id, []]));
      for (const row of rows) byCart.get(row.cartId)?.push(row);
      return cartIds.map((id) => byCart.get(id)!);
    }),
    extrasByCartId: new DataLoader(async (cartIds) => {
      const extras = await readCartExtras(em, cartIds);
      return cartIds.map((id) => extras.get(id) ?? new Error(`cart ${id} vanished while being read`));
    }),
    totalsOf: new DataLoader(async (carts) => Promise.all(carts.map((cart) => computeCartTotals(loaders, cart))), { cacheKeyFn: (cart) => cart.id }),
  };
  return loaders;
}
