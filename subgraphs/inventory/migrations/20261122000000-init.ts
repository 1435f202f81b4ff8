import { Migration } from '@mikro-orm/migrations';

export class Migration20261122000000_init extends Migration {
  override name = 'Migration20261122000000_init';

  override up(): void {
    this.addSql(`
      create table location (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        handle text not null,
        kind text not null,
        fulfills_online_orders boolean not null default false,
        address1 text,
        address2 text,
        city text,
        province_code text,
        zip text,
        country_code char(2),
        active boolean not null default true,
        created_at timestamptz(3) not null default now(),
        constraint location_handle_unique unique (handle),
        constraint location_handle_format check (handle ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(handle) <= 100),
        constraint location_name_present check (length(btrim(name)) between 1 and 255),
        constraint location_kind_check check (kind in ('WAREHOUSE', 'STORE')),
        constraint location_country_code_format check (country_code ~ '^[A-Z]{2}$'),
        constraint location_address_lengths check (
          coalesce(length(address1), 0) <= 255 and coalesce(length(address2), 0) <= 255
          and coalesce(length(city), 0) <= 255 and coalesce(length(province_code), 0) <= 32
          and coalesce(length(zip), 0) <= 20
        )
      )`);
    // Location pages are read in (name, id) order.
    this.addSql('create index location_name_id_idx on location (name, id)');

    this.addSql(`
      create table inventory_item (
        variant_id uuid primary key,
        tracked boolean not null default true,
        created_at timestamptz(3) not null default now()
      )`);

    this.addSql(`
      create table stock_level (
        id uuid primary key default gen_random_uuid(),
        variant_id uuid not null references inventory_item (variant_id),
        location_id uuid not null references location (id),
        on_hand integer not null default 0,
        reserved integer not null default 0,
        updated_at timestamptz(3) not null default now(),
        constraint stock_level_variant_location_unique unique (variant_id, location_id),
        constraint stock_level_on_hand_non_negative check (on_hand >= 0),
        -- A bound far above any real stock keeps on_hand + delta clear of integer overflow.
        constraint stock_level_on_hand_bounded check (on_hand <= 1000000000),
        constraint stock_level_reserved_non_negative check (reserved >= 0),
        constraint stock_level_reserved_within_on_hand check (reserved <= on_hand)
      )`);
    this.addSql('create index stock_level_location_idx on stock_level (location_id)');

    this.addSql(`
      create table stock_movement (
        id uuid primary key default gen_random_uuid(),
        seq bigint generated always as identity,
        variant_id uuid not null,
        location_id uuid not null,
        delta integer not null,
        reason text not null,
        note text,
        actor_customer_id uuid,
        on_hand_after integer not null,
        created_at timestamptz(3) not null default now(),
        constraint stock_movement_seq_unique unique (seq),
        constraint stock_movement_stock_level_fk foreign key (variant_id, location_id)
          references stock_level (variant_id, location_id),
        constraint stock_movement_delta_non_zero check (delta <> 0),
        constraint stock_movement_on_hand_after_non_negative check (on_hand_after >= 0),
        constraint stock_movement_note_length check (length(note) <= 500),
        constraint stock_movement_reason_check check (
          reason in ('RECEIVED', 'CORRECTION', 'DAMAGED', 'SHRINKAGE', 'RETURN_RESTOCK', 'CYCLE_COUNT')
        )
      )`);
    // The ledger is read newest first, per variant and optionally per location.
    this.addSql('create index stock_movement_variant_seq_idx on stock_movement (variant_id, seq desc)');
    this.addSql('create index stock_movement_variant_location_seq_idx on stock_movement (variant_id, location_id, seq desc)');

    // The ledger is evidence: a correction is a new movement, never an edit of an old one.
    this.addSql(`
      create function stock_movement_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'stock_movement is append-only' using errcode = 'restrict_violation';
      end
      $$`);
    this.addSql(`
      create trigger stock_movement_no_update_or_delete before update or delete on stock_movement
        for each row execute function stock_movement_append_only()`);
    this.addSql(`
      create trigger stock_movement_no_truncate before truncate on stock_movement
        for each statement execute function stock_movement_append_only()`);
  }

  override down(): void {
    this.addSql('drop table if exists stock_movement cascade');
    this.addSql('drop function if exists stock_movement_append_only()');
    this.addSql('drop table if exists stock_level cascade');
    this.addSql('drop table if exists inventory_item cascade');
    this.addSql('drop table if exists location cascade');
  }
}
