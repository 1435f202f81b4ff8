import { Migration } from '@mikro-orm/migrations';

/**
 * Stock reserved for orders awaiting payment, and sales in the ledger. `stock_level.reserved` stays the
 * sum of the RESERVED reservations of each level: the statements that change one change the other.
 */
export class Migration20261206000000_stock_reservations extends Migration {
  override name = 'Migration20261206000000_stock_reservations';

  override up(): void {
    this.addSql(`
      create table stock_reservation (
        id uuid primary key default gen_random_uuid(),
        -- The orders subgraph's order uuid: no foreign key across domains, and the order may not exist yet.
        order_id uuid not null,
        variant_id uuid not null,
        location_id uuid not null,
        quantity integer not null,
        status text not null default 'RESERVED',
        release_reason text,
        expires_at timestamptz(3) not null,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint stock_reservation_stock_level_fk foreign key (variant_id, location_id)
          references stock_level (variant_id, location_id),
        constraint stock_reservation_quantity_positive check (quantity > 0),
        constraint stock_reservation_quantity_bounded check (quantity <= 1000000),
        constraint stock_reservation_status_check check (status in ('RESERVED', 'COMMITTED', 'RELEASED')),
        constraint stock_reservation_release_reason_check check (release_reason in ('CANCELLED', 'PAYMENT_FAILED', 'EXPIRED')),
        constraint stock_reservation_released_has_reason check ((status = 'RELEASED') = (release_reason is not null)),
        constraint stock_reservation_expires_after_creation check (expires_at > created_at)
      )`);
    // An order holds a level at most once at a time; a released set may be followed by a new one.
    this.addSql(`
      create unique index stock_reservation_live_unique on stock_reservation (order_id, variant_id, location_id)
        where status <> 'RELEASED'`);
    this.addSql('create index stock_reservation_order_idx on stock_reservation (order_id)');
    // The expiry worker looks only at what is still held.
    this.addSql(`create index stock_reservation_expiry_idx on stock_reservation (expires_at) where status = 'RESERVED'`);

    // A reservation only ever moves forward, whole: anything else would leave stock_level.reserved wrong.
    this.addSql(`
      create function stock_reservation_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          if old.status = 'RESERVED' then
            raise exception 'a RESERVED stock_reservation cannot be deleted; release it' using errcode = 'restrict_violation';
          end if;
          return old;
        end if;
        if (new.order_id, new.variant_id, new.location_id, new.quantity, new.created_at)
           is distinct from (old.order_id, old.variant_id, old.location_id, old.quantity, old.created_at) then
          raise exception 'stock_reservation: only status, release reason and expiry may change' using errcode = 'restrict_violation';
        end if;
        if new.status <> old.status and old.status <> 'RESERVED' then
          raise exception 'stock_reservation: % is final', old.status using errcode = 'restrict_violation';
        end if;
        return new;
      end
      $$`);
    this.addSql(`
      create trigger stock_reservation_guard before update or delete on stock_reservation
        for each row execute function stock_reservation_guard()`);

    // A sale is a ledger movement tied to the reservation it settles, once.
    this.addSql('alter table stock_movement drop constraint stock_movement_reason_check');
    this.addSql(`
      alter table stock_movement add constraint stock_movement_reason_check check (
        reason in ('RECEIVED', 'CORRECTION', 'DAMAGED', 'SHRINKAGE', 'RETURN_RESTOCK', 'CYCLE_COUNT', 'SALE')
      )`);
    this.addSql('alter table stock_movement add column reservation_id uuid references stock_reservation (id)');
    this.addSql(`
      alter table stock_movement add constraint stock_movement_sale_has_reservation
        check ((reason = 'SALE') = (reservation_id is not null))`);
    this.addSql('create unique index stock_movement_reservation_unique on stock_movement (reservation_id)');
  }

  override down(): void {
    this.addSql('drop index if exists stock_movement_reservation_unique');
    this.addSql('alter table stock_movement drop constraint if exists stock_movement_sale_has_reservation');
    this.addSql('alter table stock_movement drop column if exists reservation_id');
    this.addSql('alter table stock_movement drop constraint stock_movement_reason_check');
    this.addSql(`
      alter table stock_movement add constraint stock_movement_reason_check check (
        reason in ('RECEIVED', 'CORRECTION', 'DAMAGED', 'SHRINKAGE', 'RETURN_RESTOCK', 'CYCLE_COUNT')
      )`);
    this.addSql('drop table if exists stock_reservation cascade');
    this.addSql('drop function if exists stock_reservation_guard()');
  }
}
