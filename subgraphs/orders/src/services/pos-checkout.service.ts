import { DomainError, formatMinorUnits, money, parseMinorUnits, toGlobalId, tryParseGlobalId, type MoneyValue, type RequestContext } from '#kit';
import type { Order } from '../entities/order.entity.ts';
import type { OrdersLoaders } from '../loaders.ts';
import { abandonCartCheckout, readCheckoutCart, startCartCheckout, titlesOf, type CheckoutCart } from './checkout-cart.ts';
import { claimKey, completeKey, releaseKey } from './checkout-key.ts';
import { notReservedOnRefusal, orderExists, releaseQuietly, reserve } from './checkout.service.ts';
import { OrderEvent, orderSummary } from './order-events.ts';
import { actorOf, changeStatus, recordHistory } from './order-status.service.ts';
import { storeLocation, type StoreLocation } from './store-location.ts';

type Ctx = RequestContext<OrdersLoaders>;

export type PosPaymentMethod = 'CASH' | 'CARD_PRESENT';

export interface PosPaymentInput {
  method: PosPaymentMethod;
  tendered?: { amount: string; currencyCode: string } | null;
}

export interface PosCheckoutResult {
  order: Order;
  /** Tendered − total, for cash; null for a card. */
  changeDue: MoneyValue | null;
}

/** The payment as checked before anything is claimed: the tender in minor units of its own currency. */
interface Payment {
  method: PosPaymentMethod;
  tendered: { minor: number; currencyCode: string } | null;
}

/**
 * `posCheckoutComplete` (staff at a store's till): key claimed → store and cart read → payment checked
 * → cart detached (CHECKING_OUT for this sale) → the store's stock reserved → one transaction: the
 * order created and taken PENDING_PAYMENT → PAID → FULFILLED → DELIVERED through the state machine, with
 * `orders.order.placed` and `orders.order.paid` (inventory commits the store's reservation, cart
 * completes the cart), and the key completed.
 *
 * The same saga as checkoutComplete (services/checkout.service.ts) without Stripe: no transaction is open
 * across the calls to inventory and cart, a failure after the reservation releases it, and the key
 * (scope `pos:<clerk>`) answers the order it made on every retry.
 */
export async function posCheckoutComplete(
  ctx: Ctx,
  cartId: string,
  locationId: string,
  paymentInput: PosPaymentInput,
  idempotencyKey: string,
): Promise<PosCheckoutResult> {
  if (idempotencyKey.length < 1 || idempotencyKey.length > 255) {
    throw new DomainError('INVALID', 'The idempotency key must be 1 to 255 characters.', ['idempotencyKey']);
  }
  const cartUuid = tryParseGlobalId(cartId, 'Cart');
  if (!cartUuid) throw new DomainError('INVALID', 'Invalid Cart id: expected a Cart global id.', ['cartId']);
  if (!tryParseGlobalId(locationId, 'Location')) throw new DomainError('INVALID', 'Invalid Location id: expected a Location global id.', ['locationId']);
  const payment = parsePayment(paymentInput);
  if (ctx.viewer.role !== 'staff' || !ctx.viewer.customerId) throw new Error('posCheckoutComplete without a staff viewer');
  // Keys are unique per clerk, apart from the clerk's own online checkouts (scope customer:<id>).
  const scope = `pos:${ctx.viewer.customerId}`;
  const actor = actorOf(ctx.viewer);

  const claim = await claimKey(ctx, scope, idempotencyKey, cartUuid);
  if (claim.kind === 'completed') return replay(ctx, claim.orderId);
  const orderId = claim.orderId;
  const orderGid = toGlobalId('Order', orderId);

  let detached = false;
  let reserved = false;
  try {
    const store = await storeLocation(ctx, locationId);
    const cart = await readCheckoutCart(ctx, cartId, { atTill: true });
    checkSaleAtStore(cart, store);
    checkTender(cart, payment);
    // The cart is detached for this sale (read-only; another till or an online checkout of it is refused
    // CART_CHECKOUT_IN_PROGRESS) until its paid event completes it, or the compensation below gives it back.
    detached = true; // before the call: a lost answer may still have detached it
    await startCartCheckout(ctx, cart, orderGid);
    const titles = await titlesOf(ctx, cart.lines.map((line) => toGlobalId('ProductVariant', line.variantId)));
    // Marked before the call: a reservation whose answer was lost (a timeout) is released too.
    reserved = true;
    await reserve(ctx, orderGid, cart, store.gid).catch(notReservedOnRefusal(() => (reserved = false)));
    await ctx.transaction(async (tx) => {
      await insertSale(tx, { orderId, cart, titles, store, payment, actor });
      await completeKey(tx, scope, idempotencyKey, orderId);
    });
  } catch (error) {
    if (await orderExists(ctx, orderId)) return replay(ctx, orderId);
    if (reserved) await releaseQuietly(ctx, orderGid, 'CANCELLED');
    const cartBack = detached ? await abandonCartCheckout(ctx, cartUuid, orderGid, 'sale at the till failed') : true;
    if (cartBack) await releaseKey(ctx, scope, idempotencyKey, orderId);
    throw error;
  }
  return replay(ctx, orderId);
}

