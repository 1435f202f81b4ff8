import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId, type Viewer } from '#kit';
import { createTestDatabase, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { Address } from '../src/entities/address.entity.ts';
import { MAX_ADDRESSES } from '../src/services/address.service.ts';
import { customers } from '../src/subgraph.ts';
import {
  ADDRESS_CREATE,
  ADDRESS_DELETE,
  ADDRESS_UPDATE,
  DEFAULT_ADDRESS_UPDATE,
  insertCustomer,
  MY_ADDRESSES,
  } from './helpers.ts';

let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(customers, await createTestDatabase('customers_addresses'));
});
afterAll(() => subgraph?.close());

const OTTAWA = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  address1: '150 Elgin Street',
  address2: 'Suite 800',
  city: 'Ottawa',
  provinceCode: 'on',
  zip: 'K2P 1L4',
  countryCode: 'ca',
  phone: '+1 613-555-0100',
};

async function createAddress(viewer: Viewer, address: Record<string, unknown> = OTTAWA) {
  const result = await subgraph.request(ADDRESS_CREATE, { address }, viewer);
  expect(result.errors).toBeUndefined();
  return result.data!.customerAddressCreate;
}

const addressRows = (customerId: string) =>
  subgraph.sql('select * from customers.address where customer_id = ? order by created_at, id', [customerId]);

