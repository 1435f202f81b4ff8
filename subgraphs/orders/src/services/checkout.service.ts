import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { DomainError, InputErrors, parseMinorUnits, toGlobalId, tryParseGlobalId, userError, type RequestContext } from '#kit';
import type { Order } from '../entities/order.entity.ts';
import type { OrdersLoaders } from '../loaders.ts';
import { stripeSettings } from '../stripe.ts';
import { recordHistory } from './order-status.service.ts';

type Ctx = RequestContext<OrdersLoaders>;

export interface CheckoutResult {
  order: Order;
  paymentIntentClientSecret: string;
}

/** Cart warnings that mean the cart cannot be sold as it is; others (price changes, shipping) are informative. */
const BLOCKING_WARNINGS = new Set(['MERCHANDISE_OUT_OF_STOCK', 'MERCHANDISE_NOT_ENOUGH_STOCK', 'MERCHANDISE_UNAVAILABLE']);
/** How long stock is held for an unpaid order (inventory's expiry worker releases it after). */
const RESERVATION_SECONDS = 1800;

const MONEY = 'amount currencyCode';
const CART_QUERY = `query ($id: ID!) { cart(id: $id) {
  id
  lines { id quantity merchandise { id } cost { amountPerQuantity { ${MONEY} } totalAmount { ${MONEY} } } }
  warnings { code message target }
  cost { subtotalAmount { ${MONEY} } discountAmount { ${MONEY} } shippingAmount { ${MONEY} } totalTaxAmount { ${MONEY} } totalAmount { ${MONEY} } }
  buyerIdentity { email customer { id } }
} }`;

const RESERVE = `mutation ($input: InventoryReserveInput!) {
  inventoryReserve(input: $input) { reservations { id } userErrors { field message code quantityAvailable } }
}`;
const RELEASE = `mutation ($orderId: ID!, $reason: InventoryReleaseReason!) {
  inventoryRelease(orderId: $orderId, reason: $reason) { reservations { id } userErrors { code message } }
}`;

interface MoneyIn {
  amount: string;
  currencyCode: string;
}
interface CartIn {
  id: string;
  lines: { id: string; quantity: number; merchandise: { id: string }; cost: { amountPerQuantity: MoneyIn; totalAmount: MoneyIn } }[];
  warnings: { code: string; message: string; target: string }[];
  cost: { subtotalAmount: MoneyIn; discountAmount: MoneyIn; shippingAmount: MoneyIn; totalTaxAmount: MoneyIn; totalAmount: MoneyIn };
  buyerIdentity: { email: string | null; customer: { id: string } | null };
}

/** The Stripe call failed or Stripe is not configured: the checkout is compensated and answers PAYMENT_UNAVAILABLE. */
class PaymentUnavailable extends Error {}

