import { toGlobalId, tryParseGlobalId } from '#kit';
import type { CustomerResolvers } from '../generated/resolvers-types.ts';
import { openCartOf } from '../services/cart-read.service.ts';
import { seesCustomerCart } from '../services/ownership.ts';

/** The field cart contributes to customers' Customer: the open cart, for the customer and staff only. */
export const Customer: CustomerResolvers = {
  __resolveReference: (ref, { viewer }) => {
    const customerId = tryParseGlobalId(ref.id, 'Customer');
    return customerId ? { customerId, visible: seesCustomerCart(viewer, customerId) } : null;
  },
  id: (customer) => toGlobalId('Customer', customer.customerId),
  cart: (customer, _args, ctx) => (customer.visible ? openCartOf(ctx, customer.customerId) : null),
};
