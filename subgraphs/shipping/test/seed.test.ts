import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSubgraph } from '#kit/testing/index.ts';
import { seedShipping } from '../src/seed.ts';
import { CART, QUOTE, startShipping } from './support.ts';

let subgraph: TestSubgraph;
let first: { created: boolean };

beforeAll(async () => {
  subgraph = await startShipping('shipping_seed');
  first = await seedShipping(subgraph.context());
});
afterAll(() => subgraph?.close());

const ZONES = `{
  shippingZones {
    id name
    regions { countryCode provinceCodes }
    rates {
      id title carrier kind estimatedDays
      price { amount currencyCode } minimumSubtotal { amount currencyCode }
      weightBands { maxWeightGrams price { amount currencyCode } }
    }
  }
}`;

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
const bands = (...pairs: [number, string][]) => pairs.map(([maxWeightGrams, amount]) => ({ maxWeightGrams, price: usd(amount) }));

async function titlesAndPrices(input: Record<string, unknown>) {
  const result = await subgraph.request(QUOTE, { input: { currencyCode: 'USD', provinceCode: null, ...input } }, CART);
  expect(result.errors).toBeUndefined();
  return result.data!.shippingQuote.map((o: any) => `${o.title} ${o.carrier} ${o.price.amount} ${o.estimatedDays}d`);
}

describe('shipping seed', () => {
  it('creates the US, Canada and EU zones, every rate in USD', async () => {
    expect(first).toEqual({ created: true });
    const zones = (await subgraph.request(ZONES)).data!.shippingZones as any[];
    expect(zones.map((zone) => zone.name)).toEqual(['Canada', 'European Union', 'United States']);
    const [canada, eu, us] = zones;

    expect(us.regions).toEqual([{ countryCode: 'US', provinceCodes: [] }]);
    expect(us.rates).toEqual([
      expect.objectContaining({ title: 'Express', carrier: 'UPS', kind: 'WEIGHT_BANDS', estimatedDays: 2, price: null, minimumSubtotal: null,
        weightBands: bands([1000, '12.99'], [5000, '19.99'], [20000, '39.99'], [50000, '79.99']) }),
      expect.objectContaining({ title: 'Free shipping', carrier: 'Manual', kind: 'FREE_OVER', estimatedDays: 6, price: null,
        minimumSubtotal: usd('100.00'), weightBands: [] }),
      expect.objectContaining({ title: 'Standard', carrier: 'USPS', kind: 'WEIGHT_BANDS', estimatedDays: 5,
        weightBands: bands([1000, '5.99'], [5000, '9.99'], [20000, '19.99'], [50000, '39.99']) }),
    ]);

    expect(canada.regions).toEqual([{ countryCode: 'CA', provinceCodes: [] }]);
    expect(canada.rates.map((rate: any) => [rate.title, rate.kind, rate.weightBands[0].price])).toEqual([
      ['Express international', 'WEIGHT_BANDS', usd('29.99')],
      ['Standard international', 'WEIGHT_BANDS', usd('14.99')],
    ]);

    const euCountries = eu.regions.map((region: any) => region.countryCode);
    expect(euCountries).toHaveLength(27);
    expect(euCountries).toEqual(expect.arrayContaining(['DE', 'FR', 'NL', 'IT', 'ES', 'IE', 'BE', 'AT']));
    expect(eu.rates.map((rate: any) => rate.title)).toEqual(['International']);
  });

  it('prices a seeded cart: 1 kg in the US, free from $100, Canada and the EU by band, nothing elsewhere', async () => {
    expect(await titlesAndPrices({ weightGrams: 1000, subtotalMinor: 4000, countryCode: 'US', provinceCode: 'TX' })).toEqual([
      'Standard USPS 5.99 5d',
      'Express UPS 12.99 2d',
    ]);
    expect(await titlesAndPrices({ weightGrams: 1000, subtotalMinor: 10000, countryCode: 'US' })).toEqual([
      'Free shipping Manual 0.00 6d',
      'Standard USPS 5.99 5d',
      'Express UPS 12.99 2d',
    ]);
    expect(await titlesAndPrices({ weightGrams: 2500, subtotalMinor: 25000, countryCode: 'CA', provinceCode: 'ON' })).toEqual([
      'Standard international USPS 24.99 10d',
      'Express international UPS 49.99 4d',
    ]);
    expect(await titlesAndPrices({ weightGrams: 2500, subtotalMinor: 25000, countryCode: 'DE' })).toEqual(['International USPS 34.99 12d']);
    expect(await titlesAndPrices({ weightGrams: 2500, subtotalMinor: 25000, countryCode: 'GB' })).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    const snapshot = () =>
      subgraph.sql(`select
        (select json_agg(z order by z.id) from shipping_zone z) as zones,
        (select json_agg(r order by r.id) from shipping_zone_region r) as regions,
        (select json_agg(r order by r.id) from shipping_rate r) as rates,
        (select json_agg(b order by b.id) from shipping_rate_band b) as bands`);
    const before = await snapshot();
    expect(await seedShipping(subgraph.context())).toEqual({ created: false });
    expect(await snapshot()).toEqual(before);
  });
});
