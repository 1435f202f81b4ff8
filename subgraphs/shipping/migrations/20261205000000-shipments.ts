import { Migration } from '@mikro-orm/migrations';

/**
 * Shipments of orders: what each carries, its tracking timeline, and per order line how much has shipped.
 * The rules the services apply are stated again here: no line ships more units than were bought, a
 * tracking number belongs to one shipment, a status is one of the schema's, and a delivered shipment
 * says when.
 */
export class Migration20261205000000_shipments extends Migration {
  override name = 'Migration20261205000000_shipments';

  override up(): void {
    // One row per order that has shipped (or is shipping): what the order's events need (its number and
    // email, as orders answered them), and the row `shipmentCreate` locks so that shipments of one order
    // are made one after the other.
    this.addSql(`
      create table shipment_order (
        order_id uuid primary key,
        order_number integer not null,
        email text,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint shipment_order_number_positive check (order_number > 0),
        constraint shipment_order_email_length check (length(email) between 3 and 254)
      )`);

    // The order's lines as orders answered them, and how many units of each have shipped so far: the
    // bound is a CHECK, so no write path can ship more than was bought, whatever it checked before.
    this.addSql(`
      create table shipment_order_line (
        order_line_id uuid primary key,
        order_id uuid not null references shipment_order (order_id) on delete cascade,
        title text not null,
        ordered_quantity integer not null,
        shipped_quantity integer not null default 0,
        constraint shipment_order_line_title_present check (length(btrim(title)) >= 1),
        constraint shipment_order_line_ordered_positive check (ordered_quantity > 0),
        constraint shipment_order_line_shipped_bounds check (shipped_quantity between 0 and ordered_quantity),
        -- The target of shipment_line's composite foreign key: a shipment carries lines of its own order only.
        constraint shipment_order_line_order_unique unique (order_id, order_line_id)
      )`);

    this.addSql(`
      create table shipment (
        id uuid primary key default gen_random_uuid(),
        order_id uuid not null references shipment_order (order_id),
        carrier text not null,
        tracking_number text not null,
        status text not null,
        -- When the event the status comes from happened: a later event moves the status, an older one
        -- arriving late does not.
        status_at timestamptz(3) not null,
        delivered_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint shipment_carrier_present check (carrier = btrim(carrier) and length(carrier) between 1 and 100),
        constraint shipment_tracking_number_present check (tracking_number = btrim(tracking_number) and length(tracking_number) between 1 and 64),
        constraint shipment_status_check check (status in ('LABEL_CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION')),
        -- DELIVERED is final and says when.
        constraint shipment_delivered_has_time check ((status = 'DELIVERED') = (delivered_at is not null)),
        -- The target of shipment_line's composite foreign key.
        constraint shipment_id_order_unique unique (id, order_id)
      )`);
    // One shipment per tracking number, whatever the carrier and the case: tracking updates name the
    // shipment by its number alone.
    this.addSql('create unique index shipment_tracking_number_unique on shipment (lower(tracking_number))');
    this.addSql('create index shipment_order_idx on shipment (order_id, created_at)');

    this.addSql(`
      create table shipment_line (
        shipment_id uuid not null,
        order_id uuid not null,
        order_line_id uuid not null,
        position integer not null,
        quantity integer not null,
        constraint shipment_line_pkey primary key (shipment_id, order_line_id),
        constraint shipment_line_shipment_fk foreign key (shipment_id, order_id) references shipment (id, order_id) on delete cascade,
        constraint shipment_line_order_line_fk foreign key (order_id, order_line_id) references shipment_order_line (order_id, order_line_id),
        constraint shipment_line_quantity_positive check (quantity > 0),
        constraint shipment_line_position_non_negative check (position >= 0),
        constraint shipment_line_position_unique unique (shipment_id, position)
      )`);

    // The tracking timeline. Rows are only ever added; `id` is the order they arrived in, which breaks
    // ties between events of the same time.
    this.addSql(`
      create table shipment_event (
        id bigint generated always as identity primary key,
        shipment_id uuid not null references shipment (id) on delete cascade,
        status text not null,
        occurred_at timestamptz(3) not null,
        location text,
        recorded_at timestamptz(3) not null default now(),
        constraint shipment_event_status_check check (status in ('LABEL_CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION')),
        constraint shipment_event_location_present check (location = btrim(location) and length(location) between 1 and 255)
      )`);
    this.addSql('create index shipment_event_shipment_idx on shipment_event (shipment_id, occurred_at, id)');
  }

  override down(): void {
    this.addSql('drop table if exists shipment_event cascade');
    this.addSql('drop table if exists shipment_line cascade');
    this.addSql('drop table if exists shipment cascade');
    this.addSql('drop table if exists shipment_order_line cascade');
    this.addSql('drop table if exists shipment_order cascade');
  }
}
