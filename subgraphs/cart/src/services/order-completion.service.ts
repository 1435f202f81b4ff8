import { isUuid, type DomainEvent, type RequestContext } from '#kit';
import type { Logger } from 'pino';
import type { CartContext } from '../context.ts';
import { loadDraft, toCartRow, writeDraft, type CartDraft } from './cart-draft.ts';
import { discountInputsForOrder, type CartDiscountInputs } from './discount-rules.ts';
import { evaluateDiscounts, type DiscountApplication, type DiscountRule, type DiscountSituation } from './pricing/discounts.ts';
import { settleShipping } from './shipping-settle.ts';

/** What cart reads of the `orders.order.paid` payload (an OrderSummary; subgraphs/orders/README.md). */
export interface PaidOrder {
  orderId: string;
  cartId: string;
  customerId: string | null;
  email: string | null;
  currencyCode: string;
  /** The order's subtotal (before discounts) and discounts, in minor units of `currencyCode`. */
  subtotalMinor: number;
  discountsMinor: number;
  /** What was ordered: variants (bare uuids) and quantities, as the order's lines say. */
  lines: OrderedLine[];
}

export interface OrderedLine {
  variantId: string;
  quantity: number;
}

/**
 * The payload as cart needs it, or a thrown error naming what is wrong: a malformed event is the
 * producer's bug, so it retries and lands in the dead-letter queue, where someone sees it.
 */
export function readPaidOrder(event: DomainEvent<unknown>): PaidOrder {
  const payload = event.payload as Record<string, unknown> | null;
  const problems: string[] = [];
  const uuid = (key: string, nullable = false): string | null => {
    const value = payload?.[key];
    if (nullable && (value === null || value === undefined)) return null;
    if (typeof value === 'string' && isUuid(value.toLowerCase())) return value.toLowerCase();
    problems.push(`${key} is not a uuid`);
    return null;
  };
  const orderId = uuid('orderId');
  const cartId = uuid('cartId');
  const customerId = uuid('customerId', true);
  const email = payload?.email ?? null;
  if (email !== null && typeof email !== 'string') problems.push('email is not a string');
  const currencyCode = payload?.currencyCode;
  if (typeof currencyCode !== 'string' || !/^[A-Z]{3}$/.test(currencyCode)) problems.push('currencyCode is not an ISO 4217 code');
  const totals = payload?.totals as Record<string, unknown> | undefined;
  const amount = (key: string): number => {
    const value = totals?.[key];
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    problems.push(`totals.${key} is not a whole number of minor units`);
    return 0;
  };
  const subtotalMinor = amount('subtotalMinor');
  const discountsMinor = amount('discountsMinor');
  const lines: OrderedLine[] = [];
  if (!Array.isArray(payload?.lines)) problems.push('lines is not a list');
  else {
    (payload.lines as unknown[]).forEach((raw, index) => {
      const line = raw as Record<string, unknown> | null;
      const variantId = line?.variantId;
      const quantity = line?.quantity;
      if (typeof variantId !== 'string' || !isUuid(variantId.toLowerCase())) problems.push(`lines.${index}.variantId is not a uuid`);
      else if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) problems.push(`lines.${index}.quantity is not a positive whole number`);
      else lines.push({ variantId: variantId.toLowerCase(), quantity });
    });
  }
  if (problems.length > 0) throw new Error(`${event.type} ${event.id}: malformed payload: ${problems.join('; ')}`);
  return {
    orderId: orderId!,
    cartId: cartId!,
    customerId,
    email: email as string | null,
    currencyCode: currencyCode as string,
    subtotalMinor,
    discountsMinor,
    lines,
  };
}

/**
 * What a paid order did to its cart (also `cart_order.outcome`, except the last three): COMPLETED (nothing
 * else was in it), LINES_TAKEN (the shopper kept shopping in it after checkout: the ordered quantities were
 * taken out, and it stays open with the rest), CART_CLOSED (merged, or completed by another order: left as
 * it is); ALREADY_APPLIED, UNKNOWN_CART: nothing done.
 */
export type CompletionOutcome = 'COMPLETED' | 'LINES_TAKEN' | 'CART_CLOSED' | 'ALREADY_APPLIED' | 'UNKNOWN_CART';

