import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestSubgraph, testKeyRing, type TestSubgraph } from '#kit/testing/index.ts';
import { Customer } from '../src/entities/customer.entity.ts';
import { emailDigest, LOGIN_THROTTLE, throttleKeyOf } from '../src/services/login-throttle.ts';
import { hashPassword } from '../src/services/password.ts';
import { customers } from '../src/subgraph.ts';
import { LOGIN } from './helpers.ts';

const PASSWORD = 'correct horse battery staple';
const WRONG = 'not the password';
const { maxFailures, windowMinutes } = LOGIN_THROTTLE;

let subgraph: TestSubgraph;
// One scrypt hash shared by every account here: each costs ~50 ms.
let passwordHash: string;

beforeAll(async () => {
  [subgraph, passwordHash] = await Promise.all([
    createTestDatabase('customers_login_throttle').then((db) => startTestSubgraph(customers, db)),
    hashPassword(PASSWORD),
  ]);
});
afterAll(() => subgraph?.close());

/** An account whose password is PASSWORD, with a fresh email. */
async function account(): Promise<string> {
  const em = subgraph.db.fork();
  const email = `${crypto.randomUUID()}@example.com`;
  em.create(Customer, { id: crypto.randomUUID(), email, passwordHash, role: 'customer' });
  await em.flush();
  return email;
}

interface LoginPayload {
  customerAccessToken: { accessToken: string } | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
}

async function login(email: string, password: string): Promise<LoginPayload> {
  const result = await subgraph.request(LOGIN, { input: { email, password } });
  expect(result.errors).toBeUndefined();
  return result.data!.customerAccessTokenCreate;
}

const code = (payload: LoginPayload) => payload.userErrors[0]?.code ?? 'OK';

async function failTimes(email: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) expect(code(await login(email, WRONG))).toBe('UNIDENTIFIED_CUSTOMER');
}

const digest = (email: string) => emailDigest(email.trim().toLowerCase(), throttleKeyOf(testKeyRing('customers')));
const rowsFor = (email: string) =>
  subgraph.sql<{ id: string; email_digest: string; attempted_at: Date }>('select * from login_attempt where email_digest = ? order by id',
    [digest(email)],
  );
const ageRows = (email: string, minutes: number) =>
  subgraph.sql('update login_attempt set attempted_at = attempted_at - make_interval(mins => ?) where email_digest = ?', [
    minutes,
    digest(email),
  ]);

const THROTTLED = {
  customerAccessToken: null,
  userErrors: [{ field: null, code: 'THROTTLED', message: 'Too many failed log-in attempts for this email. Try again later.' }],
};

