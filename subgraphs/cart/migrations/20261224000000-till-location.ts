import { Migration } from '@mikro-orm/migrations';

/**
 * A cart rung up at a store's till names the store (`location_id`, an inventory Location uuid: no
 * cross-schema key). Its lines are then checked against that store's stock instead of online availability.
 * Such a cart is the store's sale, never a customer's: staff do not claim carts and customers may not
 * claim this one, which the database says again.
 */
export class Migration20261224000000_till_location extends Migration {
  override name = 'Migration20261224000000_till_location';

  override up(): void {
    this.addSql('alter table cart add column location_id uuid');
    this.addSql('alter table cart add constraint cart_till_cart_has_no_customer check (location_id is null or customer_id is null)');
  }

  override down(): void {
    this.addSql('alter table cart drop constraint if exists cart_till_cart_has_no_customer');
    this.addSql('alter table cart drop column if exists location_id');
  }
}