/**
 * `checkoutComplete`: cart → reserved stock → PaymentIntent → order PENDING_PAYMENT, once per idempotency key.
 *
 * The key's row is inserted first, in the transaction that creates the order: concurrent calls with the
 * same key queue on its primary key until the first commits (then answer its order) or rolls back (then
 * one of them goes ahead). The order, its lines, its number and its history commit together with it.
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

  const earlier = await findKey(ctx, scope, idempotencyKey);
  if (earlier) return replay(ctx, earlier, cartUuid);

  const cart = await ctx.services.query<{ cart: CartIn | null }>('cart', CART_QUERY, { id: cartId }).then((data) => data.cart);
  if (!cart) throw new DomainError('NOT_FOUND', 'No such cart.', ['cartId']);
  const ownerId = cart.buyerIdentity.customer ? tryParseGlobalId(cart.buyerIdentity.customer.id, 'Customer') : null;
  // Only the cart's owner checks out a customer's cart; a guest cart only a guest (a signed-in customer claims it first).
  if (ownerId !== viewerCustomerId) {
    if (ownerId === null) throw new DomainError('CART_NOT_CLAIMED', 'Add this cart to your account before checking out (cartBuyerIdentityUpdate).', ['cartId']);
    throw new DomainError('NOT_FOUND', 'No such cart.', ['cartId']);
  }
  if (cart.lines.length === 0) throw new DomainError('EMPTY_CART', 'The cart is empty.', ['cartId']);
  const blocking = cart.warnings.filter((warning) => BLOCKING_WARNINGS.has(warning.code));
  if (blocking.length > 0) throw new InputErrors(blocking.map((warning) => userError('CART_HAS_WARNINGS', warning.message, ['cartId'])));

  const snapshot = snapshotOf(cart);
  const titles = await titlesOf(ctx, cart.lines.map((line) => line.merchandise.id));
  const orderId = randomUUID();
  const orderGid = toGlobalId('Order', orderId);
  const actor = viewerCustomerId ? `customer:${viewerCustomerId}` : 'guest';

  let reserved = false;
  let intent: Stripe.PaymentIntent | null = null;
  try {
    const outcome = await ctx.transaction(async (tx) => {
      const claimed = await tx.em.execute<{ order_id: string }[]>(
        'insert into checkout_idempotency (scope, key, cart_id, order_id) values (?, ?, ?, ?) on conflict do nothing returning order_id',
        [scope, idempotencyKey, cartUuid, orderId],
      );
      if (claimed.length === 0) return 'replay' as const; // another call with this key committed first

      // 1. Hold the stock (all lines or none).
      const reservation = await tx.services.query<{ inventoryReserve: { userErrors: { field: string[] | null; message: string; code: string; quantityAvailable: number | null }[] } }>(
        'inventory',
        RESERVE,
        {
          input: {
            orderId: orderGid,
            lines: cart.lines.map((line) => ({ variantId: line.merchandise.id, quantity: line.quantity })),
            expiresInSeconds: RESERVATION_SECONDS,
          },
        },
      );
      const refusals = reservation.inventoryReserve.userErrors;
      if (refusals.length > 0) {
        const short = refusals.filter((error) => error.code === 'INSUFFICIENT_STOCK');
        if (short.length !== refusals.length) throw new Error(`inventoryReserve refused: ${refusals.map((error) => error.code).join(', ')}`);
        throw new InputErrors(
          short.map((error) => {
            const index = Number(error.field?.[2] ?? -1);
            const line = cart.lines[index];
            return userError(
              'INSUFFICIENT_STOCK',
              `Only ${error.quantityAvailable ?? 0} available of ${line ? `line ${line.id}` : 'a line'}; the cart has ${line?.quantity ?? '?'}.`,
              line ? ['cartId', 'lines', line.id] : ['cartId'],
            );
          }),
        );
      }
      reserved = true;

      // 2. The PaymentIntent, for the server-side total. Stripe's idempotency key is the order's, so a
      // retry of this very call (the SDK retries network errors) never makes a second intent.
      const { stripe } = stripeSettings();
      if (!stripe) throw new PaymentUnavailable('Stripe is not configured (STRIPE_SECRET_KEY)');
      try {
        intent = await stripe.paymentIntents.create(
          {
            amount: snapshot.totalMinor,
            currency: snapshot.currencyCode.toLowerCase(),
            metadata: { orderId },
            automatic_payment_methods: { enabled: true },
          },
          { idempotencyKey: `order-${orderId}` },
        );
      } catch (error) {
        throw new PaymentUnavailable('PaymentIntent creation failed', { cause: error });
      }
      if (!intent.client_secret) throw new PaymentUnavailable('PaymentIntent without a client secret');

      // 3. The order. The number is taken last, so the counter row is locked only for these few statements.
      const [counter] = await tx.em.execute<{ last_number: number }[]>('update order_number_counter set last_number = last_number + 1 returning last_number');
      await tx.em.execute(
        `insert into customer_order (id, number, status, customer_id, cart_id, email, currency_code, subtotal_minor, discounts_minor,
           shipping_minor, tax_minor, total_minor, stripe_payment_intent_id)
         values (?, ?, 'PENDING_PAYMENT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          orderId,
          counter!.last_number,
          ownerId,
          cartUuid,
          cart.buyerIdentity.email,
          snapshot.currencyCode,
          snapshot.subtotalMinor,
          snapshot.discountsMinor,
          snapshot.shippingMinor,
          snapshot.taxMinor,
          snapshot.totalMinor,
          intent.id,
        ],
      );
      await tx.em.execute(
        `insert into order_line (id, order_id, position, variant_id, title, quantity, unit_price_minor, total_minor)
         values ${snapshot.lines.map(() => '(gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        snapshot.lines.flatMap((line, index) => [
          orderId,
          index,
          line.variantId,
          titles[index] ?? line.variantId,
          line.quantity,
          line.unitPriceMinor,
          line.totalMinor,
        ]),
      );
      await recordHistory(tx, orderId, null, 'PENDING_PAYMENT', actor, `Checkout of cart ${cartUuid}`);
      return { clientSecret: intent.client_secret };
    });
    if (outcome === 'replay') {
      const row = await findKey(ctx, scope, idempotencyKey);
      if (!row) throw new Error('Idempotency key vanished after a conflict');
      return replay(ctx, row, cartUuid);
    }
    const order = await ctx.loaders.orderById.load(orderId);
    if (!order) throw new Error(`Order ${orderId} not found after checkout`);
    return { order, paymentIntentClientSecret: outcome.clientSecret };
  } catch (error) {
    // The saga's compensation. Inventory's reservation is another service's transaction, so our rollback
    // cannot undo it: the steps that succeeded are undone in reverse, by their own compensating actions.
    // The intent (if made) is cancelled, then the stock released (PAYMENT_FAILED when payment could not
    // be set up). If this process dies before compensating, inventory's expiry worker releases the stock
    // after RESERVATION_SECONDS, and an intent nobody holds the secret of is never confirmed.
    const made = intent as Stripe.PaymentIntent | null;
    if (made) await cancelQuietly(ctx, made.id);
    if (reserved) await releaseQuietly(ctx, orderGid, error instanceof PaymentUnavailable ? 'PAYMENT_FAILED' : 'CANCELLED');
    if (error instanceof PaymentUnavailable) {
      ctx.log.warn({ err: error.cause ?? error, orderId }, 'checkout: payment unavailable, reservation released');
      throw new DomainError('PAYMENT_UNAVAILABLE', 'Payment is unavailable right now; nothing was charged. Please try again.');
    }
    throw error;
  }
}

async function findKey(ctx: Ctx, scope: string, key: string): Promise<{ cart_id: string; order_id: string } | null> {
  const [row] = await ctx.em.execute<{ cart_id: string; order_id: string }[]>(
    'select cart_id, order_id from checkout_idempotency where scope = ? and key = ?',
    [scope, key],
  );
  return row ?? null;
}

/** The order a key already made, with its intent's client secret (asked of Stripe, never stored). */
async function replay(ctx: Ctx, row: { cart_id: string; order_id: string }, cartUuid: string): Promise<CheckoutResult> {
  if (row.cart_id !== cartUuid) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for another cart; make a new key per checkout.', ['idempotencyKey']);
  }
  const order = await ctx.loaders.orderById.load(row.order_id);
  if (!order) throw new Error(`Order ${row.order_id} of an idempotency key not found`);
  const { stripe } = stripeSettings();
  if (!stripe) throw new DomainError('PAYMENT_UNAVAILABLE', 'Payment is unavailable right now. Please try again.');
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

