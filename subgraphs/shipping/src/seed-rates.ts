import type { CarrierCode, ShippingRateKind } from './entities/shipping-rate.entity.ts';

/** A rate of the demo rate table; amounts in minor units of `currencyCode`. */
export interface SeedRate {
  title: string;
  carrier: string;
  carrierCode: CarrierCode;
  kind: ShippingRateKind;
  currencyCode: string;
  estimatedDays: number;
  priceMinor?: number;
  minimumSubtotalMinor?: number;
  /** [max weight in grams, price in minor units], lightest first. */
  bands?: [number, number][];
}

export interface SeedZone {
  name: string;
  /** Whole countries (ISO 3166-1 alpha-2). */
  countries: string[];
  rates: SeedRate[];
}

const KG = 1000;
const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
];

/** The demo shop's carriers: "USPS" and "UPS" are the table-driven carrier under those names. */
const USPS = { carrier: 'USPS', carrierCode: 'table', kind: 'WEIGHT_BANDS' } as const;
const UPS = { carrier: 'UPS', carrierCode: 'table', kind: 'WEIGHT_BANDS' } as const;

/**
 * The demo rate table. The demo shop sells in USD only, so every zone is priced in USD, Canada and the
 * EU included: only rates in a cart's currency are offered, and the seeded carts are in USD.
 */
export const SEED_ZONES: SeedZone[] = [
  {
    name: 'United States',
    countries: ['US'],
    rates: [
      {
        ...USPS, title: 'Standard', currencyCode: 'USD', estimatedDays: 5,
        bands: [[1 * KG, 599], [5 * KG, 999], [20 * KG, 1999], [50 * KG, 3999]],
      },
      {
        ...UPS, title: 'Express', currencyCode: 'USD', estimatedDays: 2,
        bands: [[1 * KG, 1299], [5 * KG, 1999], [20 * KG, 3999], [50 * KG, 7999]],
      },
      {
        title: 'Free shipping', carrier: 'Manual', carrierCode: 'manual', kind: 'FREE_OVER',
        currencyCode: 'USD', estimatedDays: 6, minimumSubtotalMinor: 10000,
      },
    ],
  },
  {
    name: 'Canada',
    countries: ['CA'],
    rates: [
      {
        ...USPS, title: 'Standard international', currencyCode: 'USD', estimatedDays: 10,
        bands: [[1 * KG, 1499], [5 * KG, 2499], [20 * KG, 4999], [30 * KG, 8999]],
      },
      {
        ...UPS, title: 'Express international', currencyCode: 'USD', estimatedDays: 4,
        bands: [[1 * KG, 2999], [5 * KG, 4999], [20 * KG, 9999], [30 * KG, 15999]],
      },
    ],
  },
  {
    name: 'European Union',
    countries: EU_COUNTRIES,
    rates: [
      {
        ...USPS, title: 'International', currencyCode: 'USD', estimatedDays: 12,
        bands: [[1 * KG, 1999], [5 * KG, 3499], [20 * KG, 6999], [30 * KG, 11999]],
      },
    ],
  },
];
