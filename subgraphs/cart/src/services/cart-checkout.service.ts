import { DomainError, tryParseGlobalId } from '#kit';
import type { CartContext } from '../context.ts';
import { Cart, type CartStatus } from '../entities/cart.entity.ts';
import { CartErrorCode, cartChanged, cartCompleted, cartNotFound, checkoutInProgress } from './cart-errors.ts';
import { loadDraft, lockCart, lockOpenCartOf, writeDraft } from './cart-draft.ts';
import { mergeInto } from './claim.ts';
import { isLive } from './ownership.ts';
import { settleShipping } from './shipping-settle.ts';

/**
 * A cart's checkout, as the orders service drives it (subgraphs/cart/README.md, "Checkout"):
 *
 *   OPEN ──cartCheckoutStart(order)──▶ CHECKING_OUT(order) ──orders.order.paid(order)──▶ COMPLETED
 *                                          │
 *                                          └─ orders.order.cancelled(order, unpaid), cartCheckoutAbandon(order)
 *                                             or orders.checkout.abandoned(order)
 *                                             ──▶ OPEN again, or MERGED into the customer's newer open cart
 *
 * Every transition names its order and is taken under the cart's row lock (the lock every cart mutation
 * takes), so events and calls may arrive in any order and any number of times: one for another order, or
 * for a cart no longer in the state it expects, changes nothing.
 */

type Row = Record<string, any>;

const orderIdOf = (orderGid: string): string => {
  const orderId = tryParseGlobalId(orderGid, 'Order');
  if (!orderId) throw new DomainError(CartErrorCode.INVALID, 'Invalid Order id: expected an Order global id.', ['orderId']);
  return orderId;
};

/**
 * `cartCheckoutStart` (the orders service only): checkout of the cart began for an order awaiting
 * payment. The cart becomes CHECKING_OUT: read-only (every mutation answers CART_CHECKING_OUT), no longer
 * its customer's open cart (`Customer.cart`, `cartCreate` make a new one), still read by id. `revision`
 * is the cart's revision as checkout read and priced it: a change in between answers CART_CHANGED, so the
 * order is always made of exactly what the cart then holds.
 *
 * Idempotent per order: the same order again (a checkout retried with its idempotency key) answers the
 * cart as it is, CHECKING_OUT for it or COMPLETED by it. Another order: CART_CHECKOUT_IN_PROGRESS (one
 * pending order per cart) or CART_COMPLETED; an unknown, merged, expired or idle cart: NOT_FOUND.
 */
export async function startCheckout(ctx: CartContext, cartGid: string, orderGid: string, revision: number): Promise<Cart> {
  const cartId = tryParseGlobalId(cartGid, 'Cart');
  if (!cartId) throw cartNotFound();
  const orderId = orderIdOf(orderGid);
  const row = await ctx.transaction(async (tx) => {
    const [current] = await tx.em.execute<Row[]>('select * from cart where id = ? for update', [cartId]);
    if (!current) throw cartNotFound();
    const status = current.status as CartStatus;
    if (status === 'CHECKING_OUT') {
      if (current.checkout_order_id === orderId) return current;
      throw checkoutInProgress();
    }
    if (status === 'COMPLETED') {
      if (current.completed_order_id === orderId) return current;
      throw cartCompleted();
    }
    if (!isLive({ status, updatedAt: new Date(current.updated_at) }, tx.loaders.settings.idleDays)) throw cartNotFound();
    if (current.revision !== revision) throw cartChanged();
    const [started] = await tx.em.execute<Row[]>(
      `update cart set status = 'CHECKING_OUT', checkout_order_id = ?, checkout_started_at = now(), updated_at = now()
       where id = ? returning *`,
      [orderId, cartId],
    );
    tx.log.info({ cartId, orderId }, 'cart checking out');
    return started!;
  });
  return ctx.em.map(Cart, row);
}

/**
 * `cartCheckoutAbandon` (the orders service only): the checkout for that order failed before its order
 * existed (stock short, payment unavailable…), so the cart is released at once, as a cancelled order's
 * is (releaseCheckout). Answers the cart as it now is (OPEN again, or MERGED). Idempotent: a cart not
 * checking out for that order is answered as it is.
 */
