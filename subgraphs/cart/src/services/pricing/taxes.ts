import type { TaxClass } from '../../entities/cart-line.entity.ts';

export interface TaxRuleData {
  countryCode: string;
  /** Null (or absent) for the whole country. */
  provinceCode?: string | null;
  taxClass: TaxClass;
  ratePpm: number;
  name: string;
  taxesShipping: boolean;
}

/** Where tax is owed: the shipping address, else the buyer's country, else nowhere (no tax). */
export interface TaxDestination {
  countryCode: string;
  provinceCode: string | null;
}

export interface ResolvedRate {
  ratePpm: number;
  /** The rule that set it, or null when none did (rate 0). */
  rule: TaxRuleData | null;
}

const NONE: ResolvedRate = { ratePpm: 0, rule: null };

function find(rules: readonly TaxRuleData[], destination: TaxDestination, taxClass: TaxClass): TaxRuleData | null {
  const inCountry = rules.filter((rule) => rule.countryCode === destination.countryCode && rule.taxClass === taxClass);
  // A region's rule overrides its country's (Ontario's HST replaces Canada's GST, not adds to it).
  const regional = destination.provinceCode ? inCountry.find((rule) => rule.provinceCode === destination.provinceCode) : undefined;
  return regional ?? inCountry.find((rule) => !rule.provinceCode) ?? null;
}

/**
 * The rate for a tax class at a destination:
 * - ZERO is zero-rated everywhere; it needs no rule.
 * - STANDARD: the region's STANDARD rule, else the country's, else 0 (we collect nothing where we have
 *   no rule: a destination is taxed only once someone writes its rule).
 * - REDUCED: the region's or country's REDUCED rule; where the destination has none, its STANDARD rate
 *   (the catalog's promise: "the standard rate where it has none").
 * Combined taxes (Canada's GST + a provincial PST) are one rule with the combined rate.
 */
export function rateFor(rules: readonly TaxRuleData[], destination: TaxDestination | null, taxClass: TaxClass): ResolvedRate {
  if (!destination || taxClass === 'ZERO') return NONE;
  const rule = find(rules, destination, taxClass) ?? (taxClass === 'REDUCED' ? find(rules, destination, 'STANDARD') : null);
  return rule ? { ratePpm: rule.ratePpm, rule } : NONE;
}

/**
 * Shipping is taxed where the destination's STANDARD rule says so (`taxes_shipping`), at that rate:
 * e.g. New York, Texas and Canada tax delivery charges, California does not when they are stated
 * separately, as a cart's are. The rule's flag is the whole decision, so a merchant can follow advice.
 */
export function shippingRateFor(rules: readonly TaxRuleData[], destination: TaxDestination | null): number {
  const standard = rateFor(rules, destination, 'STANDARD');
  return standard.rule?.taxesShipping ? standard.ratePpm : 0;
}
