import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId, verifyAccessToken, type Viewer } from '#kit';
import { createTestDatabase, startTestSubgraph, testKeyRing, type TestSubgraph } from '#kit/testing/index.ts';
import { Address } from '../src/entities/address.entity.ts';
import { Customer } from '../src/entities/customer.entity.ts';
import { hashPassword } from '../src/services/password.ts';
import { customers } from '../src/subgraph.ts';
import { insertCustomer, LOGIN, ME, REGISTER } from './helpers.ts';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(customers, await createTestDatabase('customers_accounts'));
});
afterAll(() => subgraph?.close());

async function register(input: Record<string, unknown>) {
  const result = await subgraph.request(REGISTER, { input });
  expect(result.errors).toBeUndefined();
  return result.data!.customerCreate;
}

async function login(email: string, password: string) {
  const result = await subgraph.request(LOGIN, { input: { email, password } });
  expect(result.errors).toBeUndefined();
  return result.data!.customerAccessTokenCreate;
}

const countByEmail = async (email: string) =>
  Number((await subgraph.sql<{ n: string }>('select count(*) as n from customers.customer where email = ?', [email]))[0]!.n);

describe('registration and login', () => {
  const password = 'correct horse battery staple';

  it('registers, logs in with a token the gateway accepts, and answers `me` for that viewer', async () => {
    const created = await register({ email: '  Ada@Example.COM ', password, firstName: ' Ada ', lastName: 'Lovelace' });
    expect(created.userErrors).toEqual([]);
    expect(created.customer).toMatchObject({ email: 'ada@example.com', firstName: 'Ada', displayName: 'Ada Lovelace' });
    const customerId = created.customer.id.split('/').at(-1);

    const { customerAccessToken, userErrors } = await login('ADA@example.com', password);
    expect(userErrors).toEqual([]);
    expect(new Date(customerAccessToken.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const viewer = await verifyAccessToken(customerAccessToken.accessToken, testKeyRing('gateway'));
    expect(viewer).toEqual({ role: 'customer', customerId });

    const me = await subgraph.request(ME, {}, viewer!);
    expect(me.data!.me).toMatchObject({ id: created.customer.id, email: 'ada@example.com', lastName: 'Lovelace', defaultAddress: null });
    expect(new Date(me.data!.me.createdAt).getTime()).not.toBeNaN();
  });

  it('answers `me` with null for an anonymous shopper', async () => {
    const me = await subgraph.request(ME);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toBeNull();
  });

  it('refuses an email already registered in another case, and stores no second row', async () => {
    await register({ email: 'grace@example.com', password });
    const again = await register({ email: 'GRACE@Example.com', password: 'another password' });
    expect(again.customer).toBeNull();
    expect(again.userErrors).toEqual([{ field: ['input', 'email'], code: 'TAKEN', message: expect.any(String) }]);
    expect(await countByEmail('grace@example.com')).toBe(1);
  });

  it('lets only one of two simultaneous registrations of an email succeed', async () => {
    const results = await Promise.all([
      register({ email: 'race@example.com', password }),
      register({ email: 'Race@example.com', password }),
    ]);
    expect(results.filter((r) => r.customer !== null)).toHaveLength(1);
    expect(results.flatMap((r) => r.userErrors.map((e: { code: string }) => e.code))).toEqual(['TAKEN']);
    expect(await countByEmail('race@example.com')).toBe(1);
  });

  it('refuses short, long and blank passwords, malformed emails and overlong names, writing nothing', async () => {
    const before = await subgraph.sql('select count(*) from customers.customer');
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ email: 'short@example.com', password: 'seven77' }, ['input', 'password'], 'PASSWORD_TOO_SHORT'],
      [{ email: 'long@example.com', password: 'x'.repeat(257) }, ['input', 'password'], 'PASSWORD_TOO_LONG'],
      [{ email: 'blank@example.com', password: '' }, ['input', 'password'], 'BLANK'],
      [{ email: 'not-an-email', password }, ['input', 'email'], 'INVALID'],
      [{ email: 'two@@example.com', password }, ['input', 'email'], 'INVALID'],
      [{ email: '   ', password }, ['input', 'email'], 'BLANK'],
      [{ email: 'name@example.com', password, firstName: 'x'.repeat(256) }, ['input', 'firstName'], 'TOO_LONG'],
    ];
    for (const [input, field, code] of cases) {
      const result = await register(input);
      expect(result.customer, code).toBeNull();
      expect(result.userErrors, JSON.stringify(input).slice(0, 60)).toEqual([{ field, code, message: expect.any(String) }]);
    }
    const both = await register({ email: 'nope', password: 'short' });
    expect(both.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID', 'PASSWORD_TOO_SHORT']);
    expect(await subgraph.sql('select count(*) from customers.customer')).toEqual(before);
  });

  it('never stores a password in clear: only a salted scrypt hash naming its parameters', async () => {
    await register({ email: 'hash-a@example.com', password });
    await register({ email: 'hash-b@example.com', password });
    const rows = await subgraph.sql<{ password_hash: string }>("select password_hash from customers.customer where email in ('hash-a@example.com', 'hash-b@example.com')",
    );
    expect(rows).toHaveLength(2);
    for (const { password_hash } of rows) {
      expect(password_hash).not.toContain(password);
      expect(password_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    }
    // Same password, different salts.
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
  });

  it('answers a wrong password and an unknown email with the same UNIDENTIFIED_CUSTOMER and no token', async () => {
    await register({ email: 'linus@example.com', password });
    const wrongPassword = await login('linus@example.com', 'not the password');
    const unknownEmail = await login('nobody@example.com', password);
    const blank = await login('', '');
    for (const result of [wrongPassword, unknownEmail, blank]) {
      expect(result.customerAccessToken).toBeNull();
      expect(result.userErrors).toEqual([{ field: null, code: 'UNIDENTIFIED_CUSTOMER', message: wrongPassword.userErrors[0].message }]);
    }
  });

  it('registers only plain customers, and logs staff in with the staff role in the token', async () => {
    const registered = await register({ email: 'plain@example.com', password });
    expect(await subgraph.sql("select role from customers.customer where email = 'plain@example.com'")).toEqual([{ role: 'customer' }]);
    expect((await verifyAccessToken((await login('plain@example.com', password)).customerAccessToken.accessToken, testKeyRing('gateway')))?.role).toBe('customer');
    // The input has no role: asking for one is refused before anything runs.
    const smuggled = await subgraph.request(REGISTER, { input: { email: 'sneaky@example.com', password, role: 'staff' } });
    expect(smuggled.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await countByEmail('sneaky@example.com')).toBe(0);
    expect(registered.customer).not.toBeNull();

    const em = subgraph.db.fork();
    const staff = em.create(Customer, {
      id: crypto.randomUUID(),
      email: 'clerk@example.com',
      passwordHash: await hashPassword('staff password 1'),
      role: 'staff',
    });
    await em.flush();
    const token = (await login('clerk@example.com', 'staff password 1')).customerAccessToken.accessToken;
    expect(await verifyAccessToken(token, testKeyRing('gateway'))).toEqual({ role: 'staff', customerId: staff.id });
  });
});

const UPDATE = `mutation ($input: CustomerUpdateInput!) {
  customerUpdate(input: $input) { customer { firstName lastName displayName email } userErrors { field message code } }
}`;

describe('customerUpdate', () => {
  it('changes only the fields given, clears with null, and needs a signed-in viewer', async () => {
    const { viewer } = await insertCustomer(subgraph, { email: 'rename@example.com', firstName: 'Old' });
    const renamed = await subgraph.request(UPDATE, { input: { lastName: 'Hopper' } }, viewer);
    expect(renamed.data!.customerUpdate).toEqual({
      customer: { firstName: 'Old', lastName: 'Hopper', displayName: 'Old Hopper', email: 'rename@example.com' },
      userErrors: [],
    });
    const cleared = await subgraph.request(UPDATE, { input: { firstName: null, lastName: '  ' } }, viewer);
    expect(cleared.data!.customerUpdate.customer).toMatchObject({ firstName: null, lastName: null, displayName: 'rename@example.com' });

    const tooLong = await subgraph.request(UPDATE, { input: { firstName: 'x'.repeat(256) } }, viewer);
    expect(tooLong.data!.customerUpdate.userErrors).toEqual([{ field: ['input', 'firstName'], code: 'TOO_LONG', message: expect.any(String) }]);

    const anonymous = await subgraph.request(UPDATE, { input: { firstName: 'Nobody' } });
    expect(anonymous.data!.customerUpdate).toEqual({
      customer: null,
      userErrors: [{ field: null, code: 'UNAUTHENTICATED', message: expect.any(String) }],
    });
    expect(await subgraph.sql("select first_name from customers.customer where email = 'rename@example.com'")).toEqual([{ first_name: null }]);
  });
});

const ENTITIES = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on Customer { id email displayName defaultAddress { city } addresses(first: 5) { nodes { city } } } }
}`;
const reps = (ids: string[]) => ({ reps: ids.map((id) => ({ __typename: 'Customer', id: toGlobalId('Customer', id) })) });

describe('Customer entities for other subgraphs', () => {
  it('shows a customer only to that customer and to staff', async () => {
    const owner = await insertCustomer(subgraph);
    const other = await insertCustomer(subgraph);
    const staff = await insertCustomer(subgraph, { role: 'staff' });
    const anonymous: Viewer = { role: 'anonymous', customerId: null };
    const seenBy = async (viewer: Viewer) => {
      const result = await subgraph.request(ENTITIES, reps([owner.id]), viewer);
      expect(result.errors).toBeUndefined();
      return result.data!._entities[0];
    };
    expect(await seenBy(owner.viewer)).toMatchObject({ id: toGlobalId('Customer', owner.id) });
    expect(await seenBy(staff.viewer)).toMatchObject({ id: toGlobalId('Customer', owner.id) });
    expect(await seenBy(other.viewer)).toBeNull();
    expect(await seenBy(anonymous)).toBeNull();
    const malformed = await subgraph.request(ENTITIES, { reps: [{ __typename: 'Customer', id: 'gid://commerce/Product/x' }] }, staff.viewer);
    expect(malformed.data!._entities).toEqual([null]);
  });

  it('resolves 50 customers with their addresses in as many statements as 5', async () => {
    const staff = await insertCustomer(subgraph, { role: 'staff' });
    const ids: string[] = [];
    const em = subgraph.db.fork();
    for (let i = 0; i < 50; i++) {
      const { id } = await insertCustomer(subgraph);
      ids.push(id);
      const address = em.create(Address, { id: crypto.randomUUID(), customerId: id, address1: `${i} Main St`, city: `City ${i}`, countryCode: 'US' });
      await em.flush();
      await em.nativeUpdate(Customer, { id }, { defaultAddressId: address.id });
    }
    const statements = async (n: number) => {
      subgraph.db.resetStatementCount();
      const result = await subgraph.request(ENTITIES, reps(ids.slice(0, n)), staff.viewer);
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toHaveLength(n);
      expect(result.data!._entities.at(-1).defaultAddress.city).toBe(`City ${n - 1}`);
      expect(result.data!._entities.at(-1).addresses.nodes).toEqual([{ city: `City ${n - 1}` }]);
      return subgraph.db.statementCount();
    };
    const five = await statements(5);
    const fifty = await statements(50);
    expect(fifty).toBe(five);
    // customers, default addresses, address books: one statement each.
    expect(fifty).toBe(3);
  });
});
