import { Migration } from '@mikro-orm/migrations';

/**
 * What an order goes through after checkout: the money captured and refunded, the units shipped,
 * delivered and returned, returns, the risk assessment and its hold. The limits the services enforce
 * (never refund more than was captured, never ship or return more than was bought) are CHECKs here too.
 */
export class Migration20261202000000_payments_fulfilment extends Migration {
  override name = 'Migration20261202000000_payments_fulfilment';

  override up(): void {
    // refunded_minor counts refunds in flight as well as succeeded ones, so two concurrent refunds
    // cannot each take the whole remainder; a failed refund gives its amount back.
    this.addSql(`
      alter table customer_order
        add column shipping_address jsonb,
        add column client_ip inet,
        add column captured_minor integer not null default 0,
        add column refunded_minor integer not null default 0,
        add column held boolean not null default false,
        add constraint customer_order_captured_bounds check (captured_minor between 0 and total_minor),
        add constraint customer_order_refund_bounds check (refunded_minor between 0 and captured_minor)`);
    this.addSql("create index customer_order_pending_idx on customer_order (created_at) where status = 'PENDING_PAYMENT'");
    this.addSql('create index customer_order_email_idx on customer_order (lower(email), created_at) where email is not null');
    this.addSql('create index customer_order_ip_idx on customer_order (client_ip, created_at) where client_ip is not null');

    // A key is claimed (PENDING) in its own short transaction before any call to inventory or Stripe,
    // so no transaction stays open across them; the order's transaction marks it COMPLETED. A claim
    // left PENDING by a process that died is taken over after a while, with the same order id.
    this.addSql(`
      alter table checkout_idempotency
        add column state text not null default 'COMPLETED',
        add column claimed_at timestamptz(3) not null default now(),
        add constraint checkout_idempotency_state_check check (state in ('PENDING', 'COMPLETED'))`);

    this.addSql(`
      alter table order_line
        add column shipped_quantity integer not null default 0,
        add column returned_quantity integer not null default 0,
        add constraint order_line_shipped_bounds check (shipped_quantity between 0 and quantity),
        add constraint order_line_returned_bounds check (returned_quantity between 0 and shipped_quantity)`);

    // A shipment as orders knows it, from shipping's events (which may arrive in either order).
    this.addSql(`
      create table order_shipment (
        shipment_id uuid primary key,
        order_id uuid not null references customer_order (id) on delete cascade,
        shipped boolean not null default false,
        delivered boolean not null default false
      )`);
    this.addSql('create index order_shipment_order_idx on order_shipment (order_id)');

    this.addSql(`
      create table order_refund (
        id uuid primary key,
        order_id uuid not null references customer_order (id) on delete cascade,
        amount_minor integer not null,
        currency_code char(3) not null,
        status text not null,
        reason text not null,
        actor text not null,
        return_id uuid,
        stripe_refund_id text,
        failure text,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint order_refund_amount_positive check (amount_minor > 0),
        constraint order_refund_status_check check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
        constraint order_refund_succeeded_has_stripe_id check (status <> 'SUCCEEDED' or stripe_refund_id is not null),
        constraint order_refund_stripe_unique unique (stripe_refund_id)
      )`);
    this.addSql('create index order_refund_order_idx on order_refund (order_id, created_at)');
    this.addSql("create index order_refund_pending_idx on order_refund (created_at) where status = 'PENDING'");

    this.addSql(`
      create table order_return (
        id uuid primary key,
        order_id uuid not null references customer_order (id) on delete cascade,
        status text not null,
        requested_by text not null,
        decline_reason text,
        refund_id uuid references order_refund (id),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint order_return_status_check check (status in ('REQUESTED', 'APPROVED', 'DECLINED', 'RECEIVED')),
        constraint order_return_declined_has_reason check ((status = 'DECLINED') = (decline_reason is not null))
      )`);
    this.addSql('create index order_return_order_idx on order_return (order_id, created_at)');
    this.addSql(`
      create table order_return_line (
        return_id uuid not null references order_return (id) on delete cascade,
        order_line_id uuid not null references order_line (id) on delete cascade,
        quantity integer not null,
        reason text not null,
        primary key (return_id, order_line_id),
        constraint order_return_line_quantity_positive check (quantity between 1 and 1000000)
      )`);

    this.addSql(`
      create table order_risk (
        order_id uuid primary key references customer_order (id) on delete cascade,
        level text not null,
        recommendation text not null,
        reasons jsonb not null,
        assessed_at timestamptz(3) not null default now(),
        constraint order_risk_level_check check (level in ('LOW', 'MEDIUM', 'HIGH')),
        constraint order_risk_recommendation_check check (recommendation in ('ACCEPT', 'INVESTIGATE', 'CANCEL'))
      )`);
  }

  override down(): void {
    for (const table of ['order_risk', 'order_return_line', 'order_return', 'order_refund', 'order_shipment']) {
      this.addSql(`drop table if exists ${table} cascade`);
    }
    this.addSql('alter table checkout_idempotency drop column state, drop column claimed_at');
    this.addSql(`alter table order_line drop column shipped_quantity, drop column returned_quantity`);
    this.addSql(`alter table customer_order drop column shipping_address, drop column client_ip, drop column captured_minor,
      drop column refunded_minor, drop column held`);
  }
}
