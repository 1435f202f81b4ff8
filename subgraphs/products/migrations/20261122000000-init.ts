import { Migration } from '@mikro-orm/migrations';

/**
 * The catalog. Rules the service enforces are repeated here as constraints, so no code path (a seed, a
 * future admin tool, a hand-written fix) can store what the API would refuse.
 */
export class Migration20261122000000_init extends Migration {
  override name = 'Migration20261122000000_init';

  override up(): void {
    this.addSql(`
      create table category (
        id uuid primary key default gen_random_uuid(),
        handle text not null unique check (handle ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(handle) <= 255),
        title text not null check (length(btrim(title)) between 1 and 255),
        description text not null default '',
        created_at timestamptz(3) not null default now()
      )`);
    // Supports the categories connection's keyset order.
    this.addSql('create index category_title_id_idx on category (title, id)');

    this.addSql(`
      create table product (
        id uuid primary key default gen_random_uuid(),
        handle text not null unique check (handle ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(handle) <= 255),
        title text not null check (length(btrim(title)) between 1 and 255),
        description text not null default '',
        price_min_minor integer not null check (price_min_minor >= 0),
        price_max_minor integer not null check (price_max_minor >= price_min_minor),
        currency_code char(3) not null check (currency_code ~ '^[A-Z]{3}$'),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        search tsvector not null generated always as (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B')
        ) stored,
        -- Target of the variants' (product_id, currency_code) key: a product is priced in one currency.
        unique (id, currency_code)
      )`);
    this.addSql('create index product_search_idx on product using gin (search)');
    // One btree per keyset order (sort value, id), scanned forwards or backwards.
    this.addSql('create index product_title_id_idx on product (title, id)');
    this.addSql('create index product_created_at_id_idx on product (created_at, id)');
    this.addSql('create index product_price_min_id_idx on product (price_min_minor, id)');

    this.addSql(`
      create table product_variant (
        id uuid primary key default gen_random_uuid(),
        product_id uuid not null,
        sku text not null unique check (length(btrim(sku)) between 1 and 64),
        title text not null check (length(btrim(title)) between 1 and 255),
        price_minor integer not null check (price_minor >= 0),
        currency_code char(3) not null check (currency_code ~ '^[A-Z]{3}$'),
        weight_grams integer not null check (weight_grams >= 0),
        selected_options jsonb not null default '[]' check (jsonb_typeof(selected_options) = 'array'),
        position integer not null check (position >= 0),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        foreign key (product_id, currency_code) references product (id, currency_code)
          on delete cascade on update cascade,
        -- Also the index behind "variants of these products, in order".
        unique (product_id, position)
      )`);

    this.addSql(`
      create table product_category (
        product_id uuid not null references product (id) on delete cascade,
        category_id uuid not null references category (id) on delete cascade,
        primary key (product_id, category_id)
      )`);
    // The primary key serves "categories of a product"; this serves "products of a category".
    this.addSql('create index product_category_category_product_idx on product_category (category_id, product_id)');
  }
}
