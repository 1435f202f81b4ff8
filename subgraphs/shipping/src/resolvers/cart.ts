import type { CartResolvers } from '../generated/resolvers-types.ts';
import { CART_FIELD_PATHS, readParcel } from '../services/parcel.ts';
import { quoteShipping } from '../services/shipping-quote.service.ts';

/** `Cart.shippingOptions`, from the weight, subtotal, currency and destination the cart subgraph owns. */
export const Cart: CartResolvers = {
  // No query here: every cart of the request is priced from one load of the rate table. Async, so a
  // malformed representation fails its own entity, not every cart of the batch.
  __resolveReference: async (ref) => {
    const cart = ref as Record<string, unknown> & { id: string };
    if (cart.shippingCountryCode === null || cart.shippingCountryCode === undefined) return { id: cart.id, parcel: null };
    const parcel = readParcel(
      {
        weightGrams: cart.shippingWeightGrams,
        subtotalMinor: cart.shippingSubtotalMinor,
        currencyCode: cart.shippingCurrencyCode,
        countryCode: cart.shippingCountryCode,
        provinceCode: cart.shippingProvinceCode,
      },
      CART_FIELD_PATHS,
    );
    return { id: cart.id, parcel };
  },
  shippingOptions: (cart, _args, ctx) => (cart.parcel ? quoteShipping(ctx, cart.parcel) : []),
};
