import { Migration } from '@mikro-orm/migrations';

export class Migration20261215000000_partner_api_keys extends Migration {
  override name = 'Migration20261215000000_partner_api_keys';

  override up(): void {
    // Partner API keys (src/services/partner-api-key.service.ts). The secret is 256 random bits, so an
    // unsalted SHA-256 of it is all that is kept: enough to find the key in one index lookup, useless to
    // anyone who reads the table.
    this.addSql(`
      create table partner_api_key (
        id uuid primary key,
        name text not null,
        secret_hash text not null,
        -- Who created it, for the record; a plain id (no foreign key): a staff account may be removed later.
        created_by uuid,
        created_at timestamptz(3) not null default now(),
        revoked_at timestamptz(3),
        last_used_at timestamptz(3),
        constraint partner_api_key_secret_hash_unique unique (secret_hash),
        constraint partner_api_key_secret_hash_format check (secret_hash ~ '^[0-9a-f]{64}$'),
        constraint partner_api_key_name_format check (
          name = btrim(name) and length(name) between 1 and 100 and name !~ '[[:cntrl:]]'
        ),
        constraint partner_api_key_revoked_after_created check (revoked_at is null or revoked_at >= created_at),
        constraint partner_api_key_used_after_created check (last_used_at is null or last_used_at >= created_at)
      )`);
    // Staff list keys newest first, keyset-paged on (created_at, id).
    this.addSql('create index partner_api_key_created_idx on partner_api_key (created_at, id)');
  }

  override down(): void {
    this.addSql('drop table if exists partner_api_key');
  }
}
