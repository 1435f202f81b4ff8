import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSubgraph } from '#kit/testing/index.ts';
import { createZone, startShipping } from './support.ts';

let subgraph: TestSubgraph;
let zoneId: string;
let flatRateId: string;
let bandRateId: string;

beforeAll(async () => {
  subgraph = await startShipping('shipping_constraints');
  const rates = await createZone(subgraph, 'Home', ['US'], [
    { title: 'Flat', kind: 'FLAT', priceMinor: 500 },
    { title: 'Banded', kind: 'WEIGHT_BANDS', bands: [[1000, 599]] },
  ]);
  flatRateId = rates.Flat!;
  bandRateId = rates.Banded!;
  [{ id: zoneId }] = (await subgraph.sql<{ id: string }>(`select id from shipping_zone where name = 'Home'`)) as [{ id: string }];
});
afterAll(() => subgraph?.close());

/** The constraint PostgreSQL names when it refuses `sql`. */
async function violated(sql: string, params: unknown[] = []): Promise<string | undefined> {
  try {
    await subgraph.sql(sql, params);
  } catch (error) {
    return (error as { constraint?: string }).constraint;
  }
  return undefined;
}

const rate = (columns: Record<string, unknown>) => {
  const row = { zone_id: zoneId, title: `Rate ${crypto.randomUUID()}`, carrier: 'Manual', carrier_code: 'manual', kind: 'FLAT', currency_code: 'USD', price_minor: 100, ...columns };
  return violated(`insert into shipping_rate (${Object.keys(row).join(', ')}) values (${Object.keys(row).map(() => '?').join(', ')})`, Object.values(row));
};
const region = (country: string, province: string | null) =>
  violated('insert into shipping_zone_region (zone_id, country_code, province_code) values (?, ?, ?)', [zoneId, country, province]);
const band = (rateId: string, maxWeightGrams: number, priceMinor: number) =>
  violated('insert into shipping_rate_band (rate_id, max_weight_grams, price_minor) values (?, ?, ?)', [rateId, maxWeightGrams, priceMinor]);

describe('the database refuses what pricing could not serve', () => {
  it('refuses negative prices and minimums', async () => {
    expect(await rate({ price_minor: -1 })).toBe('shipping_rate_price_non_negative');
    expect(await rate({ kind: 'FREE_OVER', price_minor: null, minimum_subtotal_minor: -1 })).toBe('shipping_rate_minimum_subtotal_non_negative');
    expect(await band(bandRateId, 2000, -1)).toBe('shipping_rate_band_price_non_negative');
  });

  it('refuses band limits that are not positive, and two bands with one limit', async () => {
    expect(await band(bandRateId, 0, 100)).toBe('shipping_rate_band_max_weight_positive');
    expect(await band(bandRateId, 1000, 100)).toBe('shipping_rate_band_rate_weight_unique');
  });

  it('refuses bands on a rate that is not WEIGHT_BANDS', async () => {
    expect(await band(flatRateId, 1000, 100)).toBe('shipping_rate_band_rate_fk');
  });

  it('refuses a kind outside the enum, and a price column the kind does not use', async () => {
    expect(await rate({ kind: 'PER_ITEM', price_minor: null })).toBe('shipping_rate_kind_check');
    expect(await rate({ price_minor: null })).toBe('shipping_rate_flat_has_price');
    expect(await rate({ kind: 'FREE_OVER', minimum_subtotal_minor: 100 })).toBe('shipping_rate_flat_has_price');
    expect(await rate({ kind: 'FREE_OVER', price_minor: null })).toBe('shipping_rate_free_over_has_minimum');
  });

  it('refuses a carrier that does not price the kind, and an unknown carrier', async () => {
    expect(await rate({ carrier_code: 'table' })).toBe('shipping_rate_priced_by_its_carrier');
    expect(await rate({ carrier_code: 'fedex-live' })).toBe('shipping_rate_carrier_code_check');
  });

  it('refuses a currency the API cannot show, and a second rate of the same title and currency', async () => {
    expect(await rate({ currency_code: 'XYZ' })).toBe('shipping_rate_currency_check');
    expect(await rate({ title: 'Flat' })).toBe('shipping_rate_zone_title_currency_unique');
    expect(await rate({ title: 'Flat', currency_code: 'CAD' })).toBeUndefined();
  });

  it('refuses country codes that are not ISO alpha-2 in upper case, and malformed region codes', async () => {
    expect(await region('us', null)).toBe('shipping_zone_region_country_format');
    expect(await region('U1', null)).toBe('shipping_zone_region_country_format');
    expect(await region('CA', 'new york')).toBe('shipping_zone_region_province_format');
  });

  it('puts a destination in one zone only, a whole country included', async () => {
    expect(await region('US', null)).toBe('shipping_zone_region_destination_unique');
    expect(await region('US', 'HI')).toBeUndefined();
    expect(await region('US', 'HI')).toBe('shipping_zone_region_destination_unique');
    const [other] = await subgraph.sql<{ id: string }>(`insert into shipping_zone (name) values ('Other') returning id`);
    expect(await violated('insert into shipping_zone_region (zone_id, country_code) values (?, ?)', [other!.id, 'US'])).toBe(
      'shipping_zone_region_destination_unique',
    );
  });

  it('refuses a blank zone name and estimated days out of range', async () => {
    expect(await violated(`insert into shipping_zone (name) values ('  ')`)).toBe('shipping_zone_name_present');
    expect(await rate({ estimated_days: -1 })).toBe('shipping_rate_estimated_days_range');
  });
});
