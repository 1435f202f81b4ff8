import { Migration } from '@mikro-orm/migrations';

export class Migration20261122010000_login_attempts extends Migration {
  override name = 'Migration20261122010000_login_attempts';

  override up(): void {
    // Log-in attempts not known to have succeeded (failed ones, and ones still checking a password), for
    // throttling: see src/services/login-throttle.ts. Keyed by an HMAC-SHA256 digest of the normalised email,
    // never the email itself: many rows name emails that are nobody's account.
    this.addSql(`
      create table login_attempt (
        id bigint generated always as identity primary key,
        email_digest text not null,
        attempted_at timestamptz(3) not null default now(),
        constraint login_attempt_email_digest_format check (email_digest ~ '^[0-9a-f]{64}$')
      )`);
    // Counting and clearing read one email's rows within the window.
    this.addSql('create index login_attempt_email_digest_attempted_at_idx on login_attempt (email_digest, attempted_at)');
    // Pruning finds expired rows of any email, so emails tried once and never again do not stay forever.
    this.addSql('create index login_attempt_attempted_at_idx on login_attempt (attempted_at)');
  }

  override down(): void {
    this.addSql('drop table if exists login_attempt');
  }
}
