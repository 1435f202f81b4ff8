import { weightBandPrice } from '../services/rate-rules.ts';
import type { Carrier, CarrierRate } from './carrier.ts';

/**
 * A carrier whose price list the shop keeps as weight bands (what USPS- or UPS-style retail tables look
 * like): WEIGHT_BANDS rates, priced from the stored bands, no network. The seeded "USPS" and "UPS" rates
 * are this carrier under those names; a live carrier API would be another Carrier.
 */
export const tableCarrier: Carrier = {
  code: 'table',
  async rates(parcel, rules) {
    const priced: CarrierRate[] = [];
    for (const { rate, bands } of rules) {
      if (rate.kind !== 'WEIGHT_BANDS') continue;
      const price = weightBandPrice(bands, parcel.weightGrams);
      if (price !== null) priced.push({ rateId: rate.id, priceMinor: price });
    }
    return priced;
  },
};
