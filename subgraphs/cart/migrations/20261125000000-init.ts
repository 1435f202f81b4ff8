import { Migration } from '@mikro-orm/migrations';

/**
 * Carts, their lines (ids plus snapshots of the catalog, never foreign keys into another domain), the
 * codes entered on them, discounts and their redemptions, tax rules, and the catalog state the cart
 * has been told about by events. Rules the services enforce are said again here, where they can be.
 */
export class Migration20261125000000_init extends Migration {
  override name = 'Migration20261125000000_init';

  override up(): void {
    this.addSql(`
      create table cart (
        id uuid primary key,
        status text not null default 'OPEN',
        customer_id uuid,
        merged_into_id uuid references cart (id),
        currency_code char(3) not null default 'USD',
        email text,
        buyer_country_code char(2),
        ship_first_name text,
        ship_last_name text,
        ship_address1 text,
        ship_address2 text,
        ship_city text,
        ship_province_code text,
        ship_zip text,
        ship_country_code char(2),
        ship_phone text,
        shipping_served boolean,
        shipping_option_id text,
        shipping_option_title text,
        shipping_option_carrier text,
        shipping_option_price_minor integer,
        shipping_option_estimated_days integer,
        shipping_option_lost_title text,
        shipping_quote_key text,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        -- The target of cart_line's composite foreign key: a line is always in its cart's currency.
        constraint cart_id_currency_unique unique (id, currency_code),
        constraint cart_status_check check (status in ('OPEN', 'MERGED', 'EXPIRED', 'COMPLETED')),
        constraint cart_merged_has_target check ((status = 'MERGED') = (merged_into_id is not null)),
        constraint cart_currency_format check (currency_code ~ '^[A-Z]{3}$'),
        constraint cart_email_length check (length(email) between 3 and 254),
        constraint cart_buyer_country_format check (buyer_country_code ~ '^[A-Z]{2}$'),
        constraint cart_ship_country_format check (ship_country_code ~ '^[A-Z]{2}$'),
        constraint cart_address_complete check (
          (ship_address1 is null) = (ship_city is null) and (ship_address1 is null) = (ship_country_code is null)
        ),
        constraint cart_address_lengths check (
          coalesce(length(ship_first_name), 0) <= 255 and coalesce(length(ship_last_name), 0) <= 255
          and coalesce(length(ship_address1), 0) <= 255 and coalesce(length(ship_address2), 0) <= 255
          and coalesce(length(ship_city), 0) <= 255 and coalesce(length(ship_province_code), 0) <= 32
          and coalesce(length(ship_zip), 0) <= 20 and coalesce(length(ship_phone), 0) <= 32
        ),
        constraint cart_option_complete check (
          (shipping_option_id is null) = (shipping_option_title is null)
          and (shipping_option_id is null) = (shipping_option_carrier is null)
          and (shipping_option_id is null) = (shipping_option_price_minor is null)
        ),
        constraint cart_option_needs_address check (shipping_option_id is null or ship_address1 is not null),
        constraint cart_option_price_non_negative check (shipping_option_price_minor >= 0),
        constraint cart_option_days_non_negative check (shipping_option_estimated_days >= 0)
      )`);
    // At most one open cart per customer, whatever the code does (claims and merges rely on it).
    this.addSql(`create unique index cart_one_open_per_customer on cart (customer_id) where status = 'OPEN'`);
    // The expiry worker walks open carts by age.
    this.addSql(`create index cart_open_updated_at_idx on cart (updated_at) where status = 'OPEN'`);

    this.addSql(`
      create table cart_line (
        id uuid primary key,
        seq bigint generated always as identity,
        cart_id uuid not null,
        variant_id uuid not null,
        product_id uuid not null,
        quantity integer not null,
        unit_price_minor integer not null,
        currency_code char(3) not null,
        weight_grams integer not null,
        tax_class text not null,
        product_status text not null,
        product_title text not null,
        snapshot_at timestamptz(3) not null default now(),
        created_at timestamptz(3) not null default now(),
        constraint cart_line_seq_unique unique (seq),
        -- One line per variant: concurrent adds of one variant meet here rather than making two lines.
        constraint cart_line_cart_variant_unique unique (cart_id, variant_id),
        constraint cart_line_cart_currency_fk foreign key (cart_id, currency_code) references cart (id, currency_code),
        constraint cart_line_quantity_range check (quantity between 1 and 999),
        constraint cart_line_price_non_negative check (unit_price_minor >= 0),
        constraint cart_line_weight_non_negative check (weight_grams >= 0),
        constraint cart_line_tax_class_check check (tax_class in ('STANDARD', 'REDUCED', 'ZERO')),
        constraint cart_line_product_status_check check (product_status in ('ACTIVE', 'ARCHIVED'))
      )`);
    // The product event subscribers look lines up by variant and by product.
    this.addSql('create index cart_line_variant_idx on cart_line (variant_id)');
    this.addSql('create index cart_line_product_idx on cart_line (product_id)');

    this.addSql(`
      create table cart_discount_code (
        cart_id uuid not null references cart (id),
        code text not null,
        position smallint not null,
        primary key (cart_id, code),
        constraint cart_discount_code_format check (code ~ '^[A-Z0-9_-]{1,64}$')
      )`);

    this.addSql(`
      create table discount (
        id uuid primary key default gen_random_uuid(),
        code text,
        title text not null,
        kind text not null,
        percentage_bp integer,
        amount_minor integer,
        currency_code char(3),
        minimum_subtotal_minor integer,
        starts_at timestamptz(3) not null default now(),
        ends_at timestamptz(3),
        usage_limit integer,
        usage_limit_per_customer integer,
        active boolean not null default true,
        created_at timestamptz(3) not null default now(),
        constraint discount_code_format check (code ~ '^[A-Z0-9_-]{1,64}$'),
        constraint discount_title_present check (length(btrim(title)) between 1 and 255),
        constraint discount_kind_check check (
          (kind = 'PERCENTAGE' and percentage_bp between 1 and 10000 and amount_minor is null)
          or (kind = 'FIXED_AMOUNT' and amount_minor > 0 and percentage_bp is null and currency_code is not null)
        ),
        constraint discount_minimum_has_currency check (
          minimum_subtotal_minor is null or (minimum_subtotal_minor > 0 and currency_code is not null)
        ),
        constraint discount_window check (ends_at is null or ends_at > starts_at),
        constraint discount_limits_positive check (usage_limit > 0 and usage_limit_per_customer > 0)
      )`);
    this.addSql('create unique index discount_code_unique on discount (code) where code is not null');

    // Written when an order is placed (the orders issue); limits count these rows.
    this.addSql(`
      create table discount_redemption (
        id uuid primary key default gen_random_uuid(),
        discount_id uuid not null references discount (id),
        order_id uuid not null,
        cart_id uuid,
        customer_id uuid,
        email text,
        amount_minor integer not null,
        currency_code char(3) not null,
        redeemed_at timestamptz(3) not null default now(),
        constraint discount_redemption_once_per_order unique (discount_id, order_id),
        constraint discount_redemption_amount_non_negative check (amount_minor >= 0)
      )`);
    this.addSql('create index discount_redemption_customer_idx on discount_redemption (discount_id, customer_id)');

    this.addSql(`
      create table tax_rule (
        id uuid primary key default gen_random_uuid(),
        country_code char(2) not null,
        province_code text,
        tax_class text not null,
        rate_ppm integer not null,
        name text not null,
        taxes_shipping boolean not null default false,
        constraint tax_rule_destination_class_unique unique nulls not distinct (country_code, province_code, tax_class),
        constraint tax_rule_country_format check (country_code ~ '^[A-Z]{2}$'),
        constraint tax_rule_province_format check (province_code ~ '^[A-Z0-9-]{1,32}$'),
        constraint tax_rule_tax_class_check check (tax_class in ('STANDARD', 'REDUCED', 'ZERO')),
        constraint tax_rule_rate_range check (rate_ppm between 0 and 1000000),
        constraint tax_rule_name_present check (length(btrim(name)) between 1 and 255)
      )`);

    // What product events told the cart about variants in open carts (prices, status), for warnings.
    this.addSql(`
      create table variant_state (
        variant_id uuid primary key,
        product_id uuid not null,
        price_minor integer not null,
        currency_code char(3) not null,
        product_status text not null,
        observed_at timestamptz(3) not null default now(),
        constraint variant_state_product_status_check check (product_status in ('ACTIVE', 'ARCHIVED'))
      )`);
  }

  override down(): void {
    for (const table of ['variant_state', 'tax_rule', 'discount_redemption', 'discount', 'cart_discount_code', 'cart_line', 'cart']) {
      this.addSql(`drop table if exists ${table} cascade`);
    }
  }
}
