import { Migration } from '@mikro-orm/migrations';

/**
 * Orders, their lines, their status history, the gap-free order-number counter, checkout idempotency
 * keys and the Stripe events applied. The rules the services rely on are stated again here, so no write
 * path can store an order the code could not read.
 */
export class Migration20261201000000_init extends Migration {
  override name = 'Migration20261201000000_init';

  override up(): void {
    // One row, updated in the checkout's transaction: a rolled-back checkout gives its number back, so
    // numbers have no gaps (a sequence would skip the numbers of rolled-back transactions).
    this.addSql(`
      create table order_number_counter (
        singleton boolean primary key default true,
        last_number integer not null,
        constraint order_number_counter_singleton check (singleton),
        constraint order_number_counter_positive check (last_number >= 0)
      )`);
    this.addSql('insert into order_number_counter (singleton, last_number) values (true, 1000)');

    this.addSql(`
      create table customer_order (
        id uuid primary key,
        number integer not null,
        status text not null,
        customer_id uuid,
        cart_id uuid not null,
        email text,
        currency_code char(3) not null,
        subtotal_minor integer not null,
        discounts_minor integer not null,
        shipping_minor integer not null,
        tax_minor integer not null,
        total_minor integer not null,
        stripe_payment_intent_id text not null,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint customer_order_number_unique unique (number),
        constraint customer_order_payment_intent_unique unique (stripe_payment_intent_id),
        constraint customer_order_status_check check (status in (
          'PENDING_PAYMENT', 'PAID', 'PARTIALLY_FULFILLED', 'FULFILLED', 'DELIVERED', 'CANCELLED', 'REFUNDED')),
        constraint customer_order_currency_format check (currency_code ~ '^[A-Z]{3}$'),
        constraint customer_order_amounts_non_negative check (
          subtotal_minor >= 0 and discounts_minor >= 0 and shipping_minor >= 0 and tax_minor >= 0 and total_minor >= 0),
        constraint customer_order_total_adds_up check (
          total_minor = subtotal_minor - discounts_minor + shipping_minor + tax_minor)
      )`);
    this.addSql('create index customer_order_customer_idx on customer_order (customer_id, created_at desc, id desc) where customer_id is not null');

    this.addSql(`
      create table order_line (
        id uuid primary key,
        order_id uuid not null references customer_order (id) on delete cascade,
        position integer not null,
        variant_id uuid not null,
        title text not null,
        quantity integer not null,
        unit_price_minor integer not null,
        total_minor integer not null,
        constraint order_line_position_unique unique (order_id, position),
        constraint order_line_quantity_positive check (quantity between 1 and 1000000),
        constraint order_line_prices_non_negative check (unit_price_minor >= 0 and total_minor >= 0)
      )`);

    // Every status change, and notes about the payment that changed nothing (from = to).
    this.addSql(`
      create table order_history (
        id bigint generated always as identity primary key,
        order_id uuid not null references customer_order (id) on delete cascade,
        from_status text,
        to_status text not null,
        actor text not null,
        reason text not null,
        created_at timestamptz(3) not null default now()
      )`);
    this.addSql('create index order_history_order_idx on order_history (order_id, id)');

    // One row per (customer or guest cart, key): inserted first in the checkout's transaction, so
    // concurrent checkouts with one key queue on its unique index and all answer the first's order.
    this.addSql(`
      create table checkout_idempotency (
        scope text not null,
        key text not null,
        cart_id uuid not null,
        order_id uuid not null,
        created_at timestamptz(3) not null default now(),
        primary key (scope, key),
        constraint checkout_idempotency_key_length check (length(key) between 1 and 255)
      )`);

    // Stripe events applied, inserted in the same transaction as their effect: each applies once.
    this.addSql(`
      create table stripe_event (
        id text primary key,
        type text not null,
        payment_intent_id text,
        received_at timestamptz(3) not null default now()
      )`);
  }

  override down(): void {
    for (const table of ['stripe_event', 'checkout_idempotency', 'order_history', 'order_line', 'customer_order', 'order_number_counter']) {
      this.addSql(`drop table if exists ${table} cascade`);
    }
  }
}
