import { describe, expect, it } from 'vitest';
import { CARRIERS, type RateRule } from '../src/carriers/index.ts';
import type { ShippingRate } from '../src/entities/shipping-rate.entity.ts';
import { destinationKey } from '../src/loaders.ts';
import { flatPrice, freeOverPrice, weightBandPrice } from '../src/services/rate-rules.ts';
import { matchZone } from '../src/services/zone-matching.ts';

const BANDS = [
  { maxWeightGrams: 1000, priceMinor: 599 },
  { maxWeightGrams: 5000, priceMinor: 999 },
  { maxWeightGrams: 20000, priceMinor: 1999 },
];

describe('weight bands', () => {
  it('prices a parcel by the first band whose limit it does not exceed, limits inclusive', () => {
    expect(weightBandPrice(BANDS, 0)).toBe(599);
    expect(weightBandPrice(BANDS, 1000)).toBe(599);
    expect(weightBandPrice(BANDS, 1001)).toBe(999);
    expect(weightBandPrice(BANDS, 5000)).toBe(999);
    expect(weightBandPrice(BANDS, 20000)).toBe(1999);
  });

  it('does not offer a parcel heavier than every band, or a rate without bands', () => {
    expect(weightBandPrice(BANDS, 20001)).toBeNull();
    expect(weightBandPrice([], 1)).toBeNull();
  });

  it('takes the lightest band that fits whatever order the bands come in', () => {
    expect(weightBandPrice([...BANDS].reverse(), 1500)).toBe(999);
  });
});

describe('free over a subtotal', () => {
  it('is free from the minimum up, and not offered below it', () => {
    expect(freeOverPrice(10000, 10000)).toBe(0);
    expect(freeOverPrice(10000, 250000)).toBe(0);
    expect(freeOverPrice(10000, 9999)).toBeNull();
  });
});

describe('flat', () => {
  it('is the same price whatever the parcel', () => {
    expect(flatPrice(450)).toBe(450);
  });
});

describe('zone matching', () => {
  const table = {
    zoneByDestination: new Map([
      [destinationKey('US', null), 'us'],
      [destinationKey('US', 'HI'), 'hawaii'],
      [destinationKey('CA', 'QC'), 'quebec'],
    ]),
  };

  it('prefers a zone listing the region over one listing the whole country', () => {
    expect(matchZone(table, 'US', 'HI')).toBe('hawaii');
    expect(matchZone(table, 'US', 'CA')).toBe('us');
    expect(matchZone(table, 'US', null)).toBe('us');
  });

  it('serves no destination that no zone lists, whole or in part', () => {
    expect(matchZone(table, 'CA', 'ON')).toBeNull();
    expect(matchZone(table, 'CA', null)).toBeNull();
    expect(matchZone(table, 'CA', 'QC')).toBe('quebec');
    expect(matchZone(table, 'MX', null)).toBeNull();
  });
});

describe('carriers', () => {
  const parcel = { weightGrams: 1500, subtotalMinor: 12000, currencyCode: 'USD', countryCode: 'US', provinceCode: null };
  const rule = (kind: ShippingRate['kind'], columns: Partial<ShippingRate> = {}): RateRule => ({
    rate: { id: kind, kind, priceMinor: null, minimumSubtotalMinor: null, ...columns } as ShippingRate,
    bands: kind === 'WEIGHT_BANDS' ? BANDS.map((band, i) => ({ id: `b${i}`, rateId: kind, ...band })) : [],
  });
  const rules = [rule('FLAT', { priceMinor: 450 }), rule('FREE_OVER', { minimumSubtotalMinor: 10000 }), rule('WEIGHT_BANDS')];

  it('manual prices FLAT and FREE_OVER rules and leaves the rest out', async () => {
    expect(await CARRIERS.manual.rates(parcel, rules)).toEqual([
      { rateId: 'FLAT', priceMinor: 450 },
      { rateId: 'FREE_OVER', priceMinor: 0 },
    ]);
  });

  it('table prices WEIGHT_BANDS rules from their bands and leaves the rest out', async () => {
    expect(await CARRIERS.table.rates(parcel, rules)).toEqual([{ rateId: 'WEIGHT_BANDS', priceMinor: 999 }]);
  });
});
