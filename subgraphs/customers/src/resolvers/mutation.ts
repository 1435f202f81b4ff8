import { mutationPayload } from '#kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { createAddress, deleteAddress, setDefaultAddress, updateAddress } from '../services/address.service.ts';
import { createAccessToken, registerCustomer, updateCustomer } from '../services/customer.service.ts';

export const Mutation: MutationResolvers = {
  customerCreate: (_parent, { input }, { em }) =>
    mutationPayload(async () => ({ customer: await registerCustomer(em, input) }), { customer: null }),

  customerAccessTokenCreate: (_parent, { input }, { em, secrets }) =>
    mutationPayload(async () => {
      const { accessToken, expiresAt } = await createAccessToken(em, input, secrets.jwtSecret);
      return { customerAccessToken: { accessToken, expiresAt } };
    }, { customerAccessToken: null }),

  customerUpdate: (_parent, { input }, { em, viewer }) =>
    mutationPayload(async () => ({ customer: await updateCustomer(em, viewer, input) }), { customer: null }),

  customerAddressCreate: (_parent, { address }, { em, viewer }) =>
    mutationPayload(async () => ({ customerAddress: await createAddress(em, viewer, address) }), { customerAddress: null }),

  customerAddressUpdate: (_parent, { id, address }, { em, viewer }) =>
    mutationPayload(async () => ({ customerAddress: await updateAddress(em, viewer, id, address) }), { customerAddress: null }),

  customerAddressDelete: (_parent, { id }, { em, viewer }) =>
    mutationPayload(async () => ({ deletedCustomerAddressId: await deleteAddress(em, viewer, id) }), {
      deletedCustomerAddressId: null,
    }),

  customerDefaultAddressUpdate: (_parent, { addressId }, { em, viewer }) =>
    mutationPayload(async () => ({ customer: await setDefaultAddress(em, viewer, addressId) }), { customer: null }),
};
