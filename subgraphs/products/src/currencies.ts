import type { CurrencyCode } from './generated/resolvers-types.ts';

/** The schema's CurrencyCode enum as data: a price in any other currency could not be served. */
export const CURRENCY_CODES = [
  'USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'JPY', 'CHF', 'SEK',
  'NOK', 'DKK', 'PLN', 'CZK', 'MXN', 'BRL', 'SGD', 'HKD', 'INR',
] as const satisfies readonly CurrencyCode[];

// Fails to compile when the enum gains a value this list lacks.
type Missing = Exclude<CurrencyCode, (typeof CURRENCY_CODES)[number]>;
const _complete: [Missing] extends [never] ? true : Missing = true;
void _complete;

export function isCurrencyCode(value: string): value is CurrencyCode {
  return (CURRENCY_CODES as readonly string[]).includes(value);
}

/** The `Money` GraphQL object as resolvers return it (the kit's `money()` builds it). */
export type { MoneyValue } from '#kit';
