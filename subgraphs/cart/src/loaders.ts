import DataLoader from 'dataloader';
import type { LoaderScope } from '#kit';
import { Cart } from './entities/cart.entity.ts';
import { CartLine } from './entities/cart-line.entity.ts';
import { TaxRule } from './entities/tax-rule.entity.ts';
import { VariantState } from './entities/variant-state.entity.ts';
import { discountInputsOfCarts, type CartDiscountInputs } from './services/discount-rules.ts';
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
  discountInputsByCartId: DataLoader<string, CartDiscountInputs>;
  taxRulesByCountry: DataLoader<string, TaxRule[]>;
  variantStateById: DataLoader<string, VariantState | null>;
  /** A cart's totals, worked out once per request however many fields ask. */
  totalsOf: DataLoader<Cart, CartTotals, string>;
}

function byKey<T, K>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): (T | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}

export function createLoaders({ em }: LoaderScope, settings: CartSettings): CartLoaders {
  const loaders: CartLoaders = {
    settings,
    cartById: new DataLoader(async (ids) => byKey(ids, await em.find(Cart, { id: { $in: [...ids] } }), (cart) => cart.id)),
    openCartByCustomerId: new DataLoader(async (customerIds) =>
      byKey(customerIds, await em.find(Cart, { customerId: { $in: [...customerIds] }, status: 'OPEN' }), (cart) => cart.customerId!),
    ),
    linesByCartId: new DataLoader(async (cartIds) => {
      const rows = await em.find(CartLine, { cartId: { $in: [...cartIds] } }, { orderBy: { seq: 'asc' } });
      const byCart = new Map<string, CartLine[]>(cartIds.map((id) => [id, []]));
      for (const row of rows) byCart.get(row.cartId)?.push(row);
      return cartIds.map((id) => byCart.get(id)!);
    }),
    discountInputsByCartId: new DataLoader(async (cartIds) => {
      const inputs = await discountInputsOfCarts(em, cartIds);
      return cartIds.map((id) => inputs.get(id)!);
    }),
    taxRulesByCountry: new DataLoader(async (countries) => {
      const rows = await em.find(TaxRule, { countryCode: { $in: [...countries] } });
      return countries.map((country) => rows.filter((row) => row.countryCode === country));
    }),
    variantStateById: new DataLoader(async (ids) => byKey(ids, await em.find(VariantState, { variantId: { $in: [...ids] } }), (state) => state.variantId)),
    totalsOf: new DataLoader(async (carts) => Promise.all(carts.map((cart) => computeCartTotals(loaders, cart))), { cacheKeyFn: (cart) => cart.id }),
  };
  return loaders;
}
