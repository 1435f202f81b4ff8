import type { Cart } from '../entities/cart.entity.ts';
import type { CartLoaders } from '../loaders.ts';
import { computeTotals, type CartTotals } from './pricing/totals.ts';
import type { TaxDestination } from './pricing/taxes.ts';

/** Where tax is owed: the shipping address, else the buyer's country, else nowhere. */
export function taxDestinationOf(cart: Pick<Cart, 'shipCountryCode' | 'shipProvinceCode' | 'buyerCountryCode'>): TaxDestination | null {
  if (cart.shipCountryCode) return { countryCode: cart.shipCountryCode, provinceCode: cart.shipProvinceCode ?? null };
  if (cart.buyerCountryCode) return { countryCode: cart.buyerCountryCode, provinceCode: null };
  return null;
}

/**
 * A stored cart's totals from its own rows only (lines' snapshots, codes, tax rules, the selected
 * option's snapshot): reading a cart never calls another subgraph for its prices. The loads are
 * batched (and come with the cart when it was read by id), so any number of carts in one request costs
 * the same statements.
 */
export async function computeCartTotals(loaders: CartLoaders, cart: Cart): Promise<CartTotals> {
  const destination = taxDestinationOf(cart);
  const [lines, { discounts, taxRules }] = await Promise.all([loaders.linesByCartId.load(cart.id), loaders.extrasByCartId.load(cart.id)]);
  return computeTotals({
    currencyCode: cart.currencyCode,
    lines,
    entered: discounts.entered,
    automatic: discounts.automatic,
    hasCustomer: cart.customerId !== null && cart.customerId !== undefined,
    now: new Date(),
    shippingMinor: cart.shippingOptionPriceMinor ?? 0,
    destination,
    taxRules: destination ? taxRules : [],
  });
}
