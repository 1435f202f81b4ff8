import { Migration } from '@mikro-orm/migrations';

/**
 * Zones, the destinations they cover, their rates and weight bands. The rules the pricing code relies on
 * are stated again here, so no write path (a script, psql, a future admin API) can store a rate the
 * storefront could not price.
 */
export class Migration20261125000000_init extends Migration {
  override name = 'Migration20261125000000_init';

  override up(): void {
    this.addSql(`
      create table shipping_zone (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        created_at timestamptz(3) not null default now(),
        constraint shipping_zone_name_unique unique (name),
        constraint shipping_zone_name_present check (length(btrim(name)) between 1 and 255)
      )`);

    this.addSql(`
      create table shipping_zone_region (
        id uuid primary key default gen_random_uuid(),
        zone_id uuid not null references shipping_zone (id) on delete cascade,
        country_code char(2) not null,
        province_code text,
        constraint shipping_zone_region_country_format check (country_code ~ '^[A-Z]{2}$'),
        constraint shipping_zone_region_province_format check (province_code ~ '^[A-Z0-9-]{1,32}$'),
        -- One zone per destination, across zones (stronger than per zone): a destination's zone, and so
        -- its options, never depend on which row a query meets first. Null (the whole country) counts
        -- as a value, so a country cannot be listed whole twice either.
        constraint shipping_zone_region_destination_unique unique nulls not distinct (country_code, province_code)
      )`);
    this.addSql('create index shipping_zone_region_zone_idx on shipping_zone_region (zone_id)');

    this.addSql(`
      create table shipping_rate (
        id uuid primary key default gen_random_uuid(),
        zone_id uuid not null references shipping_zone (id) on delete cascade,
        title text not null,
        carrier text not null,
        carrier_code text not null,
        kind text not null,
        currency_code char(3) not null,
        price_minor integer,
        minimum_subtotal_minor integer,
        estimated_days integer,
        created_at timestamptz(3) not null default now(),
        constraint shipping_rate_title_present check (length(btrim(title)) between 1 and 255),
        constraint shipping_rate_carrier_present check (length(btrim(carrier)) between 1 and 100),
        constraint shipping_rate_kind_check check (kind in ('FLAT', 'WEIGHT_BANDS', 'FREE_OVER')),
        constraint shipping_rate_carrier_code_check check (carrier_code in ('manual', 'table')),
        -- The schema's CurrencyCode enum: a rate in any other currency could never be shown.
        constraint shipping_rate_currency_check check (currency_code in (
          'USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'JPY', 'CHF', 'SEK',
          'NOK', 'DKK', 'PLN', 'CZK', 'MXN', 'BRL', 'SGD', 'HKD', 'INR')),
        constraint shipping_rate_price_non_negative check (price_minor >= 0),
        constraint shipping_rate_minimum_subtotal_non_negative check (minimum_subtotal_minor >= 0),
        constraint shipping_rate_estimated_days_range check (estimated_days between 0 and 365),
        -- Each kind has exactly the price column it is priced by.
        constraint shipping_rate_flat_has_price check ((kind = 'FLAT') = (price_minor is not null)),
        constraint shipping_rate_free_over_has_minimum check ((kind = 'FREE_OVER') = (minimum_subtotal_minor is not null)),
        -- The manual carrier prices FLAT and FREE_OVER rates, the table-driven one WEIGHT_BANDS.
        constraint shipping_rate_priced_by_its_carrier check (
          (carrier_code = 'manual' and kind in ('FLAT', 'FREE_OVER')) or (carrier_code = 'table' and kind = 'WEIGHT_BANDS')
        ),
        -- Two options with the same name and currency in one zone would be indistinguishable at checkout.
        constraint shipping_rate_zone_title_currency_unique unique (zone_id, title, currency_code),
        -- The target of the bands' composite foreign key.
        constraint shipping_rate_id_kind_unique unique (id, kind)
      )`);
    this.addSql('create index shipping_rate_zone_idx on shipping_rate (zone_id)');

    this.addSql(`
      create table shipping_rate_band (
        id uuid primary key default gen_random_uuid(),
        rate_id uuid not null,
        rate_kind text not null default 'WEIGHT_BANDS',
        max_weight_grams integer not null,
        price_minor integer not null,
        constraint shipping_rate_band_rate_kind_check check (rate_kind = 'WEIGHT_BANDS'),
        -- Only a WEIGHT_BANDS rate has bands, and its kind cannot change while it has them.
        constraint shipping_rate_band_rate_fk foreign key (rate_id, rate_kind)
          references shipping_rate (id, kind) on delete cascade,
        constraint shipping_rate_band_max_weight_positive check (max_weight_grams > 0),
        constraint shipping_rate_band_price_non_negative check (price_minor >= 0),
        constraint shipping_rate_band_rate_weight_unique unique (rate_id, max_weight_grams)
      )`);
  }

  override down(): void {
    this.addSql('drop table if exists shipping_rate_band cascade');
    this.addSql('drop table if exists shipping_rate cascade');
    this.addSql('drop table if exists shipping_zone_region cascade');
    this.addSql('drop table if exists shipping_zone cascade');
  }
}
