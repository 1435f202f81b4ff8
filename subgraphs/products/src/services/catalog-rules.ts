import { DomainError } from '#kit';
import { isCurrencyCode } from '../currencies.ts';

/** Rules every catalog write checks before the database's own constraints get a say. */

export const HANDLE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_VARIANTS = 100;
const INT4_MAX = 2_147_483_647;

export function checkHandle(handle: string, field: readonly string[]): void {
  if (!HANDLE.test(handle) || handle.length > 255) {
    throw new DomainError('INVALID', 'Handles are lower-case letters and digits in words joined by hyphens.', field);
  }
}

export function checkTitle(title: string, field: readonly string[]): void {
  if (title.trim() === '' || title.length > 255 || title.includes('\u0000')) {
    throw new DomainError('INVALID', 'A title is 1 to 255 characters of text.', field);
  }
}

export function checkCurrency(code: string, field: readonly string[]): void {
  if (!isCurrencyCode(code)) throw new DomainError('INVALID', `Unsupported currency ${code}.`, field);
}

/** Prices are integer minor units; the range stops where PostgreSQL's integer does. */
export function checkPriceMinor(value: number, field: readonly string[]): void {
  if (!Number.isInteger(value) || value < 0 || value > INT4_MAX) {
    throw new DomainError('INVALID', 'A price is a whole, non-negative number of minor units.', field);
  }
}

export function checkWeightGrams(value: number, field: readonly string[]): void {
  if (!Number.isInteger(value) || value < 0 || value > INT4_MAX) {
    throw new DomainError('INVALID', 'A weight is a whole, non-negative number of grams.', field);
  }
}
