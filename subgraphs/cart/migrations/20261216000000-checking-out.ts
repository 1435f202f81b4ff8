import { Migration } from '@mikro-orm/migrations';

/**
 * Checkout detaches the cart: the orders service calls `cartCheckoutStart` before it reserves stock, and
 * the cart becomes CHECKING_OUT for that order (`checkout_order_id`, `checkout_started_at`): read-only,
 * no longer its customer's open cart, until the order is paid (COMPLETED) or cancelled unpaid (OPEN
 * again, or merged into the customer's newer open cart). `revision` counts the changes written to a cart,
 * so checkout can say which state of the cart it priced, and a change made in between is caught.
 *
 * A paid order therefore takes exactly its cart: the subtraction of ordered lines from a cart the shopper
 * kept using (`cart_order.outcome` LINES_TAKEN, `taken`) is gone; an order paid for a cart that was not
 * checking out for it is left alone and recorded as NOT_CHECKING_OUT.
 */
export class Migration20261216000000_checking_out extends Migration {
  override name = 'Migration20261216000000_checking_out';

  override up(): void {
    this.addSql(`
      alter table cart
        add column checkout_order_id uuid,
        add column checkout_started_at timestamptz(3),
        add column revision integer not null default 0`);
    this.addSql('alter table cart drop constraint cart_status_check');
    this.addSql(`alter table cart add constraint cart_status_check check (status in ('OPEN', 'CHECKING_OUT', 'MERGED', 'EXPIRED', 'COMPLETED'))`);
    this.addSql(`
      alter table cart add constraint cart_checking_out_has_order check (
        (status = 'CHECKING_OUT') = (checkout_order_id is not null) and (checkout_order_id is null) = (checkout_started_at is null)
      )`);
    this.addSql('alter table cart add constraint cart_revision_non_negative check (revision >= 0)');
    // One cart per pending order.
    this.addSql('create unique index cart_checkout_order_unique on cart (checkout_order_id) where checkout_order_id is not null');

    // The services refuse to change a cart being checked out (CART_CHECKING_OUT); the database says it again.
    // Every change upserts the cart row first, so a change that slipped past the services fails as a whole.
    // Leaving the state (COMPLETED, OPEN again, MERGED) is the only update it takes.
    this.addSql(`
      create function cart_checking_out_is_frozen() returns trigger language plpgsql as $$
      begin
        raise exception 'cart %: a CHECKING_OUT cart changes only by leaving that state', old.id using errcode = 'restrict_violation';
      end
      $$`);
    this.addSql(`
      create trigger cart_checking_out_is_frozen before update on cart
        for each row when (old.status = 'CHECKING_OUT' and new.status = 'CHECKING_OUT') execute function cart_checking_out_is_frozen()`);

    this.addSql(`update cart_order set outcome = 'NOT_CHECKING_OUT' where outcome in ('LINES_TAKEN', 'CART_CLOSED')`);
    this.addSql('alter table cart_order drop constraint cart_order_outcome_check, drop constraint cart_order_taken_is_array');
    this.addSql('alter table cart_order drop column taken');
    this.addSql(`alter table cart_order add constraint cart_order_outcome_check check (outcome in ('COMPLETED', 'NOT_CHECKING_OUT'))`);
  }

  override down(): void {
    this.addSql('alter table cart_order drop constraint if exists cart_order_outcome_check');
    this.addSql(`alter table cart_order add column taken jsonb not null default '[]'`);
    this.addSql(`alter table cart_order add constraint cart_order_taken_is_array check (jsonb_typeof(taken) = 'array')`);
    this.addSql(`update cart_order set outcome = 'CART_CLOSED' where outcome = 'NOT_CHECKING_OUT'`);
    this.addSql(`alter table cart_order add constraint cart_order_outcome_check check (outcome in ('COMPLETED', 'LINES_TAKEN', 'CART_CLOSED'))`);
    this.addSql('drop trigger if exists cart_checking_out_is_frozen on cart');
    this.addSql('drop function if exists cart_checking_out_is_frozen()');
    // Back to the model without the state: open again, unless its customer has an open cart meanwhile.
    this.addSql(`
      update cart c set checkout_order_id = null, checkout_started_at = null,
        status = case when exists (select 1 from cart o where o.customer_id = c.customer_id and o.status = 'OPEN') then 'EXPIRED' else 'OPEN' end
      where status = 'CHECKING_OUT'`);
    this.addSql('drop index if exists cart_checkout_order_unique');
    this.addSql('alter table cart drop constraint if exists cart_revision_non_negative, drop constraint if exists cart_checking_out_has_order');
    this.addSql('alter table cart drop constraint cart_status_check');
    this.addSql(`alter table cart add constraint cart_status_check check (status in ('OPEN', 'MERGED', 'EXPIRED', 'COMPLETED'))`);
    this.addSql('alter table cart drop column if exists revision, drop column if exists checkout_started_at, drop column if exists checkout_order_id');
  }
}
