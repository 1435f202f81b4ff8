import { ClientErrorCode, clientError, decodeCursor, readPageSize, toConnection, toGlobalId, tryParseGlobalId } from '#kit';
import type { Address } from '../entities/address.entity.ts';
import type { CustomerResolvers } from '../generated/resolvers-types.ts';

const cursorOf = (address: Address) => [address.createdAt.toISOString(), address.id] as const;

/** Rows strictly after the keyset position (createdAt, id), in the loader's (createdAt, id) order. */
function after(rows: Address[], cursor: string | null | undefined): Address[] {
  if (!cursor) return rows;
  const [createdAt, id] = decodeCursor(cursor, 2);
  const at = typeof createdAt === 'string' ? Date.parse(createdAt) : Number.NaN;
  if (Number.isNaN(at) || typeof id !== 'string') {
    throw clientError(ClientErrorCode.BAD_USER_INPUT, '`after` is not a valid cursor.', ['after']);
  }
  return rows.filter((row) => row.createdAt.getTime() > at || (row.createdAt.getTime() === at && row.id > id));
}

export const Customer: CustomerResolvers = {
  // Other subgraphs resolve Customer entities (an order's customer): only the account itself and staff see one.
  __resolveReference: (reference, { viewer, loaders }) => {
    const id = tryParseGlobalId(reference.id, 'Customer');
    // The account itself, staff, and the orders service (the confirmation email of a signed-in checkout).
    const allowed = viewer.role === 'staff' || viewer.customerId === id || (viewer.role === 'service' && viewer.service === 'orders');
    if (!id || !allowed) return null;
    return loaders.customerById.load(id);
  },
  id: (customer) => toGlobalId('Customer', customer.id),
  displayName: (customer) => [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email,
  defaultAddress: (customer, _args, { loaders }) =>
    customer.defaultAddressId ? loaders.addressById.load(customer.defaultAddressId) : null,
  addresses: async (customer, args, { loaders }) => {
    const limit = readPageSize(args.first);
    const rows = after(await loaders.addressesByCustomerId.load(customer.id), args.after);
    return toConnection(rows.slice(0, limit + 1), limit, cursorOf, Boolean(args.after));
  },
  createdAt: (customer) => customer.createdAt,
};
