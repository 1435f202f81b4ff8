import { ClientErrorCode, clientError } from '#kit';

/** What a shipping price depends on: the parcel's weight and value, and where it goes. */
export interface Parcel {
  /** Total weight in grams, 0 or more. */
  weightGrams: number;
  /** Subtotal after discounts, in minor units of `currencyCode`, 0 or more. */
  subtotalMinor: number;
  /** ISO 4217, upper case: only rates in this currency are offered. */
  currencyCode: string;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string;
  /** Upper case, or null when the destination has none. */
  provinceCode: string | null;
}

/** Where each of a parcel's values came from, so an error names the field the caller sent. */
export type ParcelFieldPaths = Record<keyof Parcel, readonly string[]>;

const CURRENCY = /^[A-Z]{3}$/;
const COUNTRY = /^[A-Z]{2}$/;
const PROVINCE = /^[A-Z0-9-]{1,32}$/;

/**
 * Validates and normalises a parcel as callers send it (codes in any case, blank province meaning none).
 * Values are `unknown` because entity representations are plain JSON, not typed GraphQL input. A bad
 * value is the caller's error (BAD_USER_INPUT on its field), never a 500.
 */
export function readParcel(values: Partial<Record<keyof Parcel, unknown>>, paths: ParcelFieldPaths): Parcel {
  const weightGrams = values.weightGrams;
  if (!isCount(weightGrams)) throw bad('Weight must be a whole number of grams, 0 or more.', paths.weightGrams);
  const subtotalMinor = values.subtotalMinor;
  if (!isCount(subtotalMinor)) throw bad('Subtotal must be a whole number of minor units, 0 or more.', paths.subtotalMinor);
  const currencyCode = code(values.currencyCode);
  if (!CURRENCY.test(currencyCode)) throw bad('Currency code must be an ISO 4217 three-letter code, e.g. "USD".', paths.currencyCode);
  const countryCode = code(values.countryCode);
  if (!COUNTRY.test(countryCode)) throw bad('Country code must be an ISO 3166-1 two-letter code, e.g. "CA".', paths.countryCode);
  const province = code(values.provinceCode ?? '');
  if (province !== '' && !PROVINCE.test(province)) {
    throw bad('Province code may hold only letters, digits and hyphens, up to 32 characters.', paths.provinceCode);
  }
  return { weightGrams, subtotalMinor, currencyCode, countryCode, provinceCode: province === '' ? null : province };
}

export const QUOTE_INPUT_PATHS: ParcelFieldPaths = {
  weightGrams: ['input', 'weightGrams'],
  subtotalMinor: ['input', 'subtotalMinor'],
  currencyCode: ['input', 'currencyCode'],
  countryCode: ['input', 'countryCode'],
  provinceCode: ['input', 'provinceCode'],
};

/** `Cart` representations name the cart's own (`@requires`d) fields. */
export const CART_FIELD_PATHS: ParcelFieldPaths = {
  weightGrams: ['shippingWeightGrams'],
  subtotalMinor: ['shippingSubtotalMinor'],
  currencyCode: ['shippingCurrencyCode'],
  countryCode: ['shippingCountryCode'],
  provinceCode: ['shippingProvinceCode'],
};

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

// Not a string at all reads as '' and fails its pattern.
function code(value: unknown): string {
  return typeof value === 'string' ? value.trim().toUpperCase() : '';
}

function bad(message: string, field: readonly string[]) {
  return clientError(ClientErrorCode.BAD_USER_INPUT, message, field);
}
