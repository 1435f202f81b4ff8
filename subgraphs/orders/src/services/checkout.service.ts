import type Stripe from 'stripe';
import { DomainError, InputErrors, toGlobalId, tryParseGlobalId, userError, type RequestContext } from '#kit';
import type { Order } from '../entities/order.entity.ts';
import type { OrdersLoaders } from '../loaders.ts';
import { stripeSettings } from '../stripe.ts';
import { abandonCartCheckout, checkoutAbandoned, readCheckoutCart, startCartCheckout, titlesOf, type CheckoutCart } from './checkout-cart.ts';
import { claimKey, completeKey, releaseKey } from './checkout-key.ts';
import { OrderEvent, orderSummary } from './order-events.ts';
import { recordHistory } from './order-status.service.ts';
import { checkoutFindings, recordRisk, riskIp } from './risk.service.ts';

type Ctx = RequestContext<OrdersLoaders>;

export interface CheckoutResult {
  order: Order;
  paymentIntentClientSecret: string;
}

/** How long stock is held for an unpaid order: PAYMENT_TIMEOUT_MINUTES (30 by default). */
export function paymentTimeoutSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.PAYMENT_TIMEOUT_MINUTES ?? 30);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60) throw new Error('PAYMENT_TIMEOUT_MINUTES must be between 0 and 1440');
  return Math.round(minutes * 60);
}

const RESERVE = `mutation ($input: InventoryReserveInput!) {
  inventoryReserve(input: $input) { reservations { id } userErrors { field message code quantityAvailable } }
}`;
const RELEASE = `mutation ($orderId: ID!, $reason: InventoryReleaseReason!) {
  inventoryRelease(orderId: $orderId, reason: $reason) { reservations { id } userErrors { code message } }
}`;

/** The Stripe call failed or Stripe is not configured: the checkout is compensated and answers PAYMENT_UNAVAILABLE. */
class PaymentUnavailable extends Error {}

/**
 * `checkoutComplete`: key claimed → cart read → cart detached (CHECKING_OUT for this order) → stock
 * reserved → PaymentIntent → order PENDING_PAYMENT.
 *
 * No transaction is open across the calls to cart, inventory and Stripe: the key is claimed first in
 * its own statement (concurrent calls with the key wait for this one, then answer its order), and the
 * order, its lines, number, history, risk, event and the key's completion commit together at the end.
 * Every external step is idempotent on the order id the claim fixed, so a retry after a crash (a stale
 * claim taken over) reaches the same reservation and the same PaymentIntent.
 */
