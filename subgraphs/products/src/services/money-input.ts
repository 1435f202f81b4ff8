import { currencyExponent, parseMinorUnits, userError, type UserError } from '#kit';
import type { MoneyInput, WeightInput, WeightUnit } from '../generated/resolvers-types.ts';
import { CatalogErrorCode } from './catalog-rules.ts';

/**
 * Money and weights as clients send them, read into what the catalog stores: integer minor units and
 * whole grams. Problems are collected on the field at fault (`field` is the path of the MoneyInput or
 * WeightInput), so a batch of variants reports every bad price at once.
 */

export function readPrice(price: MoneyInput, field: readonly string[], errors: UserError[]): number {
  const minor = parseMinorUnits(price.amount, price.currencyCode);
  if (minor === null) {
    const decimals = currencyExponent(price.currencyCode);
    const example = decimals ? `19.${'9'.repeat(decimals)}` : '1999';
    const message = `An amount in ${price.currencyCode} is a decimal number with at most ${decimals} decimals, e.g. "${example}".`;
    errors.push(userError(CatalogErrorCode.INVALID, message, [...field, 'amount']));
    return 0;
  }
  return minor;
}

const GRAMS_PER: Record<WeightUnit, number> = { GRAMS: 1, KILOGRAMS: 1000, OUNCES: 28.349523125, POUNDS: 453.59237 };

/** Weights are stored in whole grams: other units are converted, and rounded to the nearest gram. */
export function readWeight(weight: WeightInput, field: readonly string[], errors: UserError[]): number {
  if (!Number.isFinite(weight.value) || weight.value < 0) {
    errors.push(userError(CatalogErrorCode.INVALID, 'A weight is a non-negative number.', [...field, 'value']));
    return 0;
  }
  return Math.round(weight.value * GRAMS_PER[weight.unit]);
}
