import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessToken } from '#kit';
import { createTestDatabase, startTestSubgraph, testKeyRing, type TestSubgraph } from '#kit/testing/index.ts';
import { DEMO_CUSTOMER_EMAIL, DEMO_CUSTOMER_PASSWORD, seedCustomers } from '../src/seed.ts';
import { customers } from '../src/subgraph.ts';
import { LOGIN } from './helpers.ts';

let subgraph: TestSubgraph;
const STAFF = { staffEmail: 'Owner@Example.com', staffPassword: 'staff-password-for-tests' };

beforeAll(async () => {
  subgraph = await startTestSubgraph(customers, await createTestDatabase('customers_seed'));
});
afterAll(() => subgraph?.close());

async function login(email: string, password: string) {
  const result = await subgraph.request(LOGIN, { input: { email, password } });
  return verifyAccessToken(result.data!.customerAccessTokenCreate.customerAccessToken.accessToken, testKeyRing('gateway'));
}

describe('seedCustomers', () => {
  it('refuses a staff password that registration would refuse, leaving the tables empty', async () => {
    await expect(seedCustomers(subgraph.context(), { staffEmail: 'owner@example.com', staffPassword: 'short' })).rejects.toThrow(
      /Cannot create the staff account owner@example.com: Password is too short/,
    );
    expect(await subgraph.sql('select count(*)::int as n from customers.customer')).toEqual([{ n: 0 }]);
  });

  it('creates a staff account and a demo customer with a default address, once', async () => {
    expect(await seedCustomers(subgraph.context(), STAFF)).toEqual({ created: true });

    const accounts = await subgraph.sql('select email, role from customers.customer order by email');
    expect(accounts).toEqual([
      { email: DEMO_CUSTOMER_EMAIL, role: 'customer' },
      { email: 'owner@example.com', role: 'staff' },
    ]);
    const demoAddress = await subgraph.sql('select a.city, a.country_code from customers.address a join customers.customer c on c.default_address_id = a.id',
    );
    expect(demoAddress).toEqual([{ city: 'Ottawa', country_code: 'CA' }]);

    expect((await login('owner@example.com', STAFF.staffPassword))?.role).toBe('staff');
    expect((await login(DEMO_CUSTOMER_EMAIL, DEMO_CUSTOMER_PASSWORD))?.role).toBe('customer');

    expect(await seedCustomers(subgraph.context(), { staffEmail: 'someone-else@example.com', staffPassword: 'another-password' })).toEqual({
      created: false,
    });
    expect(await subgraph.sql('select count(*)::int as n from customers.customer')).toEqual([{ n: 2 }]);
  });
});
