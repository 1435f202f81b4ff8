import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import type { TestSubgraph } from '#kit/testing/index.ts';
import { CART, CART_OPTIONS, cartRepresentation, createZone, QUOTE, startShipping } from './support.ts';

let subgraph: TestSubgraph;
let rates: Record<string, string>;

beforeAll(async () => {
  subgraph = await startShipping('shipping_cart_options');
  rates = await createZone(subgraph, 'United States', ['US'], [
    { title: 'Standard', kind: 'WEIGHT_BANDS', bands: [[1000, 599], [5000, 999]], estimatedDays: 5 },
    { title: 'Express', carrier: 'UPS', kind: 'WEIGHT_BANDS', bands: [[1000, 1299], [5000, 1999]], estimatedDays: 2 },
    { title: 'Free shipping', kind: 'FREE_OVER', minimumSubtotalMinor: 10000, estimatedDays: 6 },
  ]);
  await createZone(subgraph, 'Alaska', ['US/AK'], [{ title: 'Bush plane', kind: 'FLAT', priceMinor: 4500 }]);
});
afterAll(() => subgraph?.close());

/** Cart.shippingOptions as the gateway asks for it (as an anonymous shopper's request). */
async function optionsOf(reps: object[]) {
  const result = await subgraph.request(CART_OPTIONS, { reps });
  expect(result.errors).toBeUndefined();
  return result.data!._entities as { id: string; shippingOptions: any[] }[];
}

describe('Cart.shippingOptions', () => {
  it('prices the cart from its @requires fields, cheapest first', async () => {
    const rep = cartRepresentation({ weightGrams: 1200, subtotalMinor: 12500, currencyCode: 'USD', countryCode: 'US', provinceCode: 'CA' });
    const [cart] = await optionsOf([rep]);
    expect(cart).toEqual({
      id: rep.id,
      shippingOptions: [
        { id: toGlobalId('ShippingRate', rates['Free shipping']!), title: 'Free shipping', carrier: 'Manual', price: { amount: '0.00', currencyCode: 'USD' }, estimatedDays: 6 },
        { id: toGlobalId('ShippingRate', rates.Standard!), title: 'Standard', carrier: 'USPS', price: { amount: '9.99', currencyCode: 'USD' }, estimatedDays: 5 },
        { id: toGlobalId('ShippingRate', rates.Express!), title: 'Express', carrier: 'UPS', price: { amount: '19.99', currencyCode: 'USD' }, estimatedDays: 2 },
      ],
    });
  });

  it('answers exactly what shippingQuote answers the cart subgraph for the same parcel', async () => {
    const parcels = [
      { weightGrams: 1000, subtotalMinor: 9999, currencyCode: 'USD', countryCode: 'US', provinceCode: 'NY' },
      { weightGrams: 4999, subtotalMinor: 10000, currencyCode: 'USD', countryCode: 'US', provinceCode: null },
      { weightGrams: 300, subtotalMinor: 0, currencyCode: 'USD', countryCode: 'US', provinceCode: 'AK' },
      { weightGrams: 9000, subtotalMinor: 500, currencyCode: 'USD', countryCode: 'US', provinceCode: null },
    ];
    const carts = await optionsOf(parcels.map((parcel) => cartRepresentation(parcel)));
    for (const [index, parcel] of parcels.entries()) {
      const quoted = await subgraph.request(QUOTE, { input: parcel }, CART);
      expect(quoted.errors).toBeUndefined();
      expect(carts[index]!.shippingOptions).toEqual(quoted.data!.shippingQuote);
    }
    expect(carts.map((cart) => cart.shippingOptions.length)).toEqual([2, 3, 1, 0]);
  });

  it('has no options without an address, where no zone ships, or in a currency no rate has', async () => {
    const carts = await optionsOf([
      cartRepresentation({ weightGrams: 500, countryCode: null }),
      cartRepresentation({ weightGrams: 500, countryCode: 'BR', provinceCode: 'SP' }),
      cartRepresentation({ weightGrams: 500, countryCode: 'US', currencyCode: 'CAD' }),
    ]);
    expect(carts.map((cart) => cart.shippingOptions)).toEqual([[], [], []]);
  });

  it('refuses a malformed representation with BAD_USER_INPUT naming the cart field, not a 500, and only that cart', async () => {
    const result = await subgraph.request(CART_OPTIONS, {
      reps: [
        cartRepresentation({ weightGrams: -5, countryCode: 'US' }),
        cartRepresentation({ countryCode: 'United States' }),
        cartRepresentation({ weightGrams: 10, countryCode: 'US' }),
      ],
    });
    expect(result.errors?.map(({ path, extensions }) => ({ path, extensions }))).toEqual([
      { path: ['_entities', 0], extensions: { code: 'BAD_USER_INPUT', field: ['shippingWeightGrams'] } },
      { path: ['_entities', 1], extensions: { code: 'BAD_USER_INPUT', field: ['shippingCountryCode'] } },
    ]);
    // Each fails alone: the good cart of the same batch is still priced.
    expect(result.data!._entities[2].shippingOptions).toHaveLength(2);
  });
});

describe('statements per request', () => {
  /** Statements for pricing `count` carts (all to served destinations) in one _entities request. */
  async function statementsFor(count: number): Promise<number> {
    const reps = Array.from({ length: count }, (_, i) =>
      cartRepresentation({ weightGrams: 100 * i, subtotalMinor: 1000 * i, countryCode: 'US', provinceCode: i % 2 ? 'AK' : 'NY' }),
    );
    subgraph.db.resetStatementCount();
    const carts = await optionsOf(reps);
    expect(carts.every((cart) => cart.shippingOptions.length > 0)).toBe(true);
    return subgraph.db.statementCount();
  }

  it('reads the rate table once however many carts: one statement for 1 cart and for 20', async () => {
    expect(await statementsFor(1)).toBe(1);
    expect(await statementsFor(20)).toBe(1);
  });

  it('sends none for carts without an address', async () => {
    subgraph.db.resetStatementCount();
    await optionsOf([cartRepresentation({ countryCode: null }), cartRepresentation({ countryCode: null })]);
    expect(subgraph.db.statementCount()).toBe(0);
  });

  it('lists every zone with its regions, rates and bands in the same one', async () => {
    subgraph.db.resetStatementCount();
    const result = await subgraph.request(`{
      shippingZones { name rates { title weightBands { maxWeightGrams } } regions { countryCode provinceCodes } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(subgraph.db.statementCount()).toBe(1);
  });
});
