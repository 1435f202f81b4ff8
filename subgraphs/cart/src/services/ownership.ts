import type { Viewer } from '#kit';
import type { CartStatus } from '../entities/cart.entity.ts';

/** What ownership rules read of a cart. */
export interface CartAccessFacts {
  status: CartStatus;
  customerId?: string | null;
  updatedAt: Date;
  /** A till cart's store: such a cart is the store's sale, never claimed. */
  locationId?: string | null;
}

const DAY_MS = 86_400_000;

/** Open, and changed within the idle window: a cart past it is gone even before the worker marks it. */
export function isLive(cart: CartAccessFacts, idleDays: number, now = Date.now()): boolean {
  return cart.status === 'OPEN' && cart.updatedAt.getTime() > now - idleDays * DAY_MS;
}

/**
 * Who may read a cart: anyone holding a guest cart's id; a customer's cart only that customer; staff
 * any; and the orders subgraph (checkout reads the cart it turns into an order).
 */
export function canRead(viewer: Viewer, cart: CartAccessFacts): boolean {
  if (viewer.role === 'service') return viewer.service === 'orders';
  if (viewer.role === 'staff') return true;
  return !cart.customerId || (viewer.role === 'customer' && viewer.customerId === cart.customerId);
}

/**
 * Whether `viewer` reads the cart at all (`cart(id)`, `_entities`). A live cart: whoever `canRead`. A
 * CHECKING_OUT cart (an order awaiting payment was made from it) too, whatever its age: the orders service
 * reads it again when a checkout is retried (and then learns it is in progress), the shopper sees what they
 * are paying for. A COMPLETED cart (it became a paid order) stays readable, read-only, by the same people,
 * except services: the orders subgraph reads carts to check them out, and a completed cart must not be
 * checked out twice, so to it a completed cart answers null as it did before. MERGED, EXPIRED and idle
 * carts: nobody.
 */
export function isVisible(viewer: Viewer, cart: CartAccessFacts, idleDays: number, now = Date.now()): boolean {
  if (cart.status === 'COMPLETED') return viewer.role !== 'service' && canRead(viewer, cart);
  if (cart.status === 'CHECKING_OUT') return canRead(viewer, cart);
  return isLive(cart, idleDays, now) && canRead(viewer, cart);
}

/** Why a change is refused: see refusalOf. */
export type CartRefusal = 'NOT_FOUND' | 'CART_COMPLETED' | 'CART_CHECKING_OUT';

/**
 * What a change to a cart meets: `NOT_FOUND` for a cart the viewer may not change, or that is closed or
 * idle (one answer, so nothing is revealed), `CART_COMPLETED` for the viewer's own cart that became an
 * order, `CART_CHECKING_OUT` for one being checked out (an order awaiting payment); null when the change
 * may go ahead.
 */
export function refusalOf(viewer: Viewer, cart: CartAccessFacts, idleDays: number): CartRefusal | null {
  if (!canChange(viewer, cart)) return 'NOT_FOUND';
  if (cart.status === 'COMPLETED') return 'CART_COMPLETED';
  if (cart.status === 'CHECKING_OUT') return 'CART_CHECKING_OUT';
  return isLive(cart, idleDays) ? null : 'NOT_FOUND';
}

/**
 * Who may change a cart: the same people as may read it. Services never change a cart's contents; the
 * orders service only starts and abandons checkouts (cart-checkout.service.ts).
 */
export function canChange(viewer: Viewer, cart: CartAccessFacts): boolean {
  return viewer.role !== 'service' && canRead(viewer, cart);
}

/**
 * The customer a guest cart becomes when a signed-in customer touches it. Staff never claim carts: a
 * POS clerk building a walk-in shopper's cart must not make it theirs, nor merge it with their own. Nor is
 * a till cart (one tied to a store) ever a customer's: it is sold at the till, checked against the store's shelf.
 */
export function claimantOf(viewer: Viewer, cart: CartAccessFacts): string | null {
  return viewer.role === 'customer' && viewer.customerId && !cart.customerId && !cart.locationId ? viewer.customerId : null;
}

/** Whether `viewer` sees `customerId`'s open cart through `Customer.cart`. */
export function seesCustomerCart(viewer: Viewer, customerId: string): boolean {
  return viewer.role === 'staff' || (viewer.role === 'customer' && viewer.customerId === customerId);
}
