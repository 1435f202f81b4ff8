import { mutationPayload } from '#kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { createAddress, deleteAddress, setDefaultAddress, updateAddress } from '../services/address.service.ts';
import { createAccessToken, registerCustomer, updateCustomer } from '../services/customer.service.ts';
import { createPartnerApiKey, revokePartnerApiKey } from '../services/partner-api-key.service.ts';

export const Mutation: MutationResolvers = {
  customerCreate: (_parent, { input }, ctx) =>
    mutationPayload(async () => ({ customer: await registerCustomer(ctx, input) }), { customer: null }),

  customerAccessTokenCreate: (_parent, { input }, ctx) =>
    mutationPayload(async () => ({ customerAccessToken: await createAccessToken(ctx, input) }), { customerAccessToken: null }),

  customerUpdate: (_parent, { input }, ctx) =>
    mutationPayload(async () => ({ customer: await updateCustomer(ctx, input) }), { customer: null }),

  customerAddressCreate: (_parent, { address }, ctx) =>
    mutationPayload(async () => ({ customerAddress: await createAddress(ctx, address) }), { customerAddress: null }),

  customerAddressUpdate: (_parent, { id, address }, ctx) =>
    mutationPayload(async () => ({ customerAddress: await updateAddress(ctx, id, address) }), { customerAddress: null }),

  customerAddressDelete: (_parent, { id }, ctx) =>
    mutationPayload(async () => ({ deletedCustomerAddressId: await deleteAddress(ctx, id) }), { deletedCustomerAddressId: null }),

  customerDefaultAddressUpdate: (_parent, { addressId }, ctx) =>
    mutationPayload(async () => ({ customer: await setDefaultAddress(ctx, addressId) }), { customer: null }),

  partnerApiKeyCreate: (_parent, { input }, ctx) => mutationPayload(() => createPartnerApiKey(ctx, input), { apiKey: null, secret: null }),

  partnerApiKeyRevoke: (_parent, { id }, ctx) =>
    mutationPayload(async () => ({ apiKey: await revokePartnerApiKey(ctx, id) }), { apiKey: null }),
};
