import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, toGlobalId, type Viewer } from '#kit';
import type { GraphQLResult, TestSubgraph } from '#kit/testing/index.ts';
import { CART, createZone, customer, QUOTE, staff, startShipping, type ParcelInput } from './support.ts';

let subgraph: TestSubgraph;
let us: Record<string, string>;
let hawaii: Record<string, string>;

beforeAll(async () => {
  subgraph = await startShipping('shipping_quote');
  us = await createZone(subgraph, 'United States', ['US'], [
    { title: 'Standard', kind: 'WEIGHT_BANDS', bands: [[1000, 599], [5000, 999], [20000, 1999]], estimatedDays: 5 },
    { title: 'Express', carrier: 'UPS', kind: 'WEIGHT_BANDS', bands: [[1000, 1299], [5000, 1999]], estimatedDays: 2 },
    { title: 'Free shipping', kind: 'FREE_OVER', minimumSubtotalMinor: 10000, estimatedDays: 6 },
    { title: 'Envío estándar', kind: 'FLAT', currencyCode: 'MXN', priceMinor: 15000 },
  ]);
  hawaii = await createZone(subgraph, 'Hawaii', ['US/HI'], [
    { title: 'Island post', kind: 'FLAT', priceMinor: 2500, estimatedDays: null },
  ]);
  // Same price as Standard at 1 kg: ties are ordered by title.
  await createZone(subgraph, 'Canada', ['CA'], [
    { title: 'B Post', kind: 'FLAT', priceMinor: 1500 },
    { title: 'A Post', kind: 'FLAT', priceMinor: 1500 },
  ]);
});
afterAll(() => subgraph?.close());

const parcel = (overrides: Partial<ParcelInput> = {}): ParcelInput => ({
  weightGrams: 1000,
  subtotalMinor: 5000,
  currencyCode: 'USD',
  countryCode: 'US',
  provinceCode: 'NY',
  ...overrides,
});

async function quote(input: ParcelInput | Record<string, unknown>, viewer: Viewer = CART): Promise<GraphQLResult> {
  return subgraph.request(QUOTE, { input }, viewer);
}

async function options(input: ParcelInput): Promise<{ title: string; amount: string }[]> {
  const result = await quote(input);
  expect(result.errors).toBeUndefined();
  return result.data!.shippingQuote.map((o: any) => ({ title: o.title, amount: o.price.amount }));
}

