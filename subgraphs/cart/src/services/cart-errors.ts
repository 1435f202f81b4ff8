import { DomainError, ServiceCallError } from '#kit';

/** Every userError code the cart's mutations answer with (besides the kit's UNAUTHENTICATED/FORBIDDEN). */
export const CartErrorCode = {
  /** The cart does not exist, expired, or is someone else's: one answer, so none is revealed. */
  NOT_FOUND: 'NOT_FOUND',
  /** The cart became a paid order: it is read-only (a signed-in customer's next `cartCreate` starts a new one). */
  CART_COMPLETED: 'CART_COMPLETED',
  /**
   * The cart is being checked out (an order awaiting payment was made from it): read-only until the order
   * is paid (then COMPLETED) or cancelled (then open again). A signed-in customer's next `cartCreate` starts a new one.
   */
  CART_CHECKING_OUT: 'CART_CHECKING_OUT',
  /** `cartCheckoutStart` (orders only): the cart is being checked out for another order. */
  CART_CHECKOUT_IN_PROGRESS: 'CART_CHECKOUT_IN_PROGRESS',
  /** `cartCheckoutStart` (orders only): the cart changed since checkout read it (its `revision`). */
  CART_CHANGED: 'CART_CHANGED',
  INVALID: 'INVALID',
  BLANK: 'BLANK',
  TOO_LONG: 'TOO_LONG',
  MERCHANDISE_NOT_FOUND: 'MERCHANDISE_NOT_FOUND',
  MERCHANDISE_UNAVAILABLE: 'MERCHANDISE_UNAVAILABLE',
  NOT_ENOUGH_STOCK: 'NOT_ENOUGH_STOCK',
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  LINE_LIMIT_REACHED: 'LINE_LIMIT_REACHED',
  SHIPPING_ADDRESS_MISSING: 'SHIPPING_ADDRESS_MISSING',
  SHIPPING_OPTION_NOT_FOUND: 'SHIPPING_OPTION_NOT_FOUND',
  SHIPPING_UNAVAILABLE: 'SHIPPING_UNAVAILABLE',
  CATALOG_UNAVAILABLE: 'CATALOG_UNAVAILABLE',
  INVENTORY_UNAVAILABLE: 'INVENTORY_UNAVAILABLE',
} as const;

export const cartNotFound = () => new DomainError(CartErrorCode.NOT_FOUND, 'No such cart.', ['cartId']);
export const cartCompleted = () =>
  new DomainError(CartErrorCode.CART_COMPLETED, 'This cart became an order and can no longer be changed; start a new cart.', ['cartId']);

export const cartCheckingOut = () =>
  new DomainError(
    CartErrorCode.CART_CHECKING_OUT,
    'This cart is being checked out (its order awaits payment) and cannot be changed; a new cart (cartCreate) is used for anything else.',
    ['cartId'],
  );
export const checkoutInProgress = () =>
  new DomainError(CartErrorCode.CART_CHECKOUT_IN_PROGRESS, 'This cart is already being checked out for another order awaiting payment.', ['cartId']);
export const cartChanged = () =>
  new DomainError(CartErrorCode.CART_CHANGED, 'The cart changed after it was read for checkout.', ['revision']);

/** A dependency that did not answer becomes the user error naming it; anything else stays as it was. */
export function asUnavailable(error: unknown): unknown {
  if (!(error instanceof ServiceCallError)) return error;
  switch (error.service) {
    case 'products':
      return new DomainError(CartErrorCode.CATALOG_UNAVAILABLE, 'The catalog cannot be reached right now; nothing changed. Try again.');
    case 'inventory':
      return new DomainError(CartErrorCode.INVENTORY_UNAVAILABLE, 'Stock cannot be checked right now; nothing changed. Try again.');
    case 'shipping':
      return new DomainError(CartErrorCode.SHIPPING_UNAVAILABLE, 'Shipping cannot be priced right now; nothing changed. Try again.');
    default:
      return error;
  }
}
