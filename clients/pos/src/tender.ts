/**
 * The cash a clerk types ("20", "20.5", "$1,000.00") as integer minor units, so change is computed by
 * integer subtraction and never by floats. Digits are joined and read as an integer; more decimals than
 * the currency has are refused rather than rounded (the API refuses them too), as is anything that is not
 * a plain non-negative amount.
 */
import { minorDigits } from '../../app-kit/src/money.ts';

// Twelve whole digits at most: any such amount in minor units is an exact JavaScript integer.
const AMOUNT = /^(\d{1,12})(?:\.(\d*))?$/;

/** Minor units of a typed amount, or null when it is not one this currency can hold. */
export function parseAmountToMinor(typed: string, currencyCode: string): number | null {
  // A currency sign and thousands separators are what people type; spaces come from scanners and pads.
  const text = typed.trim().replace(/^[^\d.-]{1,3}/, '').replace(/[,\s]/g, '');
  const match = AMOUNT.exec(text);
  if (!match) return null;
  const exponent = minorDigits(currencyCode);
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > exponent && /[^0]/.test(fraction.slice(exponent))) return null;
  return Number(whole + fraction.slice(0, exponent).padEnd(exponent, '0'));
}

/** Round notes above a total, for one-tap tender buttons: e.g. 37.45 → 40, 50, 100 (minor units). */
export function roundTenders(totalMinor: number, currencyCode: string, count = 3): number[] {
  const unit = 10 ** minorDigits(currencyCode);
  const notes = [5, 10, 20, 50, 100, 200].map((note) => note * unit);
  const picks = new Set<number>();
  for (const note of notes) {
    // The next multiple strictly above: a total of exactly 20 offers 25, 30, 40 (exact has its own button).
    picks.add(Math.floor(totalMinor / note) * note + note);
    if (picks.size === count) break;
  }
  return [...picks].sort((a, b) => a - b);
}
