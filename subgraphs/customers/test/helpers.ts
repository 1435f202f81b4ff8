import type { Viewer } from '#kit';
import type { TestSubgraph } from '#kit/testing/index.ts';
import { Customer, type CustomerRole } from '../src/entities/customer.entity.ts';
import { DUMMY_HASH } from '../src/services/password.ts';

export const REGISTER = `mutation ($input: CustomerCreateInput!) {
  customerCreate(input: $input) { customer { id email firstName lastName displayName } userErrors { field message code } }
}`;
export const LOGIN = `mutation ($input: CustomerAccessTokenCreateInput!) {
  customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken expiresAt } userErrors { field message code } }
}`;
export const ME = `{ me { id email firstName lastName displayName createdAt defaultAddress { id } } }`;

const ADDRESS_FIELDS = 'id firstName lastName address1 address2 city provinceCode zip countryCode phone formatted(withName: true)';
export const ADDRESS_CREATE = `mutation ($address: MailingAddressInput!) {
  customerAddressCreate(address: $address) { customerAddress { ${ADDRESS_FIELDS} } userErrors { field message code } }
}`;
export const ADDRESS_UPDATE = `mutation ($id: ID!, $address: MailingAddressInput!) {
  customerAddressUpdate(id: $id, address: $address) { customerAddress { ${ADDRESS_FIELDS} } userErrors { field message code } }
}`;
export const ADDRESS_DELETE = `mutation ($id: ID!) {
  customerAddressDelete(id: $id) { deletedCustomerAddressId userErrors { field message code } }
}`;
export const DEFAULT_ADDRESS_UPDATE = `mutation ($addressId: ID!) {
  customerDefaultAddressUpdate(addressId: $addressId) { customer { id defaultAddress { id city } } userErrors { field message code } }
}`;
export const MY_ADDRESSES = `query ($first: Int, $after: String) {
  me { defaultAddress { id } addresses(first: $first, after: $after) {
    edges { cursor node { id city } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }
}`;

/**
 * An account inserted directly, for tests about something other than registration: it skips scrypt
 * (its hash matches no password anyone knows), so dozens cost milliseconds.
 */
export async function insertCustomer(
  subgraph: TestSubgraph,
  fields: { email?: string; role?: CustomerRole; firstName?: string } = {},
): Promise<{ id: string; viewer: Viewer }> {
  const em = subgraph.db.fork();
  const role = fields.role ?? 'customer';
  const customer = em.create(Customer, {
    id: crypto.randomUUID(),
    email: fields.email ?? `${crypto.randomUUID()}@example.com`,
    firstName: fields.firstName ?? null,
    passwordHash: DUMMY_HASH,
    role,
  });
  await em.flush();
  return { id: customer.id, viewer: { role, customerId: customer.id } };
}

/** Runs SQL in the subgraph's own schema, to look at rows as the database holds them. */