function parsePayment(input: PosPaymentInput): Payment {
  if (input.method === 'CARD_PRESENT') {
    if (input.tendered) throw new DomainError('INVALID', 'Only a cash payment has a tendered amount.', ['payment', 'tendered']);
    return { method: 'CARD_PRESENT', tendered: null };
  }
  if (!input.tendered) throw new DomainError('INVALID', 'Give the cash tendered.', ['payment', 'tendered']);
  const minor = parseMinorUnits(input.tendered.amount, input.tendered.currencyCode);
  if (minor === null || minor < 0) throw new DomainError('INVALID', 'The tendered amount must be a decimal in its currency.', ['payment', 'tendered', 'amount']);
  return { method: 'CASH', tendered: { minor, currencyCode: input.tendered.currencyCode } };
}

/**
 * What a sale at the till needs of the cart: rung up at this store if at any (a till cart's lines were checked
 * against its own store's shelf, and the sale reserves from this one), no shipping charged, and the store's
 * tax, which the cart applies when its shipping address is the store's (the POS sets it): same country and region.
 */
function checkSaleAtStore(cart: CheckoutCart, store: StoreLocation): void {
  if (cart.storeId !== null && cart.storeId !== store.id.toLowerCase()) {
    throw new DomainError('CART_AT_OTHER_STORE', 'This cart is rung up at another store: sell it at that store\'s till.', ['locationId']);
  }
  if (cart.shippingMinor > 0) {
    throw new DomainError('CART_HAS_SHIPPING', 'Nothing ships from the till: remove the shipping option from the cart.', ['cartId']);
  }
  if (!store.countryCode) return;
  const address = cart.shippingAddress;
  const sameCountry = address?.countryCode?.toUpperCase() === store.countryCode;
  const sameRegion = (address?.provinceCode?.toUpperCase() ?? null) === store.provinceCode;
  if (!sameCountry || !sameRegion) {
    throw new DomainError('TAX_ADDRESS_MISMATCH', `Set the cart's shipping address to the store's (${store.name}), so its tax applies.`, ['cartId']);
  }
}

function checkTender(cart: CheckoutCart, payment: Payment): void {
  if (!payment.tendered) return;
  if (payment.tendered.currencyCode !== cart.currencyCode) {
    throw new DomainError('INVALID', `The cart is in ${cart.currencyCode}.`, ['payment', 'tendered', 'currencyCode']);
  }
  if (payment.tendered.minor < cart.totalMinor) {
    throw new DomainError(
      'INSUFFICIENT_TENDER',
      `${formatMinorUnits(payment.tendered.minor, cart.currencyCode)} ${cart.currencyCode} is less than the total, ${formatMinorUnits(cart.totalMinor, cart.currencyCode)} ${cart.currencyCode}.`,
      ['payment', 'tendered'],
    );
  }
}

/**
 * The sale, in the caller's transaction. Under the cart's advisory lock, a cart already sold at a till
 * or paid online is refused: a backstop, since cart already refuses a second checkout of a cart while
 * the first is pending (`cartCheckoutStart`), and the partial unique index on POS orders' cart is
 * another. Then the order goes through every status a sale at the till passes, each recorded with the
 * clerk as actor.
 */
