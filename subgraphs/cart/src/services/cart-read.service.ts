import type { CartContext } from '../context.ts';
import type { Cart } from '../entities/cart.entity.ts';
import { isLive, isVisible } from './ownership.ts';

/**
 * A cart the viewer may see: open and not idle past its time, or COMPLETED (read-only; not to services),
 * and theirs, a guest's, or any for staff. Else null.
 */
export async function visibleCart(ctx: CartContext, cartId: string): Promise<Cart | null> {
  const cart = await ctx.loaders.cartById.load(cartId);
  return cart && isVisible(ctx.viewer, cart, ctx.loaders.settings.idleDays) ? cart : null;
}

/** A customer's open cart, if it is still live (the caller has checked the viewer may see it). */
export async function openCartOf(ctx: CartContext, customerId: string): Promise<Cart | null> {
  const cart = await ctx.loaders.openCartByCustomerId.load(customerId);
  return cart && isLive(cart, ctx.loaders.settings.idleDays) ? cart : null;
}
