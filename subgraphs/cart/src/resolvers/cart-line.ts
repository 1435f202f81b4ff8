import { money, toGlobalId } from '#kit';
import type { CartLineResolvers } from '../generated/resolvers-types.ts';

export const CartLine: CartLineResolvers = {
  id: (line) => toGlobalId('CartLine', line.id),
  merchandise: (line) => ({ id: toGlobalId('ProductVariant', line.variantId) }),
  cost: (line) => ({
    amountPerQuantity: money(line.unitPriceMinor, line.currencyCode),
    totalAmount: money(line.unitPriceMinor * line.quantity, line.currencyCode),
  }),
};
