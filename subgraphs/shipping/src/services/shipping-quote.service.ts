import { CARRIERS, type RateRule } from '../carriers/index.ts';
import type { ShippingContext } from '../context.ts';
import type { RateTable } from '../loaders.ts';
import type { Parcel } from './parcel.ts';
import { matchZone } from './zone-matching.ts';

/** A shipping option priced for one parcel (the schema's ShippingOption, amounts in minor units). */
export interface PricedOption {
  /** The rate's uuid; the option's id is its global id. */
  rateId: string;
  title: string;
  carrier: string;
  priceMinor: number;
  currencyCode: string;
  estimatedDays: number | null;
}

/**
 * The options for a parcel, cheapest first (ties by title, then id, so the order is stable). The one
 * function behind both `Cart.shippingOptions` and `shippingQuote`, so what a shopper is shown and what
 * the cart charges for the chosen option cannot differ. No zone for the destination, or no rate in the
 * parcel's currency: no options (an empty list, not an error; the cart shows the warning).
 */
export async function quoteShipping(ctx: ShippingContext, parcel: Parcel): Promise<PricedOption[]> {
  return priceParcel(await ctx.loaders.rateTable(), parcel);
}

/** quoteShipping on a table already loaded. */
export async function priceParcel(table: RateTable, parcel: Parcel): Promise<PricedOption[]> {
  const zoneId = matchZone(table, parcel.countryCode, parcel.provinceCode);
  if (zoneId === null) return [];
  const rules: RateRule[] = (table.ratesByZone.get(zoneId) ?? [])
    .filter((rate) => rate.currencyCode === parcel.currencyCode)
    .map((rate) => ({ rate, bands: table.bandsByRate.get(rate.id) ?? [] }));
  if (rules.length === 0) return [];

  const answers = await Promise.all(
    Object.values(CARRIERS).map((carrier) => carrier.rates(parcel, rules.filter(({ rate }) => rate.carrierCode === carrier.code))),
  );
  const ruleById = new Map(rules.map((rule) => [rule.rate.id, rule.rate]));
  const options = answers.flat().map(({ rateId, priceMinor }): PricedOption => {
    const rate = ruleById.get(rateId);
    // A carrier answering for a rate it was not given, or with a fractional or negative price, is a bug.
    if (!rate || !Number.isSafeInteger(priceMinor) || priceMinor < 0) throw new Error(`Carrier priced rate ${rateId} at ${priceMinor}`);
    return {
      rateId,
      title: rate.title,
      carrier: rate.carrier,
      priceMinor,
      currencyCode: rate.currencyCode,
      estimatedDays: rate.estimatedDays ?? null,
    };
  });
  return options.sort(cheapestFirst);
}

function cheapestFirst(a: PricedOption, b: PricedOption): number {
  return a.priceMinor - b.priceMinor || compare(a.title, b.title) || compare(a.rateId, b.rateId);
}

// Code-point order, like PostgreSQL's "C" collation: the same on every machine and locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
