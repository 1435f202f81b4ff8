import { DomainError, InputErrors, parseMinorUnits, toGlobalId, tryParseGlobalId, userError, type RequestContext } from '#kit';
import type { OrderAddress } from '../entities/order.entity.ts';
import { OrderEvent } from './order-events.ts';

/** Cart warnings that mean the cart cannot be sold as it is; others (price changes, shipping) are informative. */
const BLOCKING_WARNINGS = new Set(['MERCHANDISE_OUT_OF_STOCK', 'MERCHANDISE_NOT_ENOUGH_STOCK', 'MERCHANDISE_UNAVAILABLE']);
/**
 * At a store's till the cart's stock warnings (online availability: warehouses) say nothing about the
 * shelf the clerk sells from; the reservation at the store decides. A product no longer sold still blocks.
 */
const BLOCKING_AT_TILL = new Set(['MERCHANDISE_UNAVAILABLE']);

const MONEY = 'amount currencyCode';
const CART_QUERY = `query ($id: ID!) { cart(id: $id) {
  id
  revision
  lines { id quantity merchandise { id } cost { amountPerQuantity { ${MONEY} } totalAmount { ${MONEY} } } }
  warnings { code message target }
  cost { subtotalAmount { ${MONEY} } discountAmount { ${MONEY} } shippingAmount { ${MONEY} } totalTaxAmount { ${MONEY} } totalAmount { ${MONEY} } }
  buyerIdentity { email customer { id } }
  shippingAddress { firstName lastName address1 address2 city provinceCode zip countryCode phone }
  location { id }
} }`;

interface MoneyIn {
  amount: string;
  currencyCode: string;
}
interface CartIn {
  id: string;
  revision: number;
  lines: { id: string; quantity: number; merchandise: { id: string }; cost: { amountPerQuantity: MoneyIn; totalAmount: MoneyIn } }[];
  warnings: { code: string; message: string; target: string }[];
  cost: { subtotalAmount: MoneyIn; discountAmount: MoneyIn; shippingAmount: MoneyIn; totalTaxAmount: MoneyIn; totalAmount: MoneyIn };
  buyerIdentity: { email: string | null; customer: { id: string } | null };
  shippingAddress: OrderAddress | null;
  location: { id: string } | null;
}

/** A cart as checkout sells it: amounts in minor units (the cart's own, never recomputed here). */
export interface CheckoutCart {
  cartId: string;
  /** The cart's revision as read: `cartCheckoutStart` refuses if the cart changed since. */
  revision: number;
  /** The cart owner's customer uuid; null for a guest cart. */
  ownerId: string | null;
  /** A till cart's store (`Cart.location`), its location uuid in lower case; null for an online cart. */
  storeId: string | null;
  email: string | null;
  shippingAddress: OrderAddress | null;
  currencyCode: string;
  subtotalMinor: number;
  discountsMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  lines: { cartLineId: string; variantId: string; quantity: number; unitPriceMinor: number; totalMinor: number }[];
}

/**
 * Whose cart may be sold: at checkout the viewer's own (`customerId`, null for a guest); at a store's
 * till (`atTill`) any open cart, since staff may change any cart: a guest cart the clerk built for a
 * walk-in shopper (staff never claim carts), or a customer's own cart brought to the till.
 */
export type CartSeller = { customerId: string | null; atTill?: false } | { atTill: true };

/**
 * The cart from its owner, checked for checkout: the seller's to sell (see CartSeller), not empty, no
 * blocking warnings. The email is the cart's, else the signed-in owner's account email.
 */
