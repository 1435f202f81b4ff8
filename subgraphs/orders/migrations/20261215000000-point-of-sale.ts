import { Migration } from '@mikro-orm/migrations';

/**
 * Orders sold at a store's till, and online orders collected at one. An order has a channel (ONLINE or
 * POS) and a payment method: an online order is paid through its PaymentIntent; a POS order has none
 * (the column becomes nullable; unique still, several nulls allowed) and is paid in cash or by a card
 * present at the till. `location_id` is the store where the order was handed over (a POS sale's store,
 * or where an online order was picked up), with `handed_over_at`. Refunds of a POS order are handed back
 * at the till with the order's own method, so a SUCCEEDED refund needs a Stripe id only when Stripe made it.
 */
export class Migration20261215000000_point_of_sale extends Migration {
  override name = 'Migration20261215000000_point_of_sale';

  override up(): void {
    this.addSql(`
      alter table customer_order
        alter column stripe_payment_intent_id drop not null,
        add column channel text not null default 'ONLINE',
        add column payment_method text not null default 'STRIPE',
        add column tendered_minor integer,
        add column location_id uuid,
        add column handed_over_at timestamptz(3),
        add constraint customer_order_channel_check check (channel in ('ONLINE', 'POS')),
        add constraint customer_order_payment_method_check check (payment_method in ('STRIPE', 'CASH', 'CARD_PRESENT')),
        add constraint customer_order_channel_payment check (
          (channel = 'ONLINE' and payment_method = 'STRIPE' and stripe_payment_intent_id is not null)
          or (channel = 'POS' and payment_method in ('CASH', 'CARD_PRESENT') and stripe_payment_intent_id is null
              and location_id is not null and captured_minor = total_minor)),
        add constraint customer_order_tender check (
          (payment_method = 'CASH') = (tendered_minor is not null) and (tendered_minor is null or tendered_minor >= total_minor)),
        add constraint customer_order_handed_over check ((location_id is null) = (handed_over_at is null))`);
    // One sale per cart at the tills (a POS order is never cancelled: it is handed over as it is paid).
    this.addSql("create unique index customer_order_pos_cart_unique on customer_order (cart_id) where channel = 'POS'");

    this.addSql(`
      alter table order_refund
        add column method text not null default 'STRIPE',
        add constraint order_refund_method_check check (method in ('STRIPE', 'CASH', 'CARD_PRESENT')),
        drop constraint order_refund_succeeded_has_stripe_id,
        add constraint order_refund_succeeded_has_stripe_id check (status <> 'SUCCEEDED' or method <> 'STRIPE' or stripe_refund_id is not null),
        add constraint order_refund_till_has_no_stripe_id check (method = 'STRIPE' or stripe_refund_id is null)`);
  }

  override down(): void {
    this.addSql(`
      alter table order_refund
        drop constraint order_refund_till_has_no_stripe_id,
        drop constraint order_refund_succeeded_has_stripe_id,
        drop column method,
        add constraint order_refund_succeeded_has_stripe_id check (status <> 'SUCCEEDED' or stripe_refund_id is not null)`);
    this.addSql('drop index if exists customer_order_pos_cart_unique');
    this.addSql(`
      alter table customer_order
        drop column channel, drop column payment_method, drop column tendered_minor, drop column location_id, drop column handed_over_at,
        alter column stripe_payment_intent_id set not null`);
  }
}
