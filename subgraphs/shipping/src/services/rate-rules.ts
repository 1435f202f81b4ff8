/**
 * How each kind of rate prices a parcel: pure functions on integer minor units, shared by the carriers.
 * Each returns the price, or null when the rate is not offered for this parcel.
 */

/** FLAT: the same price whatever the parcel. */
export function flatPrice(priceMinor: number): number {
  return priceMinor;
}

/**
 * WEIGHT_BANDS: the price of the first band (lightest first) whose limit the parcel does not exceed,
 * limits inclusive (a 1,000 g parcel is in the "up to 1 kg" band). Heavier than every band, or no bands:
 * not offered, rather than guessed.
 */
export function weightBandPrice(bands: readonly { maxWeightGrams: number; priceMinor: number }[], weightGrams: number): number | null {
  let best: { maxWeightGrams: number; priceMinor: number } | null = null;
  // Not trusting the caller's order: the band that applies is the lightest that fits.
  for (const band of bands) {
    if (band.maxWeightGrams >= weightGrams && (best === null || band.maxWeightGrams < best.maxWeightGrams)) best = band;
  }
  return best?.priceMinor ?? null;
}

/**
 * FREE_OVER: free once the subtotal after discounts reaches the minimum (inclusive: $100.00 qualifies for
 * "free over $100"), otherwise not offered. After discounts, so a code cannot buy free shipping below it.
 */
export function freeOverPrice(minimumSubtotalMinor: number, subtotalMinor: number): number | null {
  return subtotalMinor >= minimumSubtotalMinor ? 0 : null;
}
