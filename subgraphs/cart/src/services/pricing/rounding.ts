/**
 * The cart's only rounding, in exact integer arithmetic (BigInt for the products, so a rate in parts per
 * million times a large amount never loses a digit). Every amount here is non-negative minor units.
 *
 * Where rounding happens, once each:
 * - a percentage discount: once per discount, on the amount it applies to, half up (`percentOf`);
 * - an order discount spread over lines: never rounded, split by largest remainder (`allocate`), so
 *   the parts add up to the discount exactly;
 * - tax: once per line, on the line's amount after its share of discounts, half up (`partsPerMillion`);
 *   and once on shipping. The total tax is the sum of those, never re-rounded.
 *
 * Half up rather than half even: tax authorities that name a method (EU VAT practice, most US states'
 * "round to the nearest cent, half a cent up") name this one, and per-line rounding keeps each line's
 * tax the same whatever else is in the cart. Banker's rounding only pays off when summing many rounded
 * values that are then compared with a total rounded once, which this cart never does.
 */

/** round(amount × numerator / denominator), halves up; for non-negative integers. */
export function mulDivHalfUp(amount: number, numerator: number, denominator: number): number {
  if (amount < 0 || numerator < 0 || denominator <= 0) throw new RangeError('mulDivHalfUp takes non-negative amounts and a positive denominator');
  const product = BigInt(amount) * BigInt(numerator);
  const divisor = BigInt(denominator);
  const quotient = product / divisor;
  const remainder = product % divisor;
  return Number(remainder * 2n >= divisor ? quotient + 1n : quotient);
}

/** `basisPoints` (1000 = 10%) of `amount`, half up. */
export function percentOf(amount: number, basisPoints: number): number {
  return mulDivHalfUp(amount, basisPoints, 10_000);
}

/** `ratePpm` parts per million (72500 = 7.25%) of `amount`, half up. */
export function partsPerMillion(amount: number, ratePpm: number): number {
  return mulDivHalfUp(amount, ratePpm, 1_000_000);
}

/**
 * Splits `total` over `weights` in proportion, in whole minor units that add up to `total` exactly
 * (largest remainder: everyone gets the floor of their share, then the units left go to the largest
 * remainders, earlier entries first on ties). With `total` at most the sum of the weights, no part
 * exceeds its weight, so a discount never makes a line negative.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const bigTotal = BigInt(total);
  const bigSum = BigInt(sum);
  const parts = weights.map((weight) => bigTotal * BigInt(weight));
  const shares = parts.map((part) => Number(part / bigSum));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = parts
    .map((part, index) => ({ index, remainder: part % bigSum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return shares;
}
