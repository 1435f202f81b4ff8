import { DomainError, ServiceCallError } from '#kit';
import type { CartContext } from '../context.ts';
import { CartErrorCode } from './cart-errors.ts';
import type { CartDraft } from './cart-draft.ts';
import { discountInputsForCodes } from './discount-rules.ts';
import { computeTotals } from './pricing/totals.ts';
import { parcelKey, quoteShipping, type Parcel, type QuotedOption } from './shipping-quote.ts';

/** What a change asks of shipping: learn whether a new address is served, or choose an option. */
export type ShippingIntent = { kind: 'address' } | { kind: 'select'; optionId: string };

/** The parcel shipping prices: total weight, subtotal after discounts, currency, destination. */
export async function parcelOf(tx: CartContext, draft: CartDraft): Promise<Parcel | null> {
  const { cart } = draft;
  if (!cart.address) return null;
  const discounts = await discountInputsForCodes(tx.em, draft.codes, cart.customerId);
  const totals = computeTotals({
    currencyCode: cart.currencyCode, lines: draft.lines, entered: discounts.entered, automatic: discounts.automatic,
    hasCustomer: cart.customerId !== null, now: new Date(), shippingMinor: 0, destination: null, taxRules: [],
  });
  return {
    weightGrams: draft.lines.reduce((sum, line) => sum + line.weightGrams * line.quantity, 0),
    subtotalMinor: totals.discountedSubtotal,
    currencyCode: cart.currencyCode,
    countryCode: cart.address.countryCode,
    provinceCode: cart.address.provinceCode,
  };
}

/** Keeps the selected option if shipping still offers it (at its new price), else clears it and says so. */
function reprice(draft: CartDraft, options: readonly QuotedOption[] | null, parcel: Parcel): void {
  const { cart } = draft;
  if (!cart.option) return;
  const same = options?.find((option) => option.id === cart.option!.id);
  if (same) {
    cart.option = same;
    cart.quoteKey = parcelKey(parcel);
  } else {
    cart.lostOptionTitle = cart.option.title;
    cart.option = null;
    cart.quoteKey = null;
  }
}

/**
 * The shipping part of a change, under the cart's lock (quotes are short and bounded by the service
 * client's timeout; only this cart's next change waits for one):
 * - selecting an option quotes the cart and stores the chosen option's snapshot; shipping down is a
 *   SHIPPING_UNAVAILABLE user error;
 * - a new address is quoted once, to remember whether it is served; shipping down leaves that unknown
 *   and, since a selected option was priced for the old address, clears it (with a warning);
 * - any other change re-quotes a selected option when the parcel changed; shipping down then keeps its
 *   last price (checkout prices shipping again), and the next change tries again.
 */
export async function settleShipping(tx: CartContext, draft: CartDraft, intent: ShippingIntent | undefined): Promise<void> {
  const { cart } = draft;
  if (intent?.kind === 'select') {
    const parcel = await parcelOf(tx, draft);
    if (!parcel) throw new DomainError(CartErrorCode.SHIPPING_ADDRESS_MISSING, 'Set a shipping address before choosing how to ship.', ['shippingOptionId']);
    const options = await quoteShipping(tx, parcel);
    cart.shippingServed = options.length > 0;
    const chosen = options.find((option) => option.id === intent.optionId);
    if (!chosen) throw new DomainError(CartErrorCode.SHIPPING_OPTION_NOT_FOUND, 'That shipping option is not offered for this cart.', ['shippingOptionId']);
    cart.option = chosen;
    cart.quoteKey = parcelKey(parcel);
    cart.lostOptionTitle = null;
    return;
  }
  const parcel = await (intent?.kind === 'address' || cart.option ? parcelOf(tx, draft) : null);
  if (!parcel) return;
  if (intent?.kind !== 'address' && parcelKey(parcel) === cart.quoteKey) return;
  let options: QuotedOption[] | null = null;
  try {
    options = await quoteShipping(tx, parcel);
  } catch (error) {
    if (!(error instanceof ServiceCallError)) throw error;
    tx.log.warn({ err: error }, 'shipping did not answer a quote');
    if (intent?.kind !== 'address') return;
  }
  if (intent?.kind === 'address') cart.shippingServed = options === null ? null : options.length > 0;
  reprice(draft, options, parcel);
}