describe('address book', () => {
  it('creates a normalised address, makes the first one the default, and formats it', async () => {
    const { id, viewer } = await insertCustomer(subgraph);
    const created = await createAddress(viewer);
    expect(created.userErrors).toEqual([]);
    expect(created.customerAddress).toMatchObject({ ...OTTAWA, provinceCode: 'ON', countryCode: 'CA' });
    expect(created.customerAddress.formatted).toEqual([
      'Ada Lovelace',
      '150 Elgin Street',
      'Suite 800',
      'Ottawa ON K2P 1L4',
      'Canada',
    ]);
    const second = await createAddress(viewer, { address1: '1 Infinite Loop', city: 'Cupertino', countryCode: 'US' });
    expect(second.customerAddress).toMatchObject({ firstName: null, address2: null, phone: null });

    const mine = await subgraph.request(MY_ADDRESSES, {}, viewer);
    expect(mine.data!.me.defaultAddress).toEqual({ id: created.customerAddress.id });
    const book = mine.data!.me.addresses.nodes.map((node: { id: string }) => node.id).sort();
    expect(book).toEqual([created.customerAddress.id, second.customerAddress.id].sort());
    expect(await addressRows(id)).toHaveLength(2);
  });

  it('updates only the fields given, and only in the owner’s book', async () => {
    const a = await insertCustomer(subgraph);
    const b = await insertCustomer(subgraph);
    const { customerAddress } = await createAddress(a.viewer);
    const before = await addressRows(a.id);

    const updated = await subgraph.request(ADDRESS_UPDATE, { id: customerAddress.id, address: { city: 'Toronto', address2: null } }, a.viewer);
    expect(updated.data!.customerAddressUpdate.userErrors).toEqual([]);
    expect(updated.data!.customerAddressUpdate.customerAddress).toMatchObject({
      city: 'Toronto',
      address2: null,
      address1: OTTAWA.address1,
      countryCode: 'CA',
    });
    const afterOwnerUpdate = await addressRows(a.id);
    expect(afterOwnerUpdate[0]).toMatchObject({ city: 'Toronto', address2: null });

    const byOther = await subgraph.request(ADDRESS_UPDATE, { id: customerAddress.id, address: { city: 'Stolen' } }, b.viewer);
    expect(byOther.data!.customerAddressUpdate).toEqual({
      customerAddress: null,
      userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: expect.any(String) }],
    });
    // The same answer as for an address that never existed: nothing tells B that A's exists.
    const missing = await subgraph.request(ADDRESS_UPDATE, { id: toGlobalId('MailingAddress', crypto.randomUUID()), address: { city: 'X' } }, b.viewer);
    expect(missing.data!.customerAddressUpdate).toEqual(byOther.data!.customerAddressUpdate);
    expect(await addressRows(a.id)).toEqual(afterOwnerUpdate);
    expect(before[0]).not.toEqual(afterOwnerUpdate[0]);
  });

  it('deletes only the owner’s address, clearing the default when it was the default', async () => {
    const a = await insertCustomer(subgraph);
    const b = await insertCustomer(subgraph);
    const { customerAddress } = await createAddress(a.viewer);

    const byOther = await subgraph.request(ADDRESS_DELETE, { id: customerAddress.id }, b.viewer);
    expect(byOther.data!.customerAddressDelete).toEqual({
      deletedCustomerAddressId: null,
      userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: expect.any(String) }],
    });
    expect(await addressRows(a.id)).toHaveLength(1);

    const deleted = await subgraph.request(ADDRESS_DELETE, { id: customerAddress.id }, a.viewer);
    expect(deleted.data!.customerAddressDelete).toEqual({ deletedCustomerAddressId: customerAddress.id, userErrors: [] });
    expect(await addressRows(a.id)).toHaveLength(0);
    const me = await subgraph.request(MY_ADDRESSES, {}, a.viewer);
    expect(me.data!.me.defaultAddress).toBeNull();

    const again = await subgraph.request(ADDRESS_DELETE, { id: customerAddress.id }, a.viewer);
    expect(again.data!.customerAddressDelete.userErrors[0].code).toBe('NOT_FOUND');
  });

  it('sets the default address only to one of the owner’s own', async () => {
    const a = await insertCustomer(subgraph);
    const b = await insertCustomer(subgraph);
    const first = (await createAddress(a.viewer)).customerAddress;
    const second = (await createAddress(a.viewer, { address1: '2 Side St', city: 'Montréal', countryCode: 'CA' })).customerAddress;
    const bs = (await createAddress(b.viewer)).customerAddress;

    const changed = await subgraph.request(DEFAULT_ADDRESS_UPDATE, { addressId: second.id }, a.viewer);
    expect(changed.data!.customerDefaultAddressUpdate).toEqual({
      customer: { id: toGlobalId('Customer', a.id), defaultAddress: { id: second.id, city: 'Montréal' } },
      userErrors: [],
    });

    const othersAddress = await subgraph.request(DEFAULT_ADDRESS_UPDATE, { addressId: bs.id }, a.viewer);
    expect(othersAddress.data!.customerDefaultAddressUpdate.userErrors).toEqual([
      { field: ['addressId'], code: 'NOT_FOUND', message: expect.any(String) },
    ]);
    const defaults = await subgraph.sql('select id, default_address_id from customers.customer where id in (?, ?) order by id', [a.id, b.id]);
    const defaultOf = (id: string) => defaults.find((row) => row.id === id)!.default_address_id;
    expect(defaultOf(a.id)).toBe(second.id.split('/').at(-1));
    expect(defaultOf(b.id)).toBe(bs.id.split('/').at(-1));
    expect(first.id).not.toBe(second.id);
  });

  it('refuses every address mutation from an anonymous shopper', async () => {
    const owner = await insertCustomer(subgraph);
    const { customerAddress } = await createAddress(owner.viewer);
    const before = await subgraph.sql('select * from customers.address order by id');
    const anonymous = [
      [ADDRESS_CREATE, { address: OTTAWA }, 'customerAddressCreate'],
      [ADDRESS_UPDATE, { id: customerAddress.id, address: { city: 'X' } }, 'customerAddressUpdate'],
      [ADDRESS_DELETE, { id: customerAddress.id }, 'customerAddressDelete'],
      [DEFAULT_ADDRESS_UPDATE, { addressId: customerAddress.id }, 'customerDefaultAddressUpdate'],
    ] as const;
    for (const [mutation, variables, name] of anonymous) {
      const result = await subgraph.request(mutation, variables);
      expect(result.errors, name).toBeUndefined();
      expect(result.data![name].userErrors, name).toEqual([{ field: null, code: 'UNAUTHENTICATED', message: expect.any(String) }]);
    }
    expect(await subgraph.sql('select * from customers.address order by id')).toEqual(before);
  });

  it('reports every invalid field with its path and writes nothing', async () => {
    const { id, viewer } = await insertCustomer(subgraph);
    const bad = await createAddress(viewer, {
      address1: '  ',
      countryCode: 'Canada',
      zip: 'x'.repeat(21),
      phone: 'call me',
      provinceCode: 'O N',
      firstName: 'x'.repeat(256),
    });
    expect(bad.customerAddress).toBeNull();
    const errors = bad.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['address.countryCode', 'INVALID'],
        ['address.address1', 'BLANK'],
        ['address.city', 'BLANK'],
        ['address.zip', 'TOO_LONG'],
        ['address.phone', 'INVALID'],
        ['address.provinceCode', 'INVALID'],
        ['address.firstName', 'TOO_LONG'],
      ]),
    );
    expect(errors).toHaveLength(7);
    for (const countryCode of ['ZZ', 'X', '', 'C1']) {
      const result = await createAddress(viewer, { ...OTTAWA, countryCode });
      expect(result.userErrors.map((e: { field: string[] }) => e.field), countryCode).toEqual([['address', 'countryCode']]);
    }
    expect(await addressRows(id)).toEqual([]);

    const { customerAddress } = await createAddress(viewer);
    const before = await addressRows(id);
    const blanked = await subgraph.request(ADDRESS_UPDATE, { id: customerAddress.id, address: { city: null, countryCode: 'XX' } }, viewer);
    expect(blanked.data!.customerAddressUpdate.userErrors.map((e: { code: string }) => e.code).sort()).toEqual(['BLANK', 'INVALID']);
    expect(await addressRows(id)).toEqual(before);
  });

  it('caps the address book with ADDRESS_LIMIT_REACHED', async () => {
    const { id, viewer } = await insertCustomer(subgraph);
    const em = subgraph.db.fork();
    for (let i = 0; i < MAX_ADDRESSES; i++) {
      em.create(Address, { id: crypto.randomUUID(), customerId: id, address1: `${i} Main St`, city: 'Springfield', countryCode: 'US' });
    }
    await em.flush();
    const refused = await createAddress(viewer);
    expect(refused).toEqual({
      customerAddress: null,
      userErrors: [{ field: null, code: 'ADDRESS_LIMIT_REACHED', message: expect.any(String) }],
    });
    expect(await addressRows(id)).toHaveLength(MAX_ADDRESSES);
  });

  it('pages through the address book, oldest first, with keyset cursors', async () => {
    const { id: customerId, viewer } = await insertCustomer(subgraph);
    const ids: string[] = [];
    for (const city of ['A', 'B', 'C', 'D', 'E']) {
      ids.push((await createAddress(viewer, { address1: '1 Road', city, countryCode: 'GB' })).customerAddress.id);
    }
    const page = async (first: number, after?: string) => (await subgraph.request(MY_ADDRESSES, { first, after }, viewer)).data!.me.addresses;
    const idsOf = (connection: { nodes: { id: string }[] }) => connection.nodes.map((node) => node.id);
    // Oldest first; two addresses created in the same millisecond are ordered by id.
    const all = idsOf(await page(10));
    expect([...all].sort()).toEqual([...ids].sort());
    const stored = (await addressRows(customerId)).map((row) => toGlobalId('MailingAddress', row.id as string));
    expect(all).toEqual(stored);
    const one = await page(2);
    expect(idsOf(one)).toEqual(all.slice(0, 2));
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = await page(2, one.pageInfo.endCursor);
    expect(idsOf(two)).toEqual(all.slice(2, 4));
    const three = await page(2, two.pageInfo.endCursor);
    expect(idsOf(three)).toEqual(all.slice(4));
    expect(three.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const badCursor = await subgraph.request(MY_ADDRESSES, { first: 2, after: 'not a cursor' }, viewer);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
    const tooMany = await subgraph.request(MY_ADDRESSES, { first: 101 }, viewer);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['first'] });
  });

  it('is guarded by the database too: no foreign default address, no unknown role, no un-normalised email', async () => {
    const a = await insertCustomer(subgraph);
    const b = await insertCustomer(subgraph);
    const bs = (await createAddress(b.viewer)).customerAddress.id.split('/').at(-1);
    const violations = [
      ['update customers.customer set default_address_id = ? where id = ?', [bs, a.id]],
      ["update customers.customer set role = 'admin' where id = ?", [a.id]],
      ["update customers.customer set email = 'Mixed@Example.com' where id = ?", [a.id]],
      ["update customers.address set country_code = 'ca' where id = ?", [bs]],
    ] as const;
    for (const [statement, params] of violations) {
      await expect(subgraph.sql(statement, [...params]), statement).rejects.toThrow(/violates/);
    }
  });
});
