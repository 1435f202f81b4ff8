import type { Viewer } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { shipping } from '../src/subgraph.ts';

export const CART: Viewer = { role: 'service', customerId: null, service: 'cart' };
export const staff = (): Viewer => ({ role: 'staff', customerId: crypto.randomUUID() });
export const customer = (): Viewer => ({ role: 'customer', customerId: crypto.randomUUID() });

export function startShipping(label = 'shipping'): Promise<TestSubgraph> {
  return createTestDatabase(label).then((url) => startTestSubgraph(shipping, url));
}

export const QUOTE = `query ($input: ShippingQuoteInput!) {
  shippingQuote(input: $input) { id title carrier price { amount currencyCode } estimatedDays }
}`;

export const CART_OPTIONS = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Cart { id shippingOptions { id title carrier price { amount currencyCode } estimatedDays } }
  }
}`;

export interface ParcelInput {
  weightGrams: number;
  subtotalMinor: number;
  currencyCode: string;
  countryCode: string;
  provinceCode?: string | null;
}

/** A `Cart` representation as the gateway sends it: the key and the `@requires`d fields. */
export function cartRepresentation(parcel: Partial<Omit<ParcelInput, 'countryCode'>> & { countryCode: string | null }, id = `gid://commerce/Cart/${crypto.randomUUID()}`) {
  return {
    __typename: 'Cart',
    id,
    shippingWeightGrams: parcel.weightGrams ?? 0,
    shippingSubtotalMinor: parcel.subtotalMinor ?? 0,
    shippingCurrencyCode: parcel.currencyCode ?? 'USD',
    shippingCountryCode: parcel.countryCode,
    shippingProvinceCode: parcel.provinceCode ?? null,
  };
}

export interface RateFixture {
  title: string;
  carrier?: string;
  kind: 'FLAT' | 'WEIGHT_BANDS' | 'FREE_OVER';
  currencyCode?: string;
  priceMinor?: number;
  minimumSubtotalMinor?: number;
  estimatedDays?: number | null;
  /** [max grams, price minor], for WEIGHT_BANDS. */
  bands?: [number, number][];
}

/** A zone covering `destinations` (`US`, or `US/HI` for one region), with its rates; returns rate ids by title. */
export async function createZone(
  subgraph: TestSubgraph,
  name: string,
  destinations: string[],
  rates: RateFixture[],
): Promise<Record<string, string>> {
  const [zone] = await subgraph.sql<{ id: string }>('insert into shipping_zone (name) values (?) returning id', [name]);
  for (const destination of destinations) {
    const [country, province = null] = destination.split('/');
    await subgraph.sql('insert into shipping_zone_region (zone_id, country_code, province_code) values (?, ?, ?)', [zone!.id, country, province]);
  }
  const ids: Record<string, string> = {};
  for (const rate of rates) {
    const [row] = await subgraph.sql<{ id: string }>(
      `insert into shipping_rate (zone_id, title, carrier, carrier_code, kind, currency_code, price_minor, minimum_subtotal_minor, estimated_days)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [
        zone!.id,
        rate.title,
        rate.carrier ?? (rate.kind === 'WEIGHT_BANDS' ? 'USPS' : 'Manual'),
        rate.kind === 'WEIGHT_BANDS' ? 'table' : 'manual',
        rate.kind,
        rate.currencyCode ?? 'USD',
        rate.priceMinor ?? null,
        rate.minimumSubtotalMinor ?? null,
        rate.estimatedDays === undefined ? 5 : rate.estimatedDays,
      ],
    );
    ids[rate.title] = row!.id;
    for (const [maxWeightGrams, priceMinor] of rate.bands ?? []) {
      await subgraph.sql('insert into shipping_rate_band (rate_id, max_weight_grams, price_minor) values (?, ?, ?)', [row!.id, maxWeightGrams, priceMinor]);
    }
  }
  return ids;
}
