import { toGlobalId } from '#kit';
import type { MailingAddressResolvers } from '../generated/resolvers-types.ts';
import { formatAddress } from '../services/address-format.ts';

export const MailingAddress: MailingAddressResolvers = {
  id: (address) => toGlobalId('MailingAddress', address.id),
  formatted: (address, args) => formatAddress(address, args.withName ?? false),
};
