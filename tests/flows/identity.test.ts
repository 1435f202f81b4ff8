import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentitySigner, IDENTITY_HEADER, issueAccessToken } from '#kit';
import { postGraphQL, testKeyRing, untrustedKeyRing } from '#kit/testing/index.ts';
import { STAFF, startTestSupergraph, type TestSupergraph } from '../support/supergraph.ts';

let system: TestSupergraph;

beforeAll(async () => {
  system = await startTestSupergraph({ seed: 'small' });
});
afterAll(() => system?.close());

const REGISTER = `mutation ($input: CustomerCreateInput!) {
  customerCreate(input: $input) { customer { id email } userErrors { field message code } }
}`;
const LOGIN = `mutation ($input: CustomerAccessTokenCreateInput!) {
  customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken expiresAt } userErrors { field message code } }
}`;
const ME = `{ me { id email firstName } }`;

async function login(email: string, password: string) {
  const result = await system.request(LOGIN, { input: { email, password } });
  expect(result.errors).toBeUndefined();
  return result.data!.customerAccessTokenCreate;
}

describe('identity through the gateway', () => {
  const email = 'ada@example.com';
  const password = 'correct horse battery staple';

  it('registers, logs in and answers `me` for the token holder', async () => {
    const created = await system.request(REGISTER, { input: { email, password, firstName: 'Ada', lastName: 'Lovelace' } });
    expect(created.data!.customerCreate.userErrors).toEqual([]);
    const { customerAccessToken, userErrors } = await login(email, password);
    expect(userErrors).toEqual([]);
    expect(new Date(customerAccessToken.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await system.request(ME, {}, customerAccessToken.accessToken);
    expect(me.data!.me).toMatchObject({ email, firstName: 'Ada', id: created.data!.customerCreate.customer.id });
  });

  it('gives no token for a wrong password', async () => {
    const { customerAccessToken, userErrors } = await login(email, 'not the password');
    expect(customerAccessToken).toBeNull();
    expect(userErrors[0].code).toBe('UNIDENTIFIED_CUSTOMER');
  });

  it('treats a forged or expired token as no identity', async () => {
    const { customerAccessToken } = await login(email, password);
    const customerId = (await system.request(ME, {}, customerAccessToken.accessToken)).data!.me.id.split('/').at(-1);
    // Signed by any key but customers': another subgraph's, the gateway's, or one nobody trusts.
    const forged = await Promise.all(
      [testKeyRing('products'), testKeyRing('gateway'), untrustedKeyRing('customers')].map((keys) => issueAccessToken({ customerId, role: 'staff' }, keys)),
    );
    const expired = await issueAccessToken({ customerId, role: 'customer' }, testKeyRing('customers'), -60);
    const tampered = customerAccessToken.accessToken.slice(0, -4) + 'AAAA';
    for (const token of [...forged.map((f) => f.accessToken), expired.accessToken, tampered, 'not-a-jwt']) {
      const me = await system.request(ME, {}, token);
      expect(me.errors).toBeUndefined();
      expect(me.data!.me).toBeNull();
    }
  });

  it('refuses identity sent straight to a subgraph without the gateway signature', async () => {
    const customers = system.subgraphs.customers!.url;
    const staff = { role: 'staff' as const, customerId: crypto.randomUUID() };
    const unsigned = await postGraphQL(customers, ME, {}, { [IDENTITY_HEADER]: JSON.stringify({ role: 'staff', sub: 'x' }) });
    const forged = await postGraphQL(customers, ME, {}, { [IDENTITY_HEADER]: await createIdentitySigner(untrustedKeyRing('gateway'))(staff, 'customers') });
    for (const result of [unsigned, forged]) {
      expect(result.status).toBe(401);
      expect(result.data ?? null).toBeNull();
      expect(result.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets staff adjust stock through the gateway, and refuses customers', async () => {
    const staff = (await login(STAFF.email, STAFF.password)).customerAccessToken.accessToken;
    const customer = (await login(email, password)).customerAccessToken.accessToken;
    const locations = await system.request(`{ locations(first: 5) { nodes { id fulfillsOnlineOrders } } }`);
    const warehouse = locations.data!.locations.nodes.find((l: { fulfillsOnlineOrders: boolean }) => l.fulfillsOnlineOrders);
    const product = await system.request(`{ products(first: 1) { nodes { variants(first: 1) { nodes { id quantityAvailable } } } } }`);
    const variant = product.data!.products.nodes[0].variants.nodes[0];
    const adjust = `mutation ($input: InventoryAdjustQuantityInput!) {
      inventoryAdjustQuantity(input: $input) { stockLevel { onHand } userErrors { field code message } }
    }`;
    const input = { variantId: variant.id, locationId: warehouse.id, delta: 5, reason: 'RECEIVED' };

    const refused = await system.request(adjust, { input }, customer);
    expect(refused.data!.inventoryAdjustQuantity.userErrors[0].code).toBe('FORBIDDEN');

    const done = await system.request(adjust, { input }, staff);
    expect(done.data!.inventoryAdjustQuantity.userErrors).toEqual([]);
    const after = await system.request(`query ($id: ID!) { product(id: $id) { id } }`, { id: 'gid://commerce/Product/00000000-0000-0000-0000-000000000000' });
    expect(after.data!.product).toBeNull();
    const again = await system.request(`{ products(first: 1) { nodes { variants(first: 1) { nodes { id quantityAvailable } } } } }`);
    expect(again.data!.products.nodes[0].variants.nodes[0].quantityAvailable).toBe(variant.quantityAvailable + 5);
  });
});