describe('shippingQuote pricing', () => {
  it('prices each rate of the zone in the parcel currency, cheapest first, with ids, carriers and days', async () => {
    const result = await quote(parcel({ weightGrams: 800 }));
    expect(result.data!.shippingQuote).toEqual([
      { id: toGlobalId('ShippingRate', us.Standard!), title: 'Standard', carrier: 'USPS', price: { amount: '5.99', currencyCode: 'USD' }, estimatedDays: 5 },
      { id: toGlobalId('ShippingRate', us.Express!), title: 'Express', carrier: 'UPS', price: { amount: '12.99', currencyCode: 'USD' }, estimatedDays: 2 },
    ]);
  });

  it('puts exactly 1,000 g in the up-to-1-kg band and 1,001 g in the next', async () => {
    expect(await options(parcel({ weightGrams: 1000 }))).toEqual([
      { title: 'Standard', amount: '5.99' },
      { title: 'Express', amount: '12.99' },
    ]);
    expect(await options(parcel({ weightGrams: 1001 }))).toEqual([
      { title: 'Standard', amount: '9.99' },
      { title: 'Express', amount: '19.99' },
    ]);
  });

  it('drops a rate the parcel is heavier than every band of, and offers none when it outweighs them all', async () => {
    expect(await options(parcel({ weightGrams: 5001 }))).toEqual([{ title: 'Standard', amount: '19.99' }]);
    expect(await options(parcel({ weightGrams: 20001 }))).toEqual([]);
  });

  it('offers free shipping from exactly the minimum subtotal after discounts, not a cent below', async () => {
    expect(await options(parcel({ subtotalMinor: 10000 }))).toEqual([
      { title: 'Free shipping', amount: '0.00' },
      { title: 'Standard', amount: '5.99' },
      { title: 'Express', amount: '12.99' },
    ]);
    expect((await options(parcel({ subtotalMinor: 9999 }))).map((o) => o.title)).toEqual(['Standard', 'Express']);
  });

  it('offers free shipping to a parcel too heavy for every band', async () => {
    expect(await options(parcel({ subtotalMinor: 20000, weightGrams: 30000 }))).toEqual([{ title: 'Free shipping', amount: '0.00' }]);
  });

  it('serves a region in its own zone from that zone only, and the rest of the country from the country zone', async () => {
    const result = await quote(parcel({ provinceCode: 'HI', subtotalMinor: 50000 }));
    expect(result.data!.shippingQuote).toEqual([
      { id: toGlobalId('ShippingRate', hawaii['Island post']!), title: 'Island post', carrier: 'Manual', price: { amount: '25.00', currencyCode: 'USD' }, estimatedDays: null },
    ]);
    expect((await options(parcel({ provinceCode: 'CA' }))).map((o) => o.title)).toEqual(['Standard', 'Express']);
    expect((await options(parcel({ provinceCode: null }))).map((o) => o.title)).toEqual(['Standard', 'Express']);
  });

  it('reads codes in any case and a blank province as none', async () => {
    expect((await options(parcel({ countryCode: 'us', provinceCode: 'hi', currencyCode: 'usd' }))).map((o) => o.title)).toEqual(['Island post']);
    expect((await options(parcel({ provinceCode: ' ' }))).map((o) => o.title)).toEqual(['Standard', 'Express']);
  });

  it('orders options of the same price by title', async () => {
    expect((await options(parcel({ countryCode: 'CA', provinceCode: 'ON' }))).map((o) => o.title)).toEqual(['A Post', 'B Post']);
  });

  it('offers nothing where no zone ships', async () => {
    expect(await options(parcel({ countryCode: 'JP', provinceCode: null }))).toEqual([]);
  });

  it('offers only rates in the parcel currency, and nothing in a currency no rate has', async () => {
    expect(await options(parcel({ currencyCode: 'MXN' }))).toEqual([{ title: 'Envío estándar', amount: '150.00' }]);
    expect(await options(parcel({ currencyCode: 'EUR' }))).toEqual([]);
  });
});

describe('shippingQuote bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a negative weight', { weightGrams: -1 }, 'weightGrams'],
    ['a negative subtotal', { subtotalMinor: -100 }, 'subtotalMinor'],
    ['a three-letter country', { countryCode: 'USA' }, 'countryCode'],
    ['a country with digits', { countryCode: 'U1' }, 'countryCode'],
    ['a blank country', { countryCode: '' }, 'countryCode'],
    ['a malformed currency', { currencyCode: 'US$' }, 'currencyCode'],
    ['a province with spaces', { provinceCode: 'NEW YORK' }, 'provinceCode'],
  ];
  for (const [what, overrides, field] of cases) {
    it(`refuses ${what} with BAD_USER_INPUT on input.${field}`, async () => {
      const result = await quote({ ...parcel(), ...overrides });
      expect(result.status).toBe(200);
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: ['input', field] });
      expect(JSON.stringify(result)).not.toMatch(/Unexpected error|INTERNAL_SERVER_ERROR|select |stack/i);
    });
  }
});

describe('who may ask for a quote', () => {
  it('is the cart subgraph, calling with its own key', async () => {
    expect((await quote(parcel(), CART)).errors).toBeUndefined();
  });

  it('is not an anonymous shopper, a customer, staff or another subgraph', async () => {
    const refusals = await Promise.all(
      [ANONYMOUS, customer(), staff(), { role: 'service', customerId: null, service: 'products' } as Viewer].map(async (viewer) => {
        const result = await quote(parcel(), viewer);
        expect(result.data).toBeNull();
        return result.errors?.map((error) => error.extensions?.code);
      }),
    );
    // The kit answers a caller it does not know with UNAUTHENTICATED, a known one it refuses with FORBIDDEN.
    expect(refusals).toEqual([['UNAUTHENTICATED'], ['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN']]);
  });

  it('lets anyone list the zones', async () => {
    for (const viewer of [ANONYMOUS, customer(), CART]) {
      const result = await subgraph.request('{ shippingZones { name } }', {}, viewer);
      expect(result.data!.shippingZones.map((z: any) => z.name)).toEqual(['Canada', 'Hawaii', 'United States']);
    }
  });
});