export async function abandonCheckout(ctx: CartContext, cartGid: string, orderGid: string): Promise<Cart> {
  const cartId = tryParseGlobalId(cartGid, 'Cart');
  if (!cartId) throw cartNotFound();
  const orderId = orderIdOf(orderGid);
  const released = await releaseCheckout(ctx, cartId, orderId, 'checkout abandoned');
  if (released.outcome === 'UNKNOWN_CART') throw cartNotFound();
  // Read again with its lines and extras: priming keeps a key already loaded, so those go too.
  ctx.loaders.cartById.clear(cartId);
  ctx.loaders.linesByCartId.clear(cartId);
  ctx.loaders.extrasByCartId.clear(cartId);
  const cart = await ctx.loaders.cartById.load(cartId);
  if (!cart) throw cartNotFound();
  return cart;
}

/**
 * What releasing a checkout did: REOPENED (the cart is OPEN again, as it was), MERGED (its customer had
 * started another open cart meanwhile: its lines joined that one, `cartId` names it), NOT_CHECKING_OUT
 * (the cart is not checking out for this order: nothing done), UNKNOWN_CART.
 */
export type ReleaseOutcome = 'REOPENED' | 'MERGED' | 'NOT_CHECKING_OUT' | 'UNKNOWN_CART';

/**
 * The order a cart was checking out for will not be paid: the cart opens again, so the buyer can change
 * it and check out anew, with `updated_at` now (its idle time starts again).
 *
 * Unless its customer started another open cart meanwhile (after checking out, `cartCreate` makes a new
 * one): a customer has one open cart, and the one they are using now stays theirs, with its id. The
 * released cart's lines are merged into it the way a claim merges (claim.ts: a variant in both summed,
 * others appended up to 100 lines in its currency, codes appended, email and country filled in) and the
 * released cart becomes MERGED, pointing at it. Nothing the buyer chose is lost, and nothing they are
 * using is taken away; the merged lines keep their snapshots until the next change re-snapshots them, a
 * selected shipping option is re-quoted for the bigger parcel. An open cart found idle past its time is
 * expired instead, and the released cart reopens.
 *
 * Locks: the cart's row, then the customer's advisory lock and open cart (as a claim does); no other
 * path holds the advisory lock while waiting for a cart that is checking out.
 */
export async function releaseCheckout(ctx: CartContext, cartId: string, orderId: string, why: string): Promise<{ outcome: ReleaseOutcome; cartId: string }> {
  return ctx.transaction(async (tx) => {
    const log = tx.log.child({ cartId, orderId, why });
    const cart = await lockCart(tx.em, cartId);
    if (!cart) {
      log.warn('checkout released for a cart this subgraph does not know; ignored');
      return { outcome: 'UNKNOWN_CART', cartId };
    }
    if (cart.status !== 'CHECKING_OUT' || cart.checkoutOrderId !== orderId) {
      log.info({ status: cart.status, checkoutOrderId: cart.checkoutOrderId }, 'cart not checking out for this order; left as it is');
      return { outcome: 'NOT_CHECKING_OUT', cartId };
    }
    const idleDays = tx.loaders.settings.idleDays;
    const open = cart.customerId ? await lockOpenCartOf(tx.em, cart.customerId, cart.id) : null;
    if (open && isLive(open, idleDays)) {
      const draft = await loadDraft(tx.em, open);
      mergeInto(draft, await loadDraft(tx.em, cart));
      draft.retired.push({ id: cart.id, status: 'MERGED' });
      if (draft.lines[0]) draft.cart.currencyCode = draft.lines[0].currencyCode;
      await settleShipping(tx, draft, undefined);
      await writeDraft(tx.em, draft);
      log.info({ into: open.id }, 'checkout released; the customer has another open cart, merged into it');
      return { outcome: 'MERGED', cartId: open.id };
    }
    if (open) await tx.em.execute(`update cart set status = 'EXPIRED', updated_at = now() where id = ?`, [open.id]);
    await tx.em.execute(
      `update cart set status = 'OPEN', checkout_order_id = null, checkout_started_at = null, updated_at = now() where id = ?`,
      [cart.id],
    );
    log.info('checkout released; the cart is open again');
    return { outcome: 'REOPENED', cartId };
  });
}
