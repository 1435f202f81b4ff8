import { isUuid, type DomainEvent } from '#kit';
import type { CartContext } from '../context.ts';
import { releaseCheckout } from '../services/cart-checkout.service.ts';

/**
 * `orders.checkout.abandoned` (`{ orderId, cartId, reason }`, ids bare uuids): a checkout that detached its
 * cart failed before its order existed, and orders could not call `cartCheckoutAbandon` at once (cart was
 * unreachable), or its process died and its worker found the claim abandoned. The same release as
 * `cartCheckoutAbandon` (services/cart-checkout.service.ts): a cart not checking out for that order is left
 * alone. A malformed payload throws (retried, then dead-lettered).
 */
export async function onCheckoutAbandoned(ctx: CartContext, event: DomainEvent<unknown>): Promise<void> {
  const payload = event.payload as Record<string, unknown> | null;
  const ids = ['orderId', 'cartId'].map((key) => {
    const value = payload?.[key];
    return typeof value === 'string' && isUuid(value.toLowerCase()) ? value.toLowerCase() : null;
  });
  const [orderId, cartId] = ids;
  if (!orderId || !cartId) throw new Error(`${event.type} ${event.id}: malformed payload: orderId and cartId must be uuids`);
  const reason = typeof payload?.reason === 'string' ? payload.reason : 'checkout abandoned';
  await releaseCheckout(ctx, cartId, orderId, reason);
}
