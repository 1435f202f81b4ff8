import { money, toGlobalId } from '#kit';
import type { ShippingOptionResolvers } from '../generated/resolvers-types.ts';

export const ShippingOption: ShippingOptionResolvers = {
  // The rate's id: what the cart stores as the selected option and hands back to `shippingQuote`.
  id: (option) => toGlobalId('ShippingRate', option.rateId),
  price: (option) => money(option.priceMinor, option.currencyCode),
};
