/**
 * One checkout attempt per cart: its idempotency key, kept in sessionStorage so a retry, a double click or
 * a reload sends the same key and gets the same order and PaymentIntent instead of a second order. A
 * refusal (nothing was created) ends the attempt; a failed request does not (it may have been created).
 */
const PREFIX = 'storefront.checkout.';
const LAST_ORDER = 'storefront.last-order';

export function attemptKey(cartId: string): string {
  const stored = sessionStorage.getItem(PREFIX + cartId);
  if (stored) return stored;
  const key = randomKey();
  sessionStorage.setItem(PREFIX + cartId, key);
  return key;
}

export function hasAttempt(cartId: string): boolean {
  return sessionStorage.getItem(PREFIX + cartId) !== null;
}

export function endAttempt(cartId: string): void {
  sessionStorage.removeItem(PREFIX + cartId);
}

/** randomUUID needs a secure context; getRandomValues works everywhere. */
function randomKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * What the confirmation page shows a guest, who cannot read their order back (only its customer and
 * staff can): the order as checkoutComplete answered it, and the cart to watch for payment.
 */
export interface LastOrder {
  id: string;
  number: number;
  cartId: string;
  total: { amount: string; currencyCode: string };
}

export function saveLastOrder(order: LastOrder): void {
  sessionStorage.setItem(LAST_ORDER, JSON.stringify(order));
}

export function readLastOrder(id: string): LastOrder | null {
  try {
    const order = JSON.parse(sessionStorage.getItem(LAST_ORDER) ?? 'null') as LastOrder | null;
    return order?.id === id ? order : null;
  } catch {
    return null;
  }
}