/**
 * The order made from a cart was paid, in one transaction under the cart's row lock (the lock every cart
 * mutation takes, so a change in flight finishes first and any later one sees the result):
 * 1. the order's quantities are taken out of the cart's lines, by variant (a line reaching zero, or
 *    lowered below what was ordered, is removed). Nothing left, which is the usual case (the cart holds
 *    exactly what was ordered) → the cart becomes COMPLETED with the order's id: read-only, no longer the
 *    customer's `Customer.cart` (their next `cartCreate` starts a new one). Something left → the shopper
 *    kept using the cart between checkout and payment (a signed-in customer's `cartCreate` continues
 *    their open cart): it stays OPEN with what remains, written as any change is (cart-draft.ts; a
 *    selected shipping option re-quoted for the smaller parcel), the remaining lines keeping their
 *    snapshots (no call to products: the next change re-snapshots). An EXPIRED cart (idle between
 *    checkout and payment) is completed whatever it holds: nobody can use it any more; a MERGED one, or
 *    one completed by another order (checked out twice), is left as it is, logged;
 * 2. every discount that took money off the order gets a `discount_redemption` row (unique per discount
 *    and order), which the usage limits count from then on;
 * 3. a `cart_order` row records the order as applied (outcome, what was taken).
 * Applied once per order: besides the kit's processed-event record (once per event id), an order already
 * in `cart_order` is left alone (another event for the same order, a replay by hand), which matters
 * because taking lines out twice would take the shopper's own lines. A cart cart does not know is logged
 * and ignored.
 */
export async function completeCartOfOrder(ctx: RequestContext, order: PaidOrder, paidAt: Date): Promise<CompletionOutcome> {
  return ctx.transaction(async (tx) => {
    const log = tx.log.child({ orderId: order.orderId, cartId: order.cartId });
    const [row] = await tx.em.execute<Record<string, any>[]>('select * from cart where id = ? for update', [order.cartId]);
    if (!row) {
      log.warn('paid order of a cart this subgraph does not know; ignored');
      return 'UNKNOWN_CART';
    }
    // A separate statement after the lock: it sees what a concurrent delivery committed while we waited.
    const [applied] = await tx.em.execute<{ outcome: string }[]>('select outcome from cart_order where order_id = ?', [order.orderId]);
    if (applied) {
      log.info({ outcome: applied.outcome }, 'order already applied to its cart; nothing to do');
      return 'ALREADY_APPLIED';
    }
    const cart = toCartRow(row);
    let outcome: CompletionOutcome;
    let taken: OrderedLine[] = [];
    if (cart.status === 'OPEN' || cart.status === 'EXPIRED') {
      const draft = await loadDraft(tx.em, cart);
      taken = takeOrderedLines(draft, order.lines);
      if (draft.lines.length === 0 || cart.status === 'EXPIRED') {
        outcome = 'COMPLETED';
        await tx.em.execute(
          `update cart set status = 'COMPLETED', completed_order_id = ?, completed_at = ?, updated_at = now() where id = ?`,
          [order.orderId, paidAt.toISOString(), order.cartId],
        );
      } else {
        outcome = 'LINES_TAKEN';
        await settleShipping(tx as CartContext, draft, undefined);
        await writeDraft(tx.em, draft);
        log.info({ taken, kept: draft.lines.map(({ variantId, quantity }) => ({ variantId, quantity })) }, 'the cart changed after checkout; ordered lines taken out, it stays open');
      }
    } else {
      outcome = 'CART_CLOSED';
      log.warn({ status: row.status, completedOrderId: row.completed_order_id }, 'paid order of a cart already closed; left as it is, discounts still counted');
    }
    await tx.em.execute('insert into cart_order (order_id, cart_id, outcome, taken, paid_at) values (?, ?, ?, ?::jsonb, ?)', [
      order.orderId, order.cartId, outcome, JSON.stringify(taken), paidAt.toISOString(),
    ]);
    const customerId = order.customerId ?? cart.customerId;
    const inputs = await discountInputsForOrder(tx.em, order.cartId, customerId, order.orderId);
    const redeemed = discountsOfOrder(order, customerId !== null, inputs, paidAt, log);
    if (redeemed.length > 0) {
      const rows = redeemed.map((application) => ({
        discount_id: application.discountId,
        order_id: order.orderId,
        cart_id: order.cartId,
        customer_id: customerId,
        email: order.email,
        amount_minor: application.amount,
        currency_code: order.currencyCode,
      }));
      await tx.em.execute(
        `insert into discount_redemption (discount_id, order_id, cart_id, customer_id, email, amount_minor, currency_code, redeemed_at)
         select discount_id, order_id, cart_id, customer_id, email, amount_minor, currency_code, ?
         from jsonb_to_recordset(?::jsonb) as x(discount_id uuid, order_id uuid, cart_id uuid, customer_id uuid, email text,
           amount_minor int, currency_code text)
         on conflict (discount_id, order_id) do nothing`,
        [paidAt.toISOString(), JSON.stringify(rows)],
      );
    }
    log.info({ outcome, redeemed: redeemed.map((a) => a.code ?? a.discountId) }, 'paid order applied to its cart');
    return outcome;
  });
}

