import { flatPrice, freeOverPrice } from '../services/rate-rules.ts';
import type { Carrier, CarrierRate } from './carrier.ts';

/**
 * The shop ships it itself (or with whoever it likes) at prices it sets: FLAT and FREE_OVER rates. It
 * buys no labels and tracks nothing; staff enter tracking numbers by hand.
 */
export const manualCarrier: Carrier = {
  code: 'manual',
  async rates(parcel, rules) {
    const priced: CarrierRate[] = [];
    for (const { rate } of rules) {
      // The CHECK constraints guarantee each kind's column; a rule of another kind is not this carrier's.
      const price =
        rate.kind === 'FLAT' && rate.priceMinor != null
          ? flatPrice(rate.priceMinor)
          : rate.kind === 'FREE_OVER' && rate.minimumSubtotalMinor != null
            ? freeOverPrice(rate.minimumSubtotalMinor, parcel.subtotalMinor)
            : null;
      if (price !== null) priced.push({ rateId: rate.id, priceMinor: price });
    }
    return priced;
  },
};