export async function readCheckoutCart(ctx: RequestContext<unknown>, cartGid: string, seller: string | null | CartSeller): Promise<CheckoutCart> {
  const rules: CartSeller = seller === null || typeof seller === 'string' ? { customerId: seller } : seller;
  const cart = await ctx.services.query<{ cart: CartIn | null }>('cart', CART_QUERY, { id: cartGid }).then((data) => data.cart);
  if (!cart) throw new DomainError('NOT_FOUND', 'No such cart.', ['cartId']);
  // A till cart's stock was checked at its store's shelf, not online: online it would reserve from the
  // warehouses what the store promised. It is sold at the till (posCheckoutComplete), where the store's reservation decides.
  if (!rules.atTill && cart.location) {
    throw new DomainError('CART_AT_STORE', 'This cart is rung up at a store and is sold at its till, not checked out online.', ['cartId']);
  }
  const ownerId = cart.buyerIdentity.customer ? tryParseGlobalId(cart.buyerIdentity.customer.id, 'Customer') : null;
  // Only the cart's owner checks out a customer's cart; a guest cart only a guest (a signed-in customer claims it first).
  if (!rules.atTill && ownerId !== rules.customerId) {
    if (ownerId === null) throw new DomainError('CART_NOT_CLAIMED', 'Add this cart to your account before checking out (cartBuyerIdentityUpdate).', ['cartId']);
    throw new DomainError('NOT_FOUND', 'No such cart.', ['cartId']);
  }
  if (cart.lines.length === 0) throw new DomainError('EMPTY_CART', 'The cart is empty.', ['cartId']);
  const blockingCodes = rules.atTill ? BLOCKING_AT_TILL : BLOCKING_WARNINGS;
  const blocking = cart.warnings.filter((warning) => blockingCodes.has(warning.code));
  if (blocking.length > 0) throw new InputErrors(blocking.map((warning) => userError('CART_HAS_WARNINGS', warning.message, ['cartId'])));

  let email = cart.buyerIdentity.email;
  if (!email && cart.buyerIdentity.customer) {
    const owner = await ctx.services.entity<{ email: string }>('customers', 'Customer', 'email', cart.buyerIdentity.customer.id);
    email = owner?.email ?? null;
  }
  const currencyCode = cart.cost.totalAmount.currencyCode;
  const minor = (value: MoneyIn): number => {
    const parsed = value.currencyCode === currencyCode ? parseMinorUnits(value.amount, currencyCode) : null;
    if (parsed === null) throw new Error(`cart answered an amount this service cannot read: ${value.amount} ${value.currencyCode}`);
    return parsed;
  };
  return {
    cartId: tryParseGlobalId(cart.id, 'Cart') ?? cart.id,
    revision: cart.revision,
    ownerId,
    storeId: cart.location ? (tryParseGlobalId(cart.location.id, 'Location')?.toLowerCase() ?? null) : null,
    email,
    shippingAddress: cart.shippingAddress,
    currencyCode,
    subtotalMinor: minor(cart.cost.subtotalAmount),
    discountsMinor: minor(cart.cost.discountAmount),
    shippingMinor: minor(cart.cost.shippingAmount),
    taxMinor: minor(cart.cost.totalTaxAmount),
    totalMinor: minor(cart.cost.totalAmount),
    lines: cart.lines.map((line) => {
      const variantId = tryParseGlobalId(line.merchandise.id, 'ProductVariant');
      if (!variantId) throw new Error(`cart answered a line without a variant id: ${line.id}`);
      return { cartLineId: line.id, variantId, quantity: line.quantity, unitPriceMinor: minor(line.cost.amountPerQuantity), totalMinor: minor(line.cost.totalAmount) };
    }),
  };
}

/** "Product — Variant" per line, from products (one batched `_entities` call), as the shopper saw them. */
export async function titlesOf(ctx: RequestContext<unknown>, variantGids: string[]): Promise<(string | null)[]> {
  const variants = await Promise.all(
    variantGids.map((id) => ctx.services.entity<{ title: string; product: { title: string } }>('products', 'ProductVariant', 'title product { title }', id)),
  );
  return variants.map((variant) => (variant ? `${variant.product.title} — ${variant.title}` : null));
}

