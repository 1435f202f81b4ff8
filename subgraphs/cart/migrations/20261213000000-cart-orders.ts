import { Migration } from '@mikro-orm/migrations';

/**
 * `cart_order`: each paid order applied to the cart it was made from, once. Between checkout and the
 * payment the shopper may keep using the cart; the `orders.order.paid` subscriber then takes the order's
 * quantities out of it and leaves it open with what remains (`LINES_TAKEN`), or completes it when nothing
 * remains (`COMPLETED`, also `cart.completed_order_id`); a cart already merged or completed by another
 * order is left as it is (`CART_CLOSED`). The primary key is what makes an order apply once, however its
 * event is delivered: an open cart keeps no other trace of an order that took some of its lines. `taken`
 * is what was taken (`[{ variantId, quantity }]`), for whoever later asks where lines went.
 */
export class Migration20261213000000_cart_orders extends Migration {
  override name = 'Migration20261213000000_cart_orders';

  override up(): void {
    this.addSql(`
      create table cart_order (
        order_id uuid primary key,
        cart_id uuid not null references cart (id),
        outcome text not null,
        taken jsonb not null default '[]',
        paid_at timestamptz(3) not null,
        applied_at timestamptz(3) not null default now(),
        constraint cart_order_outcome_check check (outcome in ('COMPLETED', 'LINES_TAKEN', 'CART_CLOSED')),
        constraint cart_order_taken_is_array check (jsonb_typeof(taken) = 'array')
      )`);
    this.addSql('create index cart_order_cart_idx on cart_order (cart_id)');
    // Orders applied before this table: the carts they completed.
    this.addSql(`
      insert into cart_order (order_id, cart_id, outcome, paid_at)
      select completed_order_id, id, 'COMPLETED', completed_at from cart where completed_order_id is not null`);
  }

  override down(): void {
    this.addSql('drop table if exists cart_order');
  }
}
