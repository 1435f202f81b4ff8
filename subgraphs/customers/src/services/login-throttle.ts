import { createHash, createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, type KeyRing } from '#kit';

/**
 * Brute-force protection for `customerAccessTokenCreate`, per normalised email, whether or not an account
 * has it (throttling only real accounts would tell an attacker which emails are registered):
 *
 * - `maxFailures` failed attempts within the last `windowMinutes` (a sliding window) and the next attempt
 *   is refused with THROTTLED, without checking the password, until the oldest of them is older than the
 *   window. So at most `maxFailures` guesses per email per window.
 * - A successful log-in clears the email's failures.
 * - Each attempt prunes up to `pruneBatch` expired rows of any email, so the table stays about as large as
 *   one window of failures.
 *
 * Times are the database's clock (`now()`), so several subgraph instances agree on the window.
 */
export const LOGIN_THROTTLE = { maxFailures: 5, windowMinutes: 15, pruneBatch: 100 } as const;

/**
 * The throttle's HMAC key, derived from the customers subgraph's private key: a secret only this
 * subgraph holds, stable across restarts and replicas, and useless for anything else.
 */
export function throttleKeyOf(keys: KeyRing): Buffer {
  const secret = keys.privateKey.export({ type: 'pkcs8', format: 'der' });
  return createHash('sha256').update('customers/login-throttle\0').update(secret).digest();
}

/**
 * The only form in which a log-in attempt remembers its email: a keyed hash (HMAC-SHA256), so someone
 * reading the table cannot confirm a guessed email by hashing it.
 */
export function emailDigest(normalisedEmail: string, key: Buffer): string {
  return createHmac('sha256', key).update(normalisedEmail, 'utf8').digest('hex');
}

export interface LoginAttempt {
  digest: string;
  id: string;
}

function throttled(): DomainError {
  return new DomainError('THROTTLED', 'Too many failed log-in attempts for this email. Try again later.');
}

/**
 * Starts an attempt, or throws THROTTLED. The attempt is recorded as a failure BEFORE the password is
 * checked, and only then are the email's rows counted (a separate statement, so it sees every attempt
 * committed before it): parallel attempts are all counted, and a burst cannot slip more than
 * `maxFailures` password checks past the limit. Racing attempts may both see each other and both be
 * refused; failing closed there is the price. A refused attempt takes its row back: refusals do not
 * extend the window.
 */
export async function beginLoginAttempt(em: EntityManager, normalisedEmail: string, key: Buffer): Promise<LoginAttempt> {
  const digest = emailDigest(normalisedEmail, key);
  const { maxFailures, windowMinutes, pruneBatch } = LOGIN_THROTTLE;
  // SKIP LOCKED: concurrent attempts prune different rows instead of waiting on each other.
  const [inserted] = await em.execute<{ id: string }[]>(
    `with expired as (
       select id from login_attempt where attempted_at < now() - make_interval(mins => ?)
       limit ? for update skip locked
     ), pruned as (
       delete from login_attempt where id in (select id from expired)
     )
     insert into login_attempt (email_digest) values (?) returning id`,
    [windowMinutes, pruneBatch, digest],
  );
  const id = String(inserted!.id);
  const [counted] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from login_attempt
     where email_digest = ? and attempted_at >= now() - make_interval(mins => ?)`,
    [digest, windowMinutes],
  );
  // The count includes this attempt.
  if (counted!.n > maxFailures) {
    await em.execute('delete from login_attempt where id = ?', [id]);
    throw throttled();
  }
  return { digest, id };
}

/**
 * The attempt's password was right: forget the email's failures up to and including it. Attempts begun
 * after it (racing in parallel) keep their rows; if they fail, they still count.
 */
export async function loginSucceeded(em: EntityManager, attempt: LoginAttempt): Promise<void> {
  await em.execute('delete from login_attempt where email_digest = ? and id <= ?', [attempt.digest, attempt.id]);
}
