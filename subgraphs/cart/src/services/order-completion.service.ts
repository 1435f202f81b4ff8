import { isUuid, type DomainEvent, type RequestContext } from '#kit';
import type { Logger } from 'pino';
import { discountInputsForOrder, type CartDiscountInputs } from './discount-rules.ts';
import { evaluateDiscounts, type DiscountApplication, type DiscountRule, type DiscountSituation } from './pricing/discounts.ts';

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
  /**
   * What was ordered: variants (bare uuids) and quantities, as the order's lines say. Completing the cart
   * does not need them (it holds exactly that); they are checked so a malformed producer is seen.
   */
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
 * What a paid order did to its cart (also `cart_order.outcome`, except the last two): COMPLETED (the cart
 * was checking out for this order), NOT_CHECKING_OUT (it was not: left as it is, logged; orders starts
 * every checkout before the order exists, so this is a producer's anomaly); ALREADY_APPLIED,
 * UNKNOWN_CART: nothing done.
 */
export type CompletionOutcome = 'COMPLETED' | 'NOT_CHECKING_OUT' | 'ALREADY_APPLIED' | 'UNKNOWN_CART';

/**
 * The order made from a cart was paid, in one transaction under the cart's row lock (the lock every cart
 * mutation and checkout transition takes):
 * 1. the cart, CHECKING_OUT for this order since `cartCheckoutStart`, becomes COMPLETED with the order's
 *    id and when it was paid. Nothing could change it in between, so its lines are exactly what was
 *    ordered; it is read-only for good, and was already no longer the customer's `Customer.cart`. A cart
 *    in any other state (open again, checking out for another order, completed by another) is left as
 *    it is and logged;
 * 2. every discount that took money off the order gets a `discount_redemption` row (unique per discount
 *    and order), which the usage limits count from then on;
 * 3. a `cart_order` row records the order as applied, with the outcome.
 * Applied once per order: besides the kit's processed-event record (once per event id), an order already
 * in `cart_order` is left alone (another event for the same order, a replay by hand). A cart cart does
 * not know is logged and ignored.
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
    let outcome: CompletionOutcome;
    if (row.status === 'CHECKING_OUT' && row.checkout_order_id === order.orderId) {
      outcome = 'COMPLETED';
      await tx.em.execute(
        `update cart set status = 'COMPLETED', completed_order_id = ?, completed_at = ?, checkout_order_id = null, checkout_started_at = null,
           updated_at = now() where id = ?`,
        [order.orderId, paidAt.toISOString(), order.cartId],
      );
    } else {
      outcome = 'NOT_CHECKING_OUT';
      log.warn(
        { status: row.status, checkoutOrderId: row.checkout_order_id, completedOrderId: row.completed_order_id },
        'paid order of a cart not checking out for it; left as it is, discounts still counted',
      );
    }
    await tx.em.execute('insert into cart_order (order_id, cart_id, outcome, paid_at) values (?, ?, ?, ?)', [
      order.orderId, order.cartId, outcome, paidAt.toISOString(),
    ]);
    const customerId = order.customerId ?? row.customer_id ?? null;
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
 * Which discounts took money off the order. The order carries its total discount, not the parts, so the
 * cart's pricing is run again on the order's own subtotal with the cart's codes (in the order entered)
 * and the automatic discounts, as they stood at payment:
 * - as the limits stand (without this order's own redemptions): what a checkout then would have applied;
 * - if that disagrees with the order's discount, ignoring usage limits: a code used up by another order
 *   paid between this one's checkout and payment was still on this order, and its use is counted (over
 *   the limit, truthfully);
 * - if neither agrees (a discount changed or ended between checkout and payment), the first is
 *   recorded, and a warning logged with both amounts.
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