interface Snapshot {
  currencyCode: string;
  subtotalMinor: number;
  discountsMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  lines: { variantId: string; quantity: number; unitPriceMinor: number; totalMinor: number }[];
}

/** The cart's amounts in minor units; the cart's own totals, never recomputed here. */
function snapshotOf(cart: CartIn): Snapshot {
  const currencyCode = cart.cost.totalAmount.currencyCode;
  const minor = (value: MoneyIn): number => {
    const parsed = value.currencyCode === currencyCode ? parseMinorUnits(value.amount, currencyCode) : null;
    if (parsed === null) throw new Error(`cart answered an amount this service cannot read: ${value.amount} ${value.currencyCode}`);
    return parsed;
  };
  return {
    currencyCode,
    subtotalMinor: minor(cart.cost.subtotalAmount),
    discountsMinor: minor(cart.cost.discountAmount),
    shippingMinor: minor(cart.cost.shippingAmount),
    taxMinor: minor(cart.cost.totalTaxAmount),
    totalMinor: minor(cart.cost.totalAmount),
    lines: cart.lines.map((line) => {
      const variantId = tryParseGlobalId(line.merchandise.id, 'ProductVariant');
      if (!variantId) throw new Error(`cart answered a line without a variant id: ${line.id}`);
      return { variantId, quantity: line.quantity, unitPriceMinor: minor(line.cost.amountPerQuantity), totalMinor: minor(line.cost.totalAmount) };
    }),
  };
}

/** "Product — Variant" per line, from products (one batched `_entities` call), as the shopper saw them. */
async function titlesOf(ctx: Ctx, variantIds: string[]): Promise<(string | null)[]> {
  const variants = await Promise.all(
    variantIds.map((id) => ctx.services.entity<{ title: string; product: { title: string } }>('products', 'ProductVariant', 'title product { title }', id)),
  );
  return variants.map((variant) => (variant ? `${variant.product.title} — ${variant.title}` : null));
}

async function cancelQuietly(ctx: Ctx, intentId: string): Promise<void> {
  try {
    await stripeSettings().stripe?.paymentIntents.cancel(intentId);
  } catch (error) {
    ctx.log.error({ err: error, intentId }, 'checkout compensation: PaymentIntent not cancelled');
  }
}

async function releaseQuietly(ctx: Ctx, orderGid: string, reason: 'PAYMENT_FAILED' | 'CANCELLED'): Promise<void> {
  try {
    const result = await ctx.services.query<{ inventoryRelease: { userErrors: { code: string }[] } }>('inventory', RELEASE, { orderId: orderGid, reason });
    if (result.inventoryRelease.userErrors.length > 0) ctx.log.error({ orderGid, errors: result.inventoryRelease.userErrors }, 'checkout compensation: release refused');
  } catch (error) {
    // Inventory's expiry worker releases the stock when the reservation expires.
    ctx.log.error({ err: error, orderGid }, 'checkout compensation: release failed; the reservation will expire');
  }
}
