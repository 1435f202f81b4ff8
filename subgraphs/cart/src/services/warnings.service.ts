import { formatMinorUnits, ServiceCallError, toGlobalId } from '#kit';
import type { CartContext } from '../context.ts';
import type { Cart } from '../entities/cart.entity.ts';
import type { CartLine } from '../entities/cart-line.entity.ts';
import type { VariantState } from '../entities/variant-state.entity.ts';
import { fetchQuantitiesAvailable } from './catalog.ts';
import { notApplicableMessage } from './pricing/discounts.ts';
import { fetchQuantitiesAtLocation } from './till-stock.ts';

export interface CartWarning {
  code: string;
  message: string;
  target: string;
}

/** What product events reported after the line's snapshot was taken, if anything. */
function newerState(line: CartLine, state: VariantState | undefined): VariantState | null {
  if (!state) return null;
  return state.observedAt.getTime() > line.snapshotAt.getTime() ? state : null;
}

/**
 * Live stock (online, or a till cart's store's), or null when inventory does not answer (stock warnings
 * are then left out, not guessed).
 */
async function liveStock(ctx: CartContext, cart: Cart, lines: readonly CartLine[]): Promise<Map<string, number> | null> {
  if (lines.length === 0) return new Map();
  const ids = lines.map((line) => line.variantId);
  try {
    return await (cart.locationId ? fetchQuantitiesAtLocation(ctx, cart.locationId, ids) : fetchQuantitiesAvailable(ctx, ids));
  } catch (error) {
    if (!(error instanceof ServiceCallError)) throw error;
    ctx.log.warn({ err: error }, 'inventory did not answer; cart warnings leave stock out');
    return null;
  }
}

/**
 * What changed underneath the shopper, reported rather than fixed: per line, an archived product
 * (from its snapshot, or a newer product event), no or too little stock (live, one batched inventory
 * call), a price that moved since the snapshot (from product events: no products call); then entered
 * codes that take nothing off; then shipping: no address, an address shipping does not serve, a
 * selected option a re-quote no longer offered. Targets are line ids, the code itself, or the cart id.
 */
export async function cartWarnings(ctx: CartContext, cart: Cart): Promise<CartWarning[]> {
  const lines = await ctx.loaders.linesByCartId.load(cart.id);
  const [{ states }, stock, totals] = await Promise.all([
    ctx.loaders.extrasByCartId.load(cart.id),
    liveStock(ctx, cart, lines),
    ctx.loaders.totalsOf.load(cart),
  ]);
  const warnings: CartWarning[] = [];
  lines.forEach((line) => {
    const target = toGlobalId('CartLine', line.id);
    const state = newerState(line, states.get(line.variantId));
    if (line.productStatus === 'ARCHIVED' || state?.productStatus === 'ARCHIVED') {
      warnings.push({ code: 'MERCHANDISE_UNAVAILABLE', message: `${line.productTitle} is no longer sold.`, target });
    } else if (stock) {
      const available = stock.get(line.variantId) ?? 0;
      if (available === 0) warnings.push({ code: 'MERCHANDISE_OUT_OF_STOCK', message: `${line.productTitle} is out of stock.`, target });
      else if (available < line.quantity) {
        warnings.push({ code: 'MERCHANDISE_NOT_ENOUGH_STOCK', message: `Only ${available} of ${line.productTitle} can be bought; the cart holds ${line.quantity}.`, target });
      }
    }
    if (state && (state.priceMinor !== line.unitPriceMinor || state.currencyCode !== line.currencyCode)) {
      const was = `${formatMinorUnits(line.unitPriceMinor, line.currencyCode)} ${line.currencyCode}`;
      const now = `${formatMinorUnits(state.priceMinor, state.currencyCode)} ${state.currencyCode}`;
      warnings.push({ code: 'MERCHANDISE_PRICE_CHANGED', message: `The price of ${line.productTitle} changed from ${was} to ${now}; the cart takes the new price at its next change.`, target });
    }
  });
  for (const code of totals.discounts.codes) {
    if (!code.applicable && code.reason) warnings.push({ code: 'DISCOUNT_CODE_NOT_APPLICABLE', message: notApplicableMessage(code.code, code.reason), target: code.code });
  }
  const cartTarget = toGlobalId('Cart', cart.id);
  if (!cart.shipAddress1 && lines.length > 0) {
    warnings.push({ code: 'SHIPPING_ADDRESS_MISSING', message: 'Add a shipping address to see shipping options and taxes.', target: cartTarget });
  }
  if (cart.shipAddress1 && cart.shippingServed === false) {
    warnings.push({ code: 'SHIPPING_DESTINATION_NOT_SERVED', message: 'We do not ship to this address.', target: cartTarget });
  }
  if (cart.shippingOptionLostTitle) {
    warnings.push({ code: 'SHIPPING_OPTION_UNAVAILABLE', message: `${cart.shippingOptionLostTitle} is no longer offered for this cart; choose another shipping option.`, target: cartTarget });
  }
  return warnings;
}
