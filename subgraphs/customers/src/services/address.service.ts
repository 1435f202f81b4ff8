import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { assertNoInputErrors, DomainError, readAddressInput, toGlobalId, tryParseGlobalId, type AddressFields, type MailingAddressInput, type RequestContext } from '#kit';
import { Address } from '../entities/address.entity.ts';
import { Customer } from '../entities/customer.entity.ts';
import { requireCustomer, requireSignedIn } from './customer.service.ts';

/** An address book larger than this is a script, not a shopper; it also bounds what the loader reads. */
export const MAX_ADDRESSES = 50;

function fieldsOf(address: Address): AddressFields {
  return {
    firstName: address.firstName ?? null,
    lastName: address.lastName ?? null,
    address1: address.address1,
    address2: address.address2 ?? null,
    city: address.city,
    provinceCode: address.provinceCode ?? null,
    zip: address.zip ?? null,
    countryCode: address.countryCode,
    phone: address.phone ?? null,
  };
}

/** Another customer's address, a deleted one and a malformed id all read the same: nothing reveals which. */
function notFound(field: string[]): DomainError {
  return new DomainError('NOT_FOUND', 'No such address in your address book.', field);
}

async function findOwnAddress(em: EntityManager, customerId: string, id: string, field: string[]): Promise<Address> {
  const localId = tryParseGlobalId(id, 'MailingAddress');
  const address = localId ? await em.findOne(Address, { id: localId, customerId }) : null;
  if (!address) throw notFound(field);
  return address;
}

export async function createAddress(ctx: RequestContext, input: MailingAddressInput): Promise<Address> {
  const customerId = requireSignedIn(ctx.viewer);
  const { fields, errors } = readAddressInput(input);
  assertNoInputErrors(errors);
  return ctx.transaction(async ({ em: tx }) => {
    // Locking the owner serialises concurrent creates, so the cap and the first-is-default rule hold.
    const customer = await tx.findOne(Customer, { id: customerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!customer) throw new DomainError('UNAUTHENTICATED', 'You must be signed in to do this.');
    if ((await tx.count(Address, { customerId })) >= MAX_ADDRESSES) {
      throw new DomainError('ADDRESS_LIMIT_REACHED', `An address book holds at most ${MAX_ADDRESSES} addresses.`);
    }
    const address = tx.create(Address, { id: crypto.randomUUID(), customerId, ...fields });
    // Insert the address before pointing the customer at it: the default's foreign key checks at once.
    await tx.flush();
    customer.defaultAddressId ??= address.id;
    return address;
  });
}

export async function updateAddress(ctx: RequestContext, id: string, input: MailingAddressInput): Promise<Address> {
  const { em } = ctx;
  const customerId = requireSignedIn(ctx.viewer);
  const address = await findOwnAddress(em, customerId, id, ['id']);
  const { fields, errors } = readAddressInput(input, { base: fieldsOf(address) });
  assertNoInputErrors(errors);
  em.assign(address, fields);
  await em.flush();
  return address;
}

/** Deletes one of the viewer's addresses; the database clears the default if it was this one. */
export async function deleteAddress(ctx: RequestContext, id: string): Promise<string> {
  const customerId = requireSignedIn(ctx.viewer);
  const localId = tryParseGlobalId(id, 'MailingAddress');
  const deleted = localId ? await ctx.em.nativeDelete(Address, { id: localId, customerId }) : 0;
  if (!localId || deleted === 0) throw notFound(['id']);
  return toGlobalId('MailingAddress', localId);
}

export async function setDefaultAddress(ctx: RequestContext, addressId: string): Promise<Customer> {
  const customer = await requireCustomer(ctx);
  const address = await findOwnAddress(ctx.em, customer.id, addressId, ['addressId']);
  customer.defaultAddressId = address.id;
  await ctx.em.flush();
  return customer;
}