export async function checkoutComplete(ctx: Ctx, cartId: string, idempotencyKey: string): Promise<CheckoutResult> {
  if (idempotencyKey.length < 1 || idempotencyKey.length > 255) {
    throw new DomainError('INVALID', 'The idempotency key must be 1 to 255 characters.', ['idempotencyKey']);
  }
  const cartUuid = tryParseGlobalId(cartId, 'Cart');
  if (!cartUuid) throw new DomainError('INVALID', 'Invalid Cart id: expected a Cart global id.', ['cartId']);
  const viewerCustomerId = ctx.viewer.role === 'customer' || ctx.viewer.role === 'staff' ? ctx.viewer.customerId : null;
  // Keys are unique per customer, or per cart for a guest (who has no other identity).
  const scope = viewerCustomerId ? `customer:${viewerCustomerId}` : `cart:${cartUuid}`;

  const claim = await claimKey(ctx, scope, idempotencyKey, cartUuid);
  if (claim.kind === 'completed') return replay(ctx, claim.orderId);
  const orderId = claim.orderId;
  const orderGid = toGlobalId('Order', orderId);

  let detached = false;
  let reserved = false;
  let intent: Stripe.PaymentIntent | null = null;
  try {
    const cart = await readCheckoutCart(ctx, cartId, viewerCustomerId);
    // Before anything is held: a cart already checking out for another order costs no reservation. Marked
    // before the call: an answer lost on the way back may still have detached the cart (giving back a cart
    // not checking out for this order is a no-op).
    detached = true;
    await startCartCheckout(ctx, cart, orderGid);
    const titles = await titlesOf(ctx, cart.lines.map((line) => toGlobalId('ProductVariant', line.variantId)));
    // Marked before the call, as `detached`: a reservation whose answer was lost (a timeout) is released too.
    reserved = true;
    await reserve(ctx, orderGid, cart).catch(notReservedOnRefusal(() => (reserved = false)));
    intent = await createIntent(orderId, cart);
    const clientSecret = intent.client_secret!;
    const intentId = intent.id;
    await ctx.transaction(async (tx) => {
      await insertOrder(tx, orderId, cart, titles, intentId);
      await completeKey(tx, scope, idempotencyKey, orderId);
    });
    const order = await ctx.loaders.orderById.load(orderId);
    if (!order) throw new Error(`Order ${orderId} not found after checkout`);
    return { order, paymentIntentClientSecret: clientSecret };
  } catch (error) {
    // A takeover raced a slow owner that did commit: its order stands, with this same intent.
    if (await orderExists(ctx, orderId)) return replay(ctx, orderId);
    // The saga's compensation, in reverse: the intent (if made) cancelled, the stock released, the cart
    // given back. If this process dies first, inventory's expiry worker releases the stock, an intent
    // nobody holds the secret of is never confirmed, and releaseAbandonedCheckouts gives the cart back.
    // The claim goes back, so the key can be retried (a fresh order id; kept only if the cart could not be
    // given back at all, for that worker).
    const made = intent as Stripe.PaymentIntent | null;
    if (made) await cancelQuietly(ctx, made.id);
    if (reserved) await releaseQuietly(ctx, orderGid, error instanceof PaymentUnavailable ? 'PAYMENT_FAILED' : 'CANCELLED');
    const cartBack = detached ? await abandonCartCheckout(ctx, cartUuid, orderGid, 'checkout failed') : true;
    if (cartBack) await releaseKey(ctx, scope, idempotencyKey, orderId);
    if (error instanceof PaymentUnavailable) {
      ctx.log.warn({ err: error.cause ?? error, orderId }, 'checkout: payment unavailable, reservation released');
      throw new DomainError('PAYMENT_UNAVAILABLE', 'Payment is unavailable right now; nothing was charged. Please try again.');
    }
    throw error;
  }
}

/**
 * Holds every line's stock or none; a short line answers INSUFFICIENT_STOCK on that line. With a
 * location (a sale at a store's till: a Location global id) only that location's stock is taken, and
 * inventory's refusal of the location itself (unknown, closed) is answered on `locationId`.
 */
export async function reserve(ctx: Ctx, orderGid: string, cart: CheckoutCart, locationGid: string | null = null): Promise<void> {
  const result = await ctx.services.query<{
    inventoryReserve: { userErrors: { field: string[] | null; message: string; code: string; quantityAvailable: number | null }[] };
  }>('inventory', RESERVE, {
    input: {
      orderId: orderGid,
      lines: cart.lines.map((line) => ({ variantId: toGlobalId('ProductVariant', line.variantId), quantity: line.quantity })),
      expiresInSeconds: paymentTimeoutSeconds(),
      ...(locationGid ? { locationId: locationGid } : {}),
    },
  });
  const refusals = result.inventoryReserve.userErrors;
  if (refusals.length === 0) return;
  const location = refusals.find((error) => error.field?.join('.') === 'input.locationId');
  if (locationGid && location) throw new DomainError(location.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'INVALID', location.message, ['locationId']);
  const short = refusals.filter((error) => error.code === 'INSUFFICIENT_STOCK');
  if (short.length !== refusals.length) throw new Error(`inventoryReserve refused: ${refusals.map((error) => error.code).join(', ')}`);
  throw new InputErrors(
    short.map((error) => {
      const line = cart.lines[Number(error.field?.[2] ?? -1)];
      return userError(
        'INSUFFICIENT_STOCK',
        `Only ${error.quantityAvailable ?? 0} available${locationGid ? ' at this store' : ''} of ${line ? `line ${line.cartLineId}` : 'a line'}; the cart has ${line?.quantity ?? '?'}.`,
        line ? ['cartId', 'lines', line.cartLineId] : ['cartId'],
      );
    }),
  );
}

