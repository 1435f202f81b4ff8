import { Migration } from '@mikro-orm/migrations';

export class Migration20261122000000_init extends Migration {
  override name = 'Migration20261122000000_init';

  override up(): void {
    this.addSql(`
      create table customer (
        id uuid primary key,
        email text not null,
        first_name text,
        last_name text,
        password_hash text not null,
        role text not null default 'customer',
        default_address_id uuid,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        -- Emails are stored normalised, which makes the plain unique constraint case-insensitive.
        constraint customer_email_unique unique (email),
        constraint customer_email_normalised check (email = lower(btrim(email)) and email like '_%@_%' and length(email) <= 254),
        constraint customer_role_check check (role in ('customer', 'staff')),
        constraint customer_first_name_length check (length(first_name) <= 255),
        constraint customer_last_name_length check (length(last_name) <= 255),
        constraint customer_password_hash_format check (password_hash like 'scrypt$%')
      )`);
    this.addSql(`
      create table address (
        id uuid primary key,
        customer_id uuid not null references customer (id) on delete cascade,
        first_name text,
        last_name text,
        address1 text not null,
        address2 text,
        city text not null,
        province_code text,
        zip text,
        country_code char(2) not null,
        phone text,
        created_at timestamptz(3) not null default now(),
        -- Lets customer.default_address_id reference (customer, address) together, below.
        constraint address_customer_id_id_unique unique (customer_id, id),
        constraint address_country_code_format check (country_code ~ '^[A-Z]{2}$'),
        constraint address_address1_present check (length(btrim(address1)) between 1 and 255),
        constraint address_city_present check (length(btrim(city)) between 1 and 255),
        constraint address_lengths check (
          coalesce(length(first_name), 0) <= 255 and coalesce(length(last_name), 0) <= 255
          and coalesce(length(address2), 0) <= 255 and coalesce(length(province_code), 0) <= 32
          and coalesce(length(zip), 0) <= 20 and coalesce(length(phone), 0) <= 32
        )
      )`);
    // The address book and its keyset pages are read by owner in creation order.
    this.addSql('create index address_customer_created_idx on address (customer_id, created_at, id)');
    // A default address must be one of the customer's own; deleting it clears the default, not the customer.
    this.addSql(`
      alter table customer add constraint customer_default_address_fk
        foreign key (id, default_address_id) references address (customer_id, id)
        on delete set null (default_address_id)`);
  }

  override down(): void {
    this.addSql('drop table if exists address cascade');
    this.addSql('drop table if exists customer cascade');
  }
}
