import { Migration } from '@mikro-orm/migrations';

/**
 * Catalog writes: a tax class per variant (the cart's tax rules key on it) and a status per product, so a
 * product can leave the storefront while orders that reference it still resolve it.
 */
export class Migration20261124000000_tax_class_and_status extends Migration {
  override name = 'Migration20261124000000_tax_class_and_status';

  override up(): void {
    this.addSql(`
      alter table product_variant add column tax_class text not null default 'STANDARD'
        check (tax_class in ('STANDARD', 'REDUCED', 'ZERO'))`);
    this.addSql(`
      alter table product add column status text not null default 'ACTIVE'
        check (status in ('ACTIVE', 'ARCHIVED'))`);
    // Every storefront list reads active products only, so its keyset and search indexes cover only
    // those: archived products cost the listings nothing, and the planner still walks an index in order.
    this.addSql('drop index product_title_id_idx');
    this.addSql('drop index product_created_at_id_idx');
    this.addSql('drop index product_price_min_id_idx');
    this.addSql('drop index product_search_idx');
    this.addSql(`create index product_active_title_id_idx on product (title, id) where status = 'ACTIVE'`);
    this.addSql(`create index product_active_created_at_id_idx on product (created_at, id) where status = 'ACTIVE'`);
    this.addSql(`create index product_active_price_min_id_idx on product (price_min_minor, id) where status = 'ACTIVE'`);
    this.addSql(`create index product_active_search_idx on product using gin (search) where status = 'ACTIVE'`);
  }
}
