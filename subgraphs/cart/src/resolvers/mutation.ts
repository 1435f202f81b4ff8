import { mutationPayload } from '#kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { createCartFrom, selectShippingOption, setBuyerIdentity, setDiscountCodes, setShippingAddress } from '../services/cart-details.service.ts';
import { abandonCheckout, startCheckout } from '../services/cart-checkout.service.ts';
import { addLines, removeLines, updateLines } from '../services/cart-lines.service.ts';

const NO_CART = { cart: null };

export const Mutation: MutationResolvers = {
  cartCreate: (_root, { input }, ctx) => mutationPayload(async () => ({ cart: await createCartFrom(ctx, input) }), NO_CART),
  cartLinesAdd: (_root, { cartId, lines }, ctx) => mutationPayload(async () => ({ cart: await addLines(ctx, cartId, lines) }), NO_CART),
  cartLinesUpdate: (_root, { cartId, lines }, ctx) => mutationPayload(async () => ({ cart: await updateLines(ctx, cartId, lines) }), NO_CART),
  cartLinesRemove: (_root, { cartId, lineIds }, ctx) => mutationPayload(async () => ({ cart: await removeLines(ctx, cartId, lineIds) }), NO_CART),
  cartDiscountCodesUpdate: (_root, { cartId, discountCodes }, ctx) =>
    mutationPayload(async () => ({ cart: await setDiscountCodes(ctx, cartId, discountCodes) }), NO_CART),
  cartBuyerIdentityUpdate: (_root, { cartId, buyerIdentity }, ctx) =>
    mutationPayload(async () => ({ cart: await setBuyerIdentity(ctx, cartId, buyerIdentity) }), NO_CART),
  cartShippingAddressUpdate: (_root, { cartId, address }, ctx) =>
    mutationPayload(async () => ({ cart: await setShippingAddress(ctx, cartId, address) }), NO_CART),
  cartSelectedShippingOptionUpdate: (_root, { cartId, shippingOptionId }, ctx) =>
    mutationPayload(async () => ({ cart: await selectShippingOption(ctx, cartId, shippingOptionId) }), NO_CART),
  // Internal: the orders service's side of a checkout (services/cart-checkout.service.ts).
  cartCheckoutStart: (_root, { cartId, orderId, revision }, ctx) =>
    mutationPayload(async () => ({ cart: await startCheckout(ctx, cartId, orderId, revision) }), NO_CART),
  cartCheckoutAbandon: (_root, { cartId, orderId }, ctx) => mutationPayload(async () => ({ cart: await abandonCheckout(ctx, cartId, orderId) }), NO_CART),
};
