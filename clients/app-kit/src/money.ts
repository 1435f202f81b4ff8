/**
 * Money as the API gives it: a decimal string and an ISO 4217 code. Arithmetic happens in integer minor
 * units (a till's change due, say); the API's totals are never recomputed here.
 */
export interface Money {
  amount: string;
  currencyCode: string;
}

const formats = new Map<string, Intl.NumberFormat>();

export function formatMoney(money: Money, locale?: string): string {
  const key = `${locale ?? ''}:${money.currencyCode}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currencyCode })));
  // Intl formats a decimal string exactly (no float rounding) for amounts of this size.
  return format.format(money.amount as unknown as number);
}

/** The currency's minor-unit digits (2 for USD, 0 for JPY), as Intl knows them. */
export function minorDigits(currencyCode: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "12.5" USD → 1250. Null when the text is not a plain non-negative amount with at most the currency's digits. */
export function toMinor(amount: string, currencyCode: string): number | null {
  const digits = minorDigits(currencyCode);
  const match = /^\s*(\d+)(?:[.,](\d*))?\s*$/.exec(amount);
  if (!match || (match[2]?.length ?? 0) > digits) return null;
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  return Number(match[1]) * 10 ** digits + (digits > 0 ? Number(fraction) : 0);
}

/** 1250 USD → { amount: "12.50", currencyCode: "USD" }. */
export function fromMinor(minor: number, currencyCode: string): Money {
  const digits = minorDigits(currencyCode);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const amount = digits > 0 ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return { amount: `${sign}${amount}`, currencyCode };
}
