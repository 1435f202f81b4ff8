import { parseMinorUnits, type RequestContext } from '#kit';

/** What shipping prices: the cart's weight, discounted subtotal, currency and destination. */
export interface Parcel {
  weightGrams: number;
  subtotalMinor: number;
  currencyCode: string;
  countryCode: string;
  provinceCode: string | null;
}

/** A shipping option as the cart stores it once chosen (a snapshot, so totals need no call). */
export interface QuotedOption {
  id: string;
  title: string;
  carrier: string;
  priceMinor: number;
  estimatedDays: number | null;
}

// `shippingQuote` is @inaccessible in the supergraph: an internal query shipping allows the cart.
const QUOTE = `query ($input: ShippingQuoteInput!) {
  shippingQuote(input: $input) { id title carrier price { amount currencyCode } estimatedDays }
}`;

interface QuoteAnswer {
  shippingQuote: { id: string; title: string; carrier: string; price: { amount: string; currencyCode: string }; estimatedDays: number | null }[];
}

/**
 * The options shipping offers for `parcel`, cheapest first, in the parcel's currency (an option priced
 * in another is dropped: the cart cannot add it up). Throws ServiceCallError when shipping does not
 * answer; callers decide what that means for them.
 */
export async function quoteShipping(ctx: RequestContext, parcel: Parcel): Promise<QuotedOption[]> {
  const data = await ctx.services.query<QuoteAnswer>('shipping', QUOTE, { input: parcel });
  const options: QuotedOption[] = [];
  for (const option of data.shippingQuote ?? []) {
    const priceMinor = option.price.currencyCode === parcel.currencyCode ? parseMinorUnits(option.price.amount, parcel.currencyCode) : null;
    if (priceMinor === null) {
      ctx.log.warn({ optionId: option.id, price: option.price }, 'shipping quoted an option the cart cannot price; ignored');
      continue;
    }
    options.push({ id: option.id, title: option.title, carrier: option.carrier, priceMinor, estimatedDays: option.estimatedDays ?? null });
  }
  return options;
}

/** The parcel a quote was made for, as text: a selected option is re-quoted when it changes. */
export function parcelKey(parcel: Parcel): string {
  return [parcel.weightGrams, parcel.subtotalMinor, parcel.currencyCode, parcel.countryCode, parcel.provinceCode ?? ''].join('|');
}
