import { money, toGlobalId, tryParseGlobalId } from '#kit';
import type { CartResolvers } from '../generated/resolvers-types.ts';
import { visibleCart } from '../services/cart-read.service.ts';
import { cartWarnings } from '../services/warnings.service.ts';

export const Cart: CartResolvers = {
  // The gateway asks for a cart's fields (shipping's @requires ones too) as the person asking: the
  // same visibility as `Query.cart`.
  __resolveReference: (ref, ctx) => {
    const id = tryParseGlobalId(ref.id, 'Cart');
    return id ? visibleCart(ctx, id) : null;
  },
  id: (cart) => toGlobalId('Cart', cart.id),
  lines: (cart, _args, ctx) => ctx.loaders.linesByCartId.load(cart.id),
  totalQuantity: async (cart, _args, ctx) => (await ctx.loaders.linesByCartId.load(cart.id)).reduce((sum, line) => sum + line.quantity, 0),
  warnings: (cart, _args, ctx) => cartWarnings(ctx, cart),
  discountCodes: async (cart, _args, ctx) =>
    (await ctx.loaders.totalsOf.load(cart)).discounts.codes.map(({ code, applicable }) => ({ code, applicable })),
  selectedShippingOption: (cart) =>
    cart.shippingOptionId
      ? {
          id: cart.shippingOptionId,
          title: cart.shippingOptionTitle!,
          carrier: cart.shippingOptionCarrier!,
          price: money(cart.shippingOptionPriceMinor!, cart.currencyCode),
          estimatedDays: cart.shippingOptionEstimatedDays ?? null,
        }
      : null,
  cost: async (cart, _args, ctx) => {
    const totals = await ctx.loaders.totalsOf.load(cart);
    const of = (minor: number) => money(minor, totals.currencyCode);
    return {
      subtotalAmount: of(totals.subtotal),
      discountAmount: of(totals.discount),
      shippingAmount: of(totals.shipping),
      totalTaxAmount: of(totals.tax),
      totalAmount: of(totals.total),
    };
  },
  buyerIdentity: (cart) => ({
    email: cart.email ?? null,
    countryCode: cart.buyerCountryCode ?? null,
    customer: cart.customerId ? { customerId: cart.customerId, visible: true } : null,
  }),
  shippingAddress: (cart) =>
    cart.shipAddress1
      ? {
          firstName: cart.shipFirstName ?? null,
          lastName: cart.shipLastName ?? null,
          address1: cart.shipAddress1,
          address2: cart.shipAddress2 ?? null,
          city: cart.shipCity!,
          provinceCode: cart.shipProvinceCode ?? null,
          zip: cart.shipZip ?? null,
          countryCode: cart.shipCountryCode!,
          phone: cart.shipPhone ?? null,
        }
      : null,
  location: (cart) => (cart.locationId ? { id: toGlobalId('Location', cart.locationId) } : null),
  shippingWeightGrams: async (cart, _args, ctx) =>
    (await ctx.loaders.linesByCartId.load(cart.id)).reduce((sum, line) => sum + line.weightGrams * line.quantity, 0),
  shippingSubtotalMinor: async (cart, _args, ctx) => (await ctx.loaders.totalsOf.load(cart)).discountedSubtotal,
  shippingCurrencyCode: (cart) => cart.currencyCode,
  shippingCountryCode: (cart) => cart.shipCountryCode ?? null,
  shippingProvinceCode: (cart) => cart.shipProvinceCode ?? null,
};