/**
 * The PaymentIntent for the server-side total. Stripe's idempotency key is the order's, so a retry of
 * this call (the SDK retries network errors, a takeover retries the checkout) never makes a second intent.
 */
async function createIntent(orderId: string, cart: CheckoutCart): Promise<Stripe.PaymentIntent> {
  const { stripe } = stripeSettings();
  if (!stripe) throw new PaymentUnavailable('Stripe is not configured (STRIPE_SECRET_KEY)');
  let intent: Stripe.PaymentIntent;
  try {
    intent = await stripe.paymentIntents.create(
      {
        amount: cart.totalMinor,
        currency: cart.currencyCode.toLowerCase(),
        metadata: { orderId },
        automatic_payment_methods: { enabled: true },
      },
      { idempotencyKey: `order-${orderId}` },
    );
  } catch (error) {
    throw new PaymentUnavailable('PaymentIntent creation failed', { cause: error });
  }
  if (!intent.client_secret) throw new PaymentUnavailable('PaymentIntent without a client secret');
  return intent;
}

/** The order, its lines, first history entry, risk assessment and `orders.order.placed`, in the caller's transaction. */
async function insertOrder(tx: Ctx, orderId: string, cart: CheckoutCart, titles: (string | null)[], intentId: string): Promise<void> {
  // The number is taken in the final transaction, so the counter row is locked only for these few statements.
  const [counter] = await tx.em.execute<{ last_number: number }[]>('update order_number_counter set last_number = last_number + 1 returning last_number');
  const number = counter!.last_number;
  const clientIp = riskIp(tx.viewer.clientIp);
  await tx.em.execute(
    `insert into customer_order (id, number, status, customer_id, cart_id, email, currency_code, subtotal_minor, discounts_minor,
       shipping_minor, tax_minor, total_minor, stripe_payment_intent_id, shipping_address, client_ip)
     values (?, ?, 'PENDING_PAYMENT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::inet)`,
    [
      orderId,
      number,
      cart.ownerId,
      cart.cartId,
      cart.email,
      cart.currencyCode,
      cart.subtotalMinor,
      cart.discountsMinor,
      cart.shippingMinor,
      cart.taxMinor,
      cart.totalMinor,
      intentId,
      cart.shippingAddress ? JSON.stringify(cart.shippingAddress) : null,
      clientIp,
    ],
  );
  const lines = await tx.em.execute<{ id: string; position: number }[]>(
    `insert into order_line (id, order_id, position, variant_id, title, quantity, unit_price_minor, total_minor)
     values ${cart.lines.map(() => '(gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?)').join(', ')} returning id, position`,
    cart.lines.flatMap((line, index) => [orderId, index, line.variantId, titles[index] ?? line.variantId, line.quantity, line.unitPriceMinor, line.totalMinor]),
  );
  const lineIds = new Map(lines.map((line) => [line.position, line.id]));
  const actor = cart.ownerId ? `customer:${cart.ownerId}` : 'guest';
  await recordHistory(tx, orderId, null, 'PENDING_PAYMENT', actor, `Checkout of cart ${cart.cartId}`);
  await recordRisk(tx, orderId, await checkoutFindings(tx, orderId));
  await tx.emit(
    OrderEvent.PLACED,
    orderSummary(
      { ...cart, id: orderId, number, customerId: cart.ownerId },
      cart.lines.map((line, index) => ({ ...line, id: lineIds.get(index)!, title: titles[index] ?? line.variantId })),
    ),
  );
}

export async function orderExists(ctx: Ctx, orderId: string): Promise<boolean> {
  const rows = await ctx.em.execute<{ id: string }[]>('select id from customer_order where id = ?', [orderId]);
  return rows.length > 0;
}

