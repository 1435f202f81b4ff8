import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { createAddress, deleteAddress, setDefaultAddress, updateAddress } from '../services/address.service.ts';
import { createAccessToken, registerCustomer, updateCustomer } from '../services/customer.service.ts';
import { toPayloadErrors } from '../services/user-errors.ts';

/** Runs a mutation: its result with no userErrors, or, for an expected failure, nulls and the userErrors. */
async function payload<T extends object>(run: () => Promise<T>, empty: { [K in keyof T]: null }) {
  try {
    return { ...(await run()), userErrors: [] };
  } catch (error) {
    return { ...empty, userErrors: toPayloadErrors(error) };
  }
}

export const Mutation: MutationResolvers = {
  customerCreate: (_parent, { input }, { em }) =>
    payload(async () => ({ customer: await registerCustomer(em, input) }), { customer: null }),

  customerAccessTokenCreate: (_parent, { input }, { em, secrets }) =>
    payload(async () => {
      const { accessToken, expiresAt } = await createAccessToken(em, input, secrets.jwtSecret);
      return { customerAccessToken: { accessToken, expiresAt: expiresAt.toISOString() } };
    }, { customerAccessToken: null }),

  customerUpdate: (_parent, { input }, { em, viewer }) =>
    payload(async () => ({ customer: await updateCustomer(em, viewer, input) }), { customer: null }),

  customerAddressCreate: (_parent, { address }, { em, viewer }) =>
    payload(async () => ({ customerAddress: await createAddress(em, viewer, address) }), { customerAddress: null }),

  customerAddressUpdate: (_parent, { id, address }, { em, viewer }) =>
    payload(async () => ({ customerAddress: await updateAddress(em, viewer, id, address) }), { customerAddress: null }),

  customerAddressDelete: (_parent, { id }, { em, viewer }) =>
    payload(async () => ({ deletedCustomerAddressId: await deleteAddress(em, viewer, id) }), {
      deletedCustomerAddressId: null,
    }),

  customerDefaultAddressUpdate: (_parent, { addressId }, { em, viewer }) =>
    payload(async () => ({ customer: await setDefaultAddress(em, viewer, addressId) }), { customer: null }),
};