async function insertSale(
  tx: Ctx,
  sale: { orderId: string; cart: CheckoutCart; titles: (string | null)[]; store: StoreLocation; payment: Payment; actor: string },
): Promise<void> {
  const { orderId, cart, titles, store, payment, actor } = sale;
  await tx.em.execute('select pg_advisory_xact_lock(hashtextextended(?::text, 0))', [`orders.cart:${cart.cartId}`]);
  const [sold] = await tx.em.execute<{ number: number }[]>(
    "select number from customer_order where cart_id = ? and (channel = 'POS' or status not in ('PENDING_PAYMENT', 'CANCELLED')) limit 1",
    [cart.cartId],
  );
  if (sold) throw new DomainError('CART_COMPLETED', `This cart was already sold: order ${sold.number}.`, ['cartId']);
  const [counter] = await tx.em.execute<{ last_number: number }[]>('update order_number_counter set last_number = last_number + 1 returning last_number');
  const number = counter!.last_number;
  // Created PENDING_PAYMENT and moved on at once, so every status goes through the state machine and history.
  await tx.em.execute(
    `insert into customer_order (id, number, status, customer_id, cart_id, email, currency_code, subtotal_minor, discounts_minor,
       shipping_minor, tax_minor, total_minor, stripe_payment_intent_id, shipping_address, client_ip,
       channel, payment_method, tendered_minor, captured_minor, location_id, handed_over_at)
     values (?, ?, 'PENDING_PAYMENT', ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?::jsonb, null, 'POS', ?, ?, ?, ?, now())`,
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
      cart.shippingAddress ? JSON.stringify(cart.shippingAddress) : null,
      payment.method,
      payment.tendered?.minor ?? null,
      cart.totalMinor,
      store.id,
    ],
  );
  // Handed over on the spot: every unit counts as shipped (collected), so returns work as for a delivery.
  const lines = await tx.em.execute<{ id: string; position: number }[]>(
    `insert into order_line (id, order_id, position, variant_id, title, quantity, unit_price_minor, total_minor, shipped_quantity)
     values ${cart.lines.map(() => '(gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} returning id, position`,
    cart.lines.flatMap((line, index) => [orderId, index, line.variantId, titles[index] ?? line.variantId, line.quantity, line.unitPriceMinor, line.totalMinor, line.quantity]),
  );
  const lineIds = new Map(lines.map((line) => [line.position, line.id]));
  const summary = orderSummary(
    { ...cart, id: orderId, number, customerId: cart.ownerId },
    cart.lines.map((line, index) => ({ ...line, id: lineIds.get(index)!, title: titles[index] ?? line.variantId })),
  );
  const at = `${store.name} (Location ${store.id})`;
  const amount = (minor: number) => `${formatMinorUnits(minor, cart.currencyCode)} ${cart.currencyCode}`;
  await recordHistory(tx, orderId, null, 'PENDING_PAYMENT', actor, `Sale at the till of ${at}, cart ${cart.cartId}`);
  await tx.emit(OrderEvent.PLACED, summary);
  let order = { id: orderId, status: 'PENDING_PAYMENT' as const } as { id: string; status: 'PENDING_PAYMENT' | 'PAID' | 'FULFILLED' };
  const paid = payment.tendered
    ? `Paid in cash at the till: ${amount(payment.tendered.minor)} tendered, ${amount(payment.tendered.minor - cart.totalMinor)} change`
    : `Paid by card present at the till: ${amount(cart.totalMinor)} (simulated card terminal; no online charge)`;
  await changeStatus(tx, order, 'PAID', actor, paid);
  await tx.emit(OrderEvent.PAID, summary);
  order = { id: orderId, status: 'PAID' };
  await changeStatus(tx, order, 'FULFILLED', actor, `Handed over at the till of ${at}`);
  order = { id: orderId, status: 'FULFILLED' };
  await changeStatus(tx, order, 'DELIVERED', actor, `Handed over at the till of ${at}`);
}

/** The order a key made, with its change due (from the stored tender). */
async function replay(ctx: Ctx, orderId: string): Promise<PosCheckoutResult> {
  ctx.loaders.orderById.clear(orderId);
  const order = await ctx.loaders.orderById.load(orderId);
  if (!order) throw new Error(`Order ${orderId} of a till's idempotency key not found`);
  const changeDue = order.tenderedMinor === null || order.tenderedMinor === undefined ? null : money(order.tenderedMinor - order.totalMinor, order.currencyCode);
  return { order, changeDue };
}
