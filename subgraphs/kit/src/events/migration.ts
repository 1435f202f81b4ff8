import { Migration } from '@mikro-orm/migrations';

/**
 * The kit's own tables in every subgraph's schema: the transactional outbox (events written in the same
 * transaction as the change that caused them) and the record of events each subscriber has applied
 * (so a duplicate delivery has one effect). Never edited once landed, like any migration.
 */
export class Migration20261123000000_kit_events extends Migration {
  override name = 'Migration20261123000000_kit_events';

  override up(): void {
    this.addSql(`
      create table kit_outbox (
        seq bigint generated always as identity primary key,
        id uuid not null unique,
        type text not null,
        payload jsonb not null,
        request_id text,
        created_at timestamptz(3) not null default now(),
        published_at timestamptz(3)
      )`);
    // The relay reads only what is still to publish, oldest first.
    this.addSql('create index kit_outbox_unpublished_idx on kit_outbox (seq) where published_at is null');
    this.addSql(`
      create table kit_processed_event (
        event_id uuid not null,
        subscriber text not null,
        processed_at timestamptz(3) not null default now(),
        primary key (event_id, subscriber)
      )`);
  }

  override down(): void {
    this.addSql('drop table if exists kit_processed_event');
    this.addSql('drop table if exists kit_outbox');
  }
}

export const kitMigrations = [Migration20261123000000_kit_events];
