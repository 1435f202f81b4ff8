/**
 * Money is integer minor units plus an ISO 4217 code everywhere inside the system; the decimal string
 * only exists at the GraphQL boundary (`Money.amount`), formatted here and nowhere else.
 */
export interface MoneyValue {
  amount: string;
  currencyCode: string;
}

// ISO 4217 exponents that differ from 2; every other supported currency has two decimals.
const EXPONENT: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, HUF: 2, BHD: 3, KWD: 3, JOD: 3, OMR: 3, TND: 3 };

export function currencyExponent(currencyCode: string): number {
  return EXPONENT[currencyCode] ?? 2;
}

/** 1999 USD → "19.99"; -5 EUR → "-0.05"; 500 JPY → "500". Integer arithmetic only, never floats. */
export function formatMinorUnits(minor: number | bigint, currencyCode: string): string {
  const value = BigInt(minor);
  const exponent = currencyExponent(currencyCode);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export function money(minor: number | bigint, currencyCode: string): MoneyValue {
  return { amount: formatMinorUnits(minor, currencyCode), currencyCode };
}

// At most 12 whole digits: the largest amount (times 10^3) stays an exact JavaScript integer.
const DECIMAL = /^(\d{1,12})(?:\.(\d{1,12}))?$/;

/**
 * The inverse of formatMinorUnits, for amounts clients send: "19.99" USD → 1999, "500" JPY → 500. Digits
 * are joined and read as an integer, never as a float. More decimals than the currency has are refused,
 * not rounded, unless they are zeros ("19.990"). Null when the amount is not such a decimal.
 */
export function parseMinorUnits(amount: string, currencyCode: string): number | null {
  const match = DECIMAL.exec(amount);
  if (!match) return null;
  const exponent = currencyExponent(currencyCode);
  const [, whole = '', fraction = ''] = match;
  if (/[^0]/.test(fraction.slice(exponent))) return null;
  return Number(BigInt(whole + fraction.slice(0, exponent).padEnd(exponent, '0')));
}
