import { Migration } from '@mikro-orm/migrations';

/**
 * Sold units coming back: a paid order cancelled (`CANCELLATION`) or a return received (`RETURN`). Each
 * restock movement names the sale it reverses (the COMMITTED reservation: order, variant, location), so
 * units go back where they were sold from, and a trigger counts it on that reservation, whose
 * `restocked_quantity` can never exceed what was sold there: the database itself refuses restocking more
 * than was sold for an order, however the movements are written.
 */
export class Migration20261212000000_restocks extends Migration {
  override name = 'Migration20261212000000_restocks';

  override up(): void {
    this.addSql('alter table stock_reservation add column restocked_quantity integer not null default 0');
    this.addSql(`
      alter table stock_reservation add constraint stock_reservation_restocked_within_sold
        check (restocked_quantity >= 0 and restocked_quantity <= quantity)`);
    this.addSql(`
      alter table stock_reservation add constraint stock_reservation_restocked_only_sold
        check (restocked_quantity = 0 or status = 'COMMITTED')`);
    // The target of the movements' composite key: a restock is at the very level the sale was.
    this.addSql('alter table stock_reservation add constraint stock_reservation_id_level_unique unique (id, variant_id, location_id)');

    // As before, plus: what came back only ever grows.
    this.addSql(`
      create or replace function stock_reservation_guard() returns trigger language plpgsql as $$
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
        if new.restocked_quantity < old.restocked_quantity then
          raise exception 'stock_reservation: restocked units never go back down' using errcode = 'restrict_violation';
        end if;
        return new;
      end
      $$`);

    this.addSql('alter table stock_movement add column return_id uuid');
    this.addSql('alter table stock_movement drop constraint stock_movement_reason_check');
    this.addSql(`
      alter table stock_movement add constraint stock_movement_reason_check check (
        reason in ('RECEIVED', 'CORRECTION', 'DAMAGED', 'SHRINKAGE', 'RETURN_RESTOCK', 'CYCLE_COUNT', 'SALE', 'CANCELLATION', 'RETURN')
      )`);
    this.addSql('alter table stock_movement drop constraint stock_movement_sale_has_reservation');
    this.addSql(`
      alter table stock_movement add constraint stock_movement_order_reasons_have_reservation
        check ((reason in ('SALE', 'CANCELLATION', 'RETURN')) = (reservation_id is not null))`);
    this.addSql(`
      alter table stock_movement add constraint stock_movement_return_has_return_id
        check ((reason = 'RETURN') = (return_id is not null))`);
    this.addSql(`
      alter table stock_movement add constraint stock_movement_order_reason_direction
        check ((reason <> 'SALE' or delta < 0) and (reason not in ('CANCELLATION', 'RETURN') or delta > 0))`);
    this.addSql(`
      alter table stock_movement add constraint stock_movement_reservation_level_fk foreign key (reservation_id, variant_id, location_id)
        references stock_reservation (id, variant_id, location_id)`);
    // One SALE per reservation, as before; one CANCELLATION per reservation; one RETURN per return and reservation.
    this.addSql('drop index stock_movement_reservation_unique');
    this.addSql(`create unique index stock_movement_sale_unique on stock_movement (reservation_id) where reason = 'SALE'`);
    this.addSql(`create unique index stock_movement_cancellation_unique on stock_movement (reservation_id) where reason = 'CANCELLATION'`);
    this.addSql(`create unique index stock_movement_return_unique on stock_movement (return_id, reservation_id) where reason = 'RETURN'`);

    // Every restock counts on the sale it reverses, in the same statement; the CHECKs above refuse more than was sold.
    this.addSql(`
      create function stock_movement_counts_restock() returns trigger language plpgsql as $$
      begin
        update stock_reservation set restocked_quantity = restocked_quantity + new.delta, updated_at = now()
        where id = new.reservation_id;
        return null;
      end
      $$`);
    this.addSql(`
      create trigger stock_movement_counts_restock after insert on stock_movement
        for each row when (new.reason in ('CANCELLATION', 'RETURN')) execute function stock_movement_counts_restock()`);
  }

  override down(): void {
    this.addSql('drop trigger if exists stock_movement_counts_restock on stock_movement');
    this.addSql('drop function if exists stock_movement_counts_restock()');
    this.addSql('drop index if exists stock_movement_return_unique');
    this.addSql('drop index if exists stock_movement_cancellation_unique');
    this.addSql('drop index if exists stock_movement_sale_unique');
    this.addSql('create unique index stock_movement_reservation_unique on stock_movement (reservation_id)');
    this.addSql('alter table stock_movement drop constraint if exists stock_movement_reservation_level_fk');
    this.addSql('alter table stock_movement drop constraint if exists stock_movement_order_reason_direction');
    this.addSql('alter table stock_movement drop constraint if exists stock_movement_return_has_return_id');
    this.addSql('alter table stock_movement drop constraint if exists stock_movement_order_reasons_have_reservation');
    this.addSql(`
      alter table stock_movement add constraint stock_movement_sale_has_reservation
        check ((reason = 'SALE') = (reservation_id is not null))`);
    this.addSql('alter table stock_movement drop constraint stock_movement_reason_check');
    this.addSql(`
      alter table stock_movement add constraint stock_movement_reason_check check (
        reason in ('RECEIVED', 'CORRECTION', 'DAMAGED', 'SHRINKAGE', 'RETURN_RESTOCK', 'CYCLE_COUNT', 'SALE')
      )`);
    this.addSql('alter table stock_movement drop column if exists return_id');
    this.addSql(`
      create or replace function stock_reservation_guard() returns trigger language plpgsql as $$
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
    this.addSql('alter table stock_reservation drop constraint if exists stock_reservation_id_level_unique');
    this.addSql('alter table stock_reservation drop constraint if exists stock_reservation_restocked_only_sold');
    this.addSql('alter table stock_reservation drop constraint if exists stock_reservation_restocked_within_sold');
    this.addSql('alter table stock_reservation drop column if exists restocked_quantity');
  }
}