const START = `mutation ($cartId: ID!, $orderId: ID!, $revision: Int!) {
  cartCheckoutStart(cartId: $cartId, orderId: $orderId, revision: $revision) { userErrors { code message } }
}`;
const ABANDON = `mutation ($cartId: ID!, $orderId: ID!) {
  cartCheckoutAbandon(cartId: $cartId, orderId: $orderId) { userErrors { code message } }
}`;

/** Cart's refusals of `cartCheckoutStart` that are the buyer's to hear, as checkout answers them (on `cartId`). */
const START_REFUSALS: Record<string, string> = {
  NOT_FOUND: 'No such cart.',
  CART_CHECKOUT_IN_PROGRESS: 'This cart is already being checked out for another order awaiting payment.',
  CART_COMPLETED: 'This cart was already ordered and paid.',
  CART_CHANGED: 'The cart changed while it was being checked out; review it and check out again.',
};

/**
 * Detaches the cart for this order (cart's `cartCheckoutStart`): from now on the cart is read-only and no
 * longer its customer's open cart, so the order is made of exactly what was read (`revision`), and what the
 * buyer does next goes to a new cart. Cart completes it when the order is paid and opens it again when the
 * order is cancelled unpaid; if this checkout fails before the order exists, `abandonCartCheckout`. The
 * same order id again (a retried key) is accepted; another pending order of the cart answers
 * CART_CHECKOUT_IN_PROGRESS, so a cart never has two orders awaiting payment.
 */
export async function startCartCheckout(ctx: RequestContext<unknown>, cart: CheckoutCart, orderGid: string): Promise<void> {
  const result = await ctx.services.query<{ cartCheckoutStart: { userErrors: { code: string; message: string }[] } }>('cart', START, {
    cartId: toGlobalId('Cart', cart.cartId),
    orderId: orderGid,
    revision: cart.revision,
  });
  const [refusal] = result.cartCheckoutStart.userErrors;
  if (!refusal) return;
  const message = START_REFUSALS[refusal.code];
  if (!message) throw new Error(`cartCheckoutStart refused: ${refusal.code}: ${refusal.message}`);
  throw new DomainError(refusal.code, message, ['cartId']);
}

/**
 * Gives the cart back after a checkout that failed before its order existed (the saga's compensation):
 * `cartCheckoutAbandon` at once, so the buyer can change the cart and retry straight away. If cart cannot
 * be reached, `orders.checkout.abandoned` is emitted instead (the outbox delivers it once cart is back;
 * cart releases the cart the same way). False only when neither worked (the database is failing too):
 * the caller then keeps the key's claim, and `releaseAbandonedCheckouts` deals with it later.
 */
export async function abandonCartCheckout(ctx: RequestContext<unknown>, cartId: string, orderGid: string, reason: string): Promise<boolean> {
  try {
    const result = await ctx.services.query<{ cartCheckoutAbandon: { userErrors: { code: string }[] } }>('cart', ABANDON, {
      cartId: toGlobalId('Cart', cartId),
      orderId: orderGid,
    });
    // NOT_FOUND: nothing of the cart's to give back.
    if (result.cartCheckoutAbandon.userErrors.length > 0) ctx.log.warn({ cartId, orderGid, errors: result.cartCheckoutAbandon.userErrors }, 'checkout compensation: cart release refused');
    return true;
  } catch (error) {
    ctx.log.warn({ err: error, cartId, orderGid }, 'checkout compensation: cart not reached; releasing it through orders.checkout.abandoned');
  }
  try {
    await ctx.transaction((tx) => tx.emit(OrderEvent.CHECKOUT_ABANDONED, checkoutAbandoned(cartId, orderGid, reason)));
    return true;
  } catch (error) {
    ctx.log.error({ err: error, cartId, orderGid }, 'checkout compensation: cart not released; the claim is kept for release-abandoned-checkouts');
    return false;
  }
}

/** `orders.checkout.abandoned`'s payload (ids bare uuids). */
export function checkoutAbandoned(cartId: string, orderGid: string, reason: string) {
  return { orderId: tryParseGlobalId(orderGid, 'Order') ?? orderGid, cartId, reason };
}