describe('log-in throttling', () => {
  it('refuses the right password after 5 wrong ones, with THROTTLED and no token, leaving other emails alone', async () => {
    const email = await account();
    const other = await account();
    await failTimes(email, maxFailures);
    expect(await login(email, PASSWORD)).toEqual(THROTTLED);
    // Another spelling of the same email is the same email.
    expect(await login(`  ${email.toUpperCase()} `, PASSWORD)).toEqual(THROTTLED);
    const unaffected = await login(other, PASSWORD);
    expect(unaffected.userErrors).toEqual([]);
    expect(unaffected.customerAccessToken?.accessToken).toEqual(expect.any(String));
  });

  it('throttles an unknown email exactly like a registered one, so throttling reveals no accounts', async () => {
    const known = await account();
    const unknown = `${crypto.randomUUID()}@example.com`;
    await failTimes(known, maxFailures);
    await failTimes(unknown, maxFailures);
    expect(await login(unknown, PASSWORD)).toEqual(THROTTLED);
    expect(await login(unknown, PASSWORD)).toEqual(await login(known, PASSWORD));
    expect(await subgraph.sql('select 1 from customer where email = ?', [unknown])).toEqual([]);
  });

  it('records nothing for a refused attempt', async () => {
    const email = await account();
    await failTimes(email, maxFailures);
    const before = await subgraph.sql('select * from login_attempt order by id');
    const customersBefore = await subgraph.sql('select * from customer order by id');
    expect(await login(email, PASSWORD)).toEqual(THROTTLED);
    expect(await login(email, WRONG)).toEqual(THROTTLED);
    expect(await subgraph.sql('select * from login_attempt order by id')).toEqual(before);
    expect(await subgraph.sql('select * from customer order by id')).toEqual(customersBefore);
  });

  it('clears the count on a successful log-in', async () => {
    const email = await account();
    await failTimes(email, maxFailures - 1);
    expect(code(await login(email, PASSWORD))).toBe('OK');
    expect(await rowsFor(email)).toEqual([]);
    await failTimes(email, maxFailures - 1);
    expect(code(await login(email, PASSWORD))).toBe('OK');
    // The count really restarted: five fresh failures still throttle.
    await failTimes(email, maxFailures);
    expect(code(await login(email, PASSWORD))).toBe('THROTTLED');
  });

  it('lets the email log in again once its failures are older than the window, and not before', async () => {
    const email = await account();
    await failTimes(email, maxFailures);
    await ageRows(email, windowMinutes - 1);
    expect(code(await login(email, PASSWORD))).toBe('THROTTLED');
    await ageRows(email, 2);
    const again = await login(email, PASSWORD);
    expect(again.userErrors).toEqual([]);
    expect(again.customerAccessToken).not.toBeNull();
  });

  it('prunes expired attempts when later attempts are written', async () => {
    const unknown = `${crypto.randomUUID()}@example.com`;
    const stranger = `${crypto.randomUUID()}@example.com`;
    await failTimes(unknown, maxFailures);
    await ageRows(unknown, windowMinutes + 1);
    // Any email's attempt sweeps expired rows, including those of emails never tried again.
    await failTimes(stranger, 1);
    expect(await rowsFor(unknown)).toEqual([]);
    // And the expired failures no longer count.
    await failTimes(unknown, maxFailures);
    expect(code(await login(unknown, PASSWORD))).toBe('THROTTLED');
  });

  it('stores a keyed digest (HMAC-SHA256) of the normalised email, never the email', async () => {
    const email = `${crypto.randomUUID()}@Example.com`;
    await failTimes(` ${email}`, 1);
    const rows = await rowsFor(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.email_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.email_digest).toBe(digest(email));
    const dump = JSON.stringify(await subgraph.sql('select * from login_attempt'));
    expect(dump.toLowerCase()).not.toContain(email.toLowerCase().split('@')[0]);
  });

  it('counts both of two simultaneous wrong attempts', async () => {
    const email = await account();
    const both = await Promise.all([login(email, WRONG), login(email, WRONG)]);
    expect(both.map(code)).toEqual(['UNIDENTIFIED_CUSTOMER', 'UNIDENTIFIED_CUSTOMER']);
    expect(await rowsFor(email)).toHaveLength(2);
    await failTimes(email, maxFailures - 2);
    expect(code(await login(email, PASSWORD))).toBe('THROTTLED');
  });

  it('lets a burst of simultaneous guesses check at most 5 passwords', async () => {
    const email = await account();
    await failTimes(email, maxFailures - 2);
    const burst = await Promise.all(Array.from({ length: 8 }, () => login(email, WRONG)));
    const checked = burst.filter((payload) => code(payload) === 'UNIDENTIFIED_CUSTOMER').length;
    expect(burst.filter((payload) => code(payload) === 'THROTTLED')).toHaveLength(burst.length - checked);
    expect(checked).toBeLessThanOrEqual(2);
    // Every checked guess is on record, and nothing else.
    expect(await rowsFor(email)).toHaveLength(maxFailures - 2 + checked);
  });

  it('does not count malformed attempts, which check no password', async () => {
    const email = await account();
    for (let i = 0; i < maxFailures + 1; i++) {
      expect(code(await login(email, ''))).toBe('UNIDENTIFIED_CUSTOMER');
    }
    expect(await rowsFor(email)).toEqual([]);
    expect(code(await login(email, PASSWORD))).toBe('OK');
  });
});
