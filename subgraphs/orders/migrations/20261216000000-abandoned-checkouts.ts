import { Migration } from '@mikro-orm/migrations';

/**
 * The worker `release-abandoned-checkouts` looks every minute for PENDING idempotency claims left by a
 * checkout that died (its cart is still CHECKING_OUT for an order that will never exist): a partial index,
 * so it never reads the completed claims, one per order ever placed.
 */
export class Migration20261216000000_abandoned_checkouts extends Migration {
  override name = 'Migration20261216000000_abandoned_checkouts';

  override up(): void {
    this.addSql(`create index checkout_idempotency_pending_idx on checkout_idempotency (claimed_at) where state = 'PENDING'`);
  }

  override down(): void {
    this.addSql('drop index if exists checkout_idempotency_pending_idx');
  }
}