/** The order a key already made, with its intent's client secret (asked of Stripe, never stored). */
async function replay(ctx: Ctx, orderId: string): Promise<CheckoutResult> {
  const order = await ctx.loaders.orderById.load(orderId);
  if (!order) throw new Error(`Order ${orderId} of an idempotency key not found`);
  const { stripe } = stripeSettings();
  if (!stripe) throw new DomainError('PAYMENT_UNAVAILABLE', 'Payment is unavailable right now. Please try again.');
  // Checkout keys (scope customer:/cart:) only ever make online orders; a till's keys have their own scope.
  if (!order.stripePaymentIntentId) throw new Error(`order ${order.id} of a checkout key has no PaymentIntent`);
  let secret: string | null;
  try {
    secret = (await stripe.paymentIntents.retrieve(order.stripePaymentIntentId)).client_secret;
  } catch (error) {
    ctx.log.warn({ err: error, orderId: order.id }, 'checkout replay: PaymentIntent not retrieved');
    throw new DomainError('PAYMENT_UNAVAILABLE', 'Payment is unavailable right now. Please try again.');
  }
  if (!secret) throw new Error(`PaymentIntent ${order.stripePaymentIntentId} without a client secret`);
  return { order, paymentIntentClientSecret: secret };
}

async function cancelQuietly(ctx: Ctx, intentId: string): Promise<void> {
  try {
    await stripeSettings().stripe?.paymentIntents.cancel(intentId);
  } catch (error) {
    ctx.log.error({ err: error, intentId }, 'checkout compensation: PaymentIntent not cancelled');
  }
}

/**
 * For a reserve call's failure: a refusal (short stock, a bad location) means inventory reserved nothing, as
 * it reserves all lines or none; only a failure without an answer leaves the reservation in doubt.
 */
export function notReservedOnRefusal(clear: () => void) {
  return (error: unknown): never => {
    if (error instanceof InputErrors || error instanceof DomainError) clear();
    throw error;
  };
}

export async function releaseQuietly(ctx: Ctx, orderGid: string, reason: 'PAYMENT_FAILED' | 'CANCELLED'): Promise<void> {
  try {
    const result = await ctx.services.query<{ inventoryRelease: { userErrors: { code: string }[] } }>('inventory', RELEASE, { orderId: orderGid, reason });
    if (result.inventoryRelease.userErrors.length > 0) ctx.log.error({ orderGid, errors: result.inventoryRelease.userErrors }, 'checkout compensation: release refused');
  } catch (error) {
    // Inventory's expiry worker releases the stock when the reservation expires.
    ctx.log.error({ err: error, orderGid }, 'checkout compensation: release failed; the reservation will expire');
  }
}

/** A claim untouched this long belongs to a checkout that died (a live one takes seconds; a takeover renews it). */
export const ABANDONED_CLAIM_SECONDS = 15 * 60;

/**
 * The worker `release-abandoned-checkouts` (every minute): a checkout whose process died between
 * claiming its key and committing its order left a PENDING claim, stock reserved (inventory's expiry
 * would release it too) and perhaps its cart CHECKING_OUT for an order that will never exist, so no paid
 * or cancelled event would ever free it. Claims untouched for ABANDONED_CLAIM_SECONDS with no order are
 * deleted (only if still untouched: a takeover that renewed one keeps it, and none can start after) in
 * one transaction with an `orders.checkout.abandoned` for each, which cart applies as `cartCheckoutAbandon`
 * (a cart not checking out for that order is left alone); then their stock is released. A retry with
 * the key starts afresh. Returns how many were released.
 */
export async function releaseAbandonedCheckouts(ctx: Ctx): Promise<number> {
  const abandoned = await ctx.transaction(async (tx) => {
    const rows = await tx.em.execute<{ scope: string; cart_id: string; order_id: string }[]>(
      `delete from checkout_idempotency c
        where c.state = 'PENDING' and c.claimed_at < now() - make_interval(secs => ?)
          and not exists (select 1 from customer_order o where o.id = c.order_id)
        returning scope, cart_id, order_id`,
      [ABANDONED_CLAIM_SECONDS],
    );
    if (rows.length > 0) {
      await tx.emitMany(rows.map((row) => ({
        type: OrderEvent.CHECKOUT_ABANDONED,
        payload: checkoutAbandoned(row.cart_id, toGlobalId('Order', row.order_id), 'checkout abandoned: no order was made'),
      })));
    }
    return rows;
  });
  for (const claim of abandoned) {
    ctx.log.warn({ scope: claim.scope, orderId: claim.order_id, cartId: claim.cart_id }, 'abandoned checkout: its stock and cart released');
    await releaseQuietly(ctx, toGlobalId('Order', claim.order_id), 'CANCELLED');
  }
  return abandoned.length;
}
