/**
 * Currencies as Stripe checks them: lowercase ISO 4217 codes, amounts in the currency's minor unit, a
 * minimum charge per currency and one maximum. Money stays in integers; only messages show decimals.
 */
import { invalidRequest } from './errors.ts';

const KNOWN = new Set(Intl.supportedValuesOf('currency').map((code) => code.toLowerCase()));

/** Stripe's minimum charge amounts, in minor units, for the currencies most likely here; 50 otherwise. */
const MINIMUM: Record<string, number> = { usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, chf: 50, jpy: 50, sek: 300, nok: 300, dkk: 250 };
const MAXIMUM = 99_999_999;

export function readCurrency(value: string): string {
  const code = value.toLowerCase();
  if (!KNOWN.has(code)) throw invalidRequest(`Invalid currency: ${value}.`, { param: 'currency' });
  return code;
}

export function checkChargeAmount(amount: number, currency: string): void {
  const minimum = MINIMUM[currency] ?? 50;
  if (amount < minimum) {
    throw invalidRequest(`Amount must be at least ${formatAmount(minimum, currency)} ${currency}`, { code: 'amount_too_small', param: 'amount' });
  }
  if (amount > MAXIMUM) {
    throw invalidRequest(`Amount must be no more than ${formatAmount(MAXIMUM, currency)}`, { code: 'amount_too_large', param: 'amount' });
  }
}

/** `$25.00`, `€10.00`, `¥500`: the way Stripe's messages show an amount. */
export function formatAmount(minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // Display only, and exact for any amount Stripe accepts (below 2^53 minor units).
  return format.format(minorUnits / 10 ** digits);
}
