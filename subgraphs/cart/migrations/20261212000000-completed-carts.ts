import { Migration } from '@mikro-orm/migrations';

/**
 * A cart that became a paid order is COMPLETED (the status existed; nothing wrote it until the
 * `orders.order.paid` subscriber): it records which order, and when, and is final. The services refuse
 * to change it (`CART_COMPLETED`); the trigger says so again in the database, and since every change to
 * a cart upserts the cart row, a change that slipped past the services still fails as a whole.
 */
export class Migration20261212000000_completed_carts extends Migration {
  override name = 'Migration20261212000000_completed_carts';

  override up(): void {
    this.addSql('alter table cart add column completed_order_id uuid, add column completed_at timestamptz(3)');
    this.addSql(`
      alter table cart add constraint cart_completed_has_order check (
        (status = 'COMPLETED') = (completed_order_id is not null) and (completed_order_id is null) = (completed_at is null)
      )`);
    // An order is made from one cart.
    this.addSql('create unique index cart_completed_order_unique on cart (completed_order_id) where completed_order_id is not null');

    this.addSql(`
      create function cart_completed_is_final() returns trigger language plpgsql as $$
      begin
        raise exception 'cart %: a COMPLETED cart is final', old.id using errcode = 'restrict_violation';
      end
      $$`);
    this.addSql(`
      create trigger cart_completed_is_final before update or delete on cart
        for each row when (old.status = 'COMPLETED') execute function cart_completed_is_final()`);
  }

  override down(): void {
    this.addSql('drop trigger if exists cart_completed_is_final on cart');
    this.addSql('drop function if exists cart_completed_is_final()');
    this.addSql('drop index if exists cart_completed_order_unique');
    this.addSql('alter table cart drop constraint if exists cart_completed_has_order');
    this.addSql('alter table cart drop column if exists completed_at, drop column if exists completed_order_id');
  }
}