/**
 * Takes the ordered quantities out of the draft's lines, by variant: a line keeps what exceeds the order
 * (the shopper raised it after checkout), and is removed when the order took all of it or more (lowered
 * after checkout: never negative). Lines of variants not ordered are kept as they are. Returns what was
 * taken from the cart (an ordered variant no longer in it takes nothing).
 */
export function takeOrderedLines(draft: CartDraft, ordered: readonly OrderedLine[]): OrderedLine[] {
  const quantities = new Map<string, number>();
  for (const line of ordered) quantities.set(line.variantId, (quantities.get(line.variantId) ?? 0) + line.quantity);
  const taken: OrderedLine[] = [];
  draft.lines = draft.lines.filter((line) => {
    const quantity = quantities.get(line.variantId) ?? 0;
    if (quantity === 0) return true;
    taken.push({ variantId: line.variantId, quantity: Math.min(quantity, line.quantity) });
    if (line.quantity > quantity) {
      line.quantity -= quantity;
      return true;
    }
    draft.removedLineIds.add(line.id);
    return false;
  });
  return taken;
}

/**
 * Which discounts took money off the order. The order carries its total discount, not the parts, so the
 * cart's pricing is run again on the order's own subtotal with the cart's codes (in the order entered)
 * and the automatic discounts, as they stood at payment:
 * - as the limits stand (without this order's own redemptions): what a checkout then would have applied;
 * - if that disagrees with the order's discount, ignoring usage limits: a code used up by another order
 *   paid between this one's checkout and payment was still on this order, and its use is counted (over
 *   the limit, truthfully);
 * - if neither agrees (the cart's codes changed after checkout), the first is recorded, and a warning
 *   logged with both amounts.
 * Only discounts that took something off count.
 */
function discountsOfOrder(order: PaidOrder, hasCustomer: boolean, inputs: CartDiscountInputs, at: Date, log: Logger): DiscountApplication[] {
  const situation: DiscountSituation = { subtotal: order.subtotalMinor, currencyCode: order.currencyCode, now: at, hasCustomer };
  const asLimited = evaluateDiscounts(situation, inputs.entered, inputs.automatic);
  if (asLimited.total === order.discountsMinor) return positive(asLimited.applied);
  const unlimited = (rule: DiscountRule): DiscountRule => ({ ...rule, timesUsed: 0, timesUsedByCustomer: 0 });
  const unlimitedEvaluation = evaluateDiscounts(
    situation,
    inputs.entered.map(({ code, rule }) => ({ code, rule: rule && unlimited(rule) })),
    inputs.automatic.map(unlimited),
  );
  if (unlimitedEvaluation.total === order.discountsMinor) return positive(unlimitedEvaluation.applied);
  log.warn(
    { orderDiscountsMinor: order.discountsMinor, cartDiscountsMinor: asLimited.total },
    "the cart's discounts no longer add up to the order's; recording those that apply now",
  );
  return positive(asLimited.applied);
}

const positive = (applied: DiscountApplication[]) => applied.filter((application) => application.amount > 0);
