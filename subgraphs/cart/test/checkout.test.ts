import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId, type DomainEvent, type Viewer } from '#kit';
import { expireIdleCarts } from '../src/services/expiry.ts';
import { onCheckoutAbandoned } from '../src/subscribers/checkout-abandoned.ts';
import { onOrderCancelled } from '../src/subscribers/order-cancelled.ts';
import { onOrderPaid } from '../src/subscribers/order-paid.ts';
import {
  ADDRESS_UPDATE,
  CART_CREATE,
  CART_FIELDS,
  CODES_UPDATE,
  IDENTITY_UPDATE,
  LINES_ADD,
  LINES_REMOVE,
  LINES_UPDATE,
  OPTION_UPDATE,
  abandonCheckout,
  cartRows,
  cartWith,
  checkedOut,
  createVariant,
  localId,
  mutate,
  person,
  revisionOf,
  startCartSystem,
  startCheckout,
  type CartSystem,
  type Person,
} from './support.ts';

/**
 * A cart's checkout, driven by the orders service: `cartCheckoutStart` detaches the cart for an order
 * (CHECKING_OUT: read-only, no longer the customer's open cart), `orders.order.paid` completes it,
 * `orders.order.cancelled` (unpaid) or `cartCheckoutAbandon` opens it again, or merges it into the
 * customer's newer open cart. Events and calls in any order, any number of times.
 */
let sys: CartSystem;
let cheap: string; // 20.00
let pricey: string; // 300.00

beforeAll(async () => {
  sys = await startCartSystem({ shipping: false });
  cheap = (await createVariant(sys, { price: '20.00', stock: 500 })).variantId;
  pricey = (await createVariant(sys, { price: '300.00', stock: 500 })).variantId;
});
afterAll(() => sys?.close());

const READ = `query ($id: ID!) { cart(id: $id) { ${CART_FIELDS} completedAt } }`;
const readCart = async (id: string, who?: Person) => (await sys.send<any>(READ, { id }, who)).cart;
const cartRow = async (cartGid: string) =>
  (await sys.cart.sql<{ status: string; checkout_order_id: string | null; merged_into_id: string | null; completed_order_id: string | null }>(
    'select status, checkout_order_id, merged_into_id, completed_order_id from cart where id = ?',
    [localId(cartGid)],
  ))[0]!;
const customerCart = async (who: Person) => {
  const result = await sys.cart.request(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { cart { id } } } }`, {
    reps: [{ __typename: 'Customer', id: toGlobalId('Customer', who.customerId) }],
  }, who.viewer);
  return result.data!._entities[0].cart as { id: string } | null;
};
const linesOf = (cart: any) => cart.lines.map((line: any) => [line.merchandise.id, line.quantity]);

function event(type: string, payload: Record<string, unknown>): DomainEvent<any> {
  return { id: crypto.randomUUID(), type, producer: 'orders', occurredAt: new Date().toISOString(), requestId: null, payload };
}
/** `orders.order.cancelled` as orders emits it. */
const cancelled = (cart: any, orderId: string, wasPaid = false) =>
  event('orders.order.cancelled', {
    orderId, number: 1001, cartId: localId(cart.id), customerId: null, email: null, reason: 'Payment failed: card declined', wasPaid,
  });
/** `orders.order.paid` for an order of the cart as it is (an OrderSummary). */
const paid = (cart: any, orderId: string) =>
  event('orders.order.paid', {
    orderId, number: 1001, cartId: localId(cart.id), customerId: null, email: null, currencyCode: 'USD',
    totals: { subtotalMinor: 0, discountsMinor: 0, shippingMinor: 0, taxMinor: 0, totalMinor: 0 },
    lines: cart.lines.map((line: any) => ({ orderLineId: crypto.randomUUID(), variantId: localId(line.merchandise.id), quantity: line.quantity })),
    shippingAddress: null,
  });
/** Applies an event the way the bus does: its subscriber in a transaction with the subgraph's real context. */
const SUBSCRIBERS: Record<string, (ctx: any, e: DomainEvent<any>) => Promise<void>> = {
  'orders.order.paid': onOrderPaid,
  'orders.order.cancelled': onOrderCancelled,
  'orders.checkout.abandoned': onCheckoutAbandoned,
};
const apply = (e: DomainEvent<any>) => sys.cart.context().transaction((tx) => SUBSCRIBERS[e.type]!(tx, e));

const ADDRESS = { address1: '1 Main St', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' };

describe('cartCheckoutStart', () => {
  it('detaches the cart: read-only for everyone who could change it, still read by id, no longer Customer.cart; cartCreate makes a new cart', async () => {
    const shopper = await person();
    const cart = await cartWith(sys, { [cheap]: 2 }, shopper, { discountCodes: ['WELCOME10'] });
    const guest = await cartWith(sys, { [cheap]: 1 });
    expect((await customerCart(shopper))?.id).toBe(cart.id);

    const started = await startCheckout(sys, cart.id);
    expect(started.userErrors).toEqual([]);
    expect(started.cart).toEqual({ id: cart.id, completedAt: null });
    expect(await cartRow(cart.id)).toMatchObject({ status: 'CHECKING_OUT', checkout_order_id: started.orderId });
    await checkedOut(sys, guest.id);

    // Still read by id, exactly as it was, by whoever could read it (and by orders).
    expect(await readCart(cart.id, shopper)).toMatchObject({ id: cart.id, lines: cart.lines, cost: cart.cost, completedAt: null });
    expect((await readCart(cart.id, sys.staff)).id).toBe(cart.id);
    expect(await revisionOf(sys, cart.id)).not.toBeNull();
    expect(await readCart(cart.id, await person())).toBeNull();
    expect(await customerCart(shopper)).toBeNull();

    const lineId = cart.lines[0].id;
    const mutations: [string, Record<string, unknown>][] = [
      [LINES_ADD, { lines: [{ merchandiseId: cheap, quantity: 1 }] }],
      [LINES_UPDATE, { lines: [{ id: lineId, quantity: 3 }] }],
      [LINES_REMOVE, { lineIds: [lineId] }],
      [CODES_UPDATE, { codes: [] }],
      [IDENTITY_UPDATE, { buyerIdentity: { email: 'other@example.com' } }],
      [ADDRESS_UPDATE, { address: ADDRESS }],
      [OPTION_UPDATE, { optionId: 'any-option' }],
    ];
    const before = await cartRows(sys);
    const checkingOut = [{
      field: ['cartId'],
      message: 'This cart is being checked out (its order awaits payment) and cannot be changed; a new cart (cartCreate) is used for anything else.',
      code: 'CART_CHECKING_OUT',
    }];
    for (const [query, variables] of mutations) {
      for (const [cartId, who] of [[cart.id, shopper], [cart.id, sys.staff], [guest.id, undefined], [guest.id, shopper]] as const) {
        expect(await mutate(sys, query, { cartId, ...variables }, who), query).toEqual({ cart: null, userErrors: checkingOut });
      }
      const stranger = await mutate(sys, query, { cartId: cart.id, ...variables }, await person());
      expect(stranger.userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);
    }
    expect(await cartRows(sys)).toEqual(before);
    // The database says it again.
    await expect(sys.cart.sql(`update cart set email = 'x@example.com' where id = ?`, [localId(cart.id)])).rejects.toThrow(/CHECKING_OUT cart changes only by leaving/);

    // The customer goes on shopping: a new cart, theirs; the one awaiting payment untouched.
    const fresh = await mutate(sys, CART_CREATE, { input: { lines: [{ merchandiseId: cheap, quantity: 2 }] } }, shopper);
    expect(fresh.userErrors).toEqual([]);
    expect(fresh.cart.id).not.toBe(cart.id);
    expect(linesOf(fresh.cart)).toEqual([[cheap, 2]]);
    expect(fresh.cart.discountCodes).toEqual([]);
    expect((await customerCart(shopper))?.id).toBe(fresh.cart.id);
    expect(await readCart(cart.id, shopper)).toMatchObject({ lines: cart.lines, cost: cart.cost });
    expect(await cartRow(cart.id)).toMatchObject({ status: 'CHECKING_OUT', checkout_order_id: started.orderId });
  });

  it('is idempotent per order and refuses another order (CART_CHECKOUT_IN_PROGRESS), a changed cart (CART_CHANGED), gone or completed carts', async () => {
    const shopper = await person();
    const cart = await cartWith(sys, { [cheap]: 1 }, shopper);
    const revision = (await revisionOf(sys, cart.id))!;
    // The cart changes after checkout read it: the order would not be what the cart holds.
    const raised = await mutate(sys, LINES_UPDATE, { cartId: cart.id, lines: [{ id: cart.lines[0].id, quantity: 2 }] }, shopper);
    expect(raised.userErrors).toEqual([]);
    expect(await revisionOf(sys, cart.id)).toBe(revision + 1);
    const stale = await startCheckout(sys, cart.id, { revision });
    expect(stale).toMatchObject({ cart: null, userErrors: [{ code: 'CART_CHANGED', field: ['revision'] }] });
    expect((await cartRow(cart.id)).status).toBe('OPEN');

    const first = await startCheckout(sys, cart.id);
    expect(first.userErrors).toEqual([]);
    const row = await sys.cart.sql('select * from cart where id = ?', [localId(cart.id)]);
    // The same order again (a checkout retried with its key): the cart as it is, nothing written.
    const again = await startCheckout(sys, cart.id, { orderId: first.orderId, revision: 0 });
    expect(again).toMatchObject({ cart: { id: cart.id }, userErrors: [] });
    expect(await sys.cart.sql('select * from cart where id = ?', [localId(cart.id)])).toEqual(row);
    // Another order while the first awaits payment: one pending order per cart.
    const second = await startCheckout(sys, cart.id);
    expect(second).toMatchObject({
      cart: null,
      userErrors: [{ code: 'CART_CHECKOUT_IN_PROGRESS', field: ['cartId'], message: 'This cart is already being checked out for another order awaiting payment.' }],
    });
    expect(await sys.cart.sql('select * from cart where id = ?', [localId(cart.id)])).toEqual(row);

    // Paid: the same order is still answered (a late retry), another is CART_COMPLETED.
    await apply(paid(cart, first.orderId));
    expect(await startCheckout(sys, cart.id, { orderId: first.orderId })).toMatchObject({ userErrors: [], cart: { completedAt: expect.any(String) } });
    expect((await startCheckout(sys, cart.id, { revision: 1 })).userErrors.map((error) => error.code)).toEqual(['CART_COMPLETED']);

    // Unknown, malformed, merged, expired or idle carts: NOT_FOUND; a malformed order id: INVALID.
    const merged = await cartWith(sys, { [cheap]: 1 }, undefined);
    const gone = await cartWith(sys, { [cheap]: 1 }, undefined);
    await sys.cart.sql(`update cart set status = 'EXPIRED' where id = ?`, [localId(gone.id)]);
    const idle = await cartWith(sys, { [cheap]: 1 }, undefined);
    await sys.cart.sql(`update cart set updated_at = now() - interval '31 days' where id = ?`, [localId(idle.id)]);
    const owner = await person();
    const mine = await cartWith(sys, { [cheap]: 1 }, owner);
    expect((await mutate(sys, IDENTITY_UPDATE, { cartId: merged.id, buyerIdentity: { email: 'merge@example.com' } }, owner)).userErrors).toEqual([]);
    expect((await cartRow(mine.id)).status).toBe('MERGED');
    for (const cartId of [mine.id, gone.id, idle.id, toGlobalId('Cart', crypto.randomUUID()), 'gid://commerce/Cart/nope']) {
      expect((await startCheckout(sys, cartId, { revision: 1 })).userErrors.map((error) => [error.code, error.field]), cartId).toEqual([['NOT_FOUND', ['cartId']]]);
    }
    const badOrder = await sys.cart.request(
      `mutation ($cartId: ID!) { cartCheckoutStart(cartId: $cartId, orderId: "gid://commerce/Order/1", revision: 0) { userErrors { code field } } }`,
      { cartId: merged.id },
      { role: 'service', customerId: null, service: 'orders' },
    );
    expect(badOrder.data!.cartCheckoutStart.userErrors).toEqual([{ code: 'INVALID', field: ['orderId'] }]);
    expect((await cartRow(merged.id)).status).toBe('OPEN');
  });

  it('is the orders service\'s alone: people and other services are refused, and the gateway does not expose it', async () => {
    const shopper = await person();
    const cart = await cartWith(sys, { [cheap]: 1 }, shopper);
    const callers: [Viewer, string][] = [
      [shopper.viewer, 'FORBIDDEN'],
      [sys.staff.viewer, 'FORBIDDEN'],
      [{ role: 'service', customerId: null, service: 'shipping' }, 'FORBIDDEN'],
      [{ role: 'anonymous', customerId: null }, 'UNAUTHENTICATED'],
    ];
    for (const [as, code] of callers) {
      expect((await startCheckout(sys, cart.id, { as, revision: 0 })).userErrors.map((error) => error.code)).toEqual([code]);
      expect((await abandonCheckout(sys, cart.id, crypto.randomUUID(), as)).userErrors.map((error) => error.code)).toEqual([code]);
    }
    expect((await cartRow(cart.id)).status).toBe('OPEN');
    const viaGateway = await sys.system.request(
      `mutation ($id: ID!) { cartCheckoutStart(cartId: $id, orderId: "gid://commerce/Order/x", revision: 0) { userErrors { code } } }`,
      { id: cart.id },
      shopper.token,
    );
    expect(viaGateway.errors?.[0]?.message).toMatch(/cartCheckoutStart/);
    const revision = await sys.system.request(`query ($id: ID!) { cart(id: $id) { revision } }`, { id: cart.id }, shopper.token);
    expect(revision.errors?.[0]?.message).toMatch(/revision/);
  });
});

describe('orders.order.paid', () => {
  it('completes the cart it was checking out for, whichever order the paid and a paid order\'s cancelled events arrive in', async () => {
    for (const order of [['paid', 'cancelled'], ['cancelled', 'paid']] as const) {
      const shopper = await person();
      const cart = await cartWith(sys, { [cheap]: 2, [pricey]: 1 }, shopper);
      const orderId = await checkedOut(sys, cart.id);
      const events = { paid: paid(cart, orderId), cancelled: cancelled(cart, orderId, true) };
      for (const name of order) await apply(events[name]);
      expect(await cartRow(cart.id)).toMatchObject({ status: 'COMPLETED', completed_order_id: orderId, checkout_order_id: null });
      expect(linesOf(await readCart(cart.id, shopper))).toEqual(linesOf(cart));
    }
  });
});

describe('orders.order.cancelled (unpaid)', () => {
  it('opens the cart again, as it was: the buyer changes it and checks it out anew; applied once, whatever else arrives', async () => {
    const shopper = await person();
    const cart = await cartWith(sys, { [cheap]: 2 }, shopper, { discountCodes: ['WELCOME10'] });
    const orderId = await checkedOut(sys, cart.id);
    const failed = cancelled(cart, orderId);
    await apply(failed);
    expect(await cartRow(cart.id)).toEqual({ status: 'OPEN', checkout_order_id: null, merged_into_id: null, completed_order_id: null });
    const reopened = await readCart(cart.id, shopper);
    expect(reopened).toMatchObject({ lines: cart.lines, cost: cart.cost, discountCodes: cart.discountCodes });
    expect(new Date(reopened.updatedAt).getTime()).toBeGreaterThan(new Date(cart.updatedAt).getTime());
    expect((await customerCart(shopper))?.id).toBe(cart.id);
    // The customer's next cartCreate continues it, as any open cart.
    const continued = await mutate(sys, CART_CREATE, { input: { lines: [{ merchandiseId: pricey, quantity: 1 }] } }, shopper);
    expect(continued.cart.id).toBe(cart.id);
    expect(linesOf(continued.cart)).toEqual([[cheap, 2], [pricey, 1]]);

    // Checked out again for a new order; the first order's cancellation, delivered again, changes nothing.
    const retry = await checkedOut(sys, cart.id);
    await apply(failed);
    await apply({ ...failed, id: crypto.randomUUID() });
    expect(await cartRow(cart.id)).toMatchObject({ status: 'CHECKING_OUT', checkout_order_id: retry });
    await apply(paid(continued.cart, retry));
    expect(await cartRow(cart.id)).toMatchObject({ status: 'COMPLETED', completed_order_id: retry });
    // Once completed, a cancellation of any order of it changes nothing either.
    await apply(cancelled(cart, retry));
    expect((await cartRow(cart.id)).status).toBe('COMPLETED');
  });

  it('merges the cart into the open cart its customer started meanwhile: nothing chosen is lost, nothing in use taken away', async () => {
    const shopper = await person();
    const cart = await cartWith(sys, { [cheap]: 2, [pricey]: 1 }, shopper, { discountCodes: ['WELCOME10'], buyerIdentity: { email: 'buyer@example.com' } });
    const orderId = await checkedOut(sys, cart.id);
    const fresh = await cartWith(sys, { [cheap]: 1 }, shopper);
    expect(fresh.id).not.toBe(cart.id);

    await apply(cancelled(cart, orderId));
    expect(await cartRow(cart.id)).toMatchObject({ status: 'MERGED', merged_into_id: localId(fresh.id), checkout_order_id: null });
    expect((await customerCart(shopper))?.id).toBe(fresh.id);
    const merged = await readCart(fresh.id, shopper);
    expect(linesOf(merged)).toEqual([[cheap, 3], [pricey, 1]]);
    expect(merged.discountCodes).toEqual([{ code: 'WELCOME10', applicable: true }]);
    expect(merged.buyerIdentity.email).toBe('buyer@example.com');
    expect(await readCart(cart.id, shopper)).toBeNull();
    // The merged cart's id no longer changes anything; the open one goes on.
    expect((await mutate(sys, LINES_ADD, { cartId: cart.id, lines: [{ merchandiseId: cheap, quantity: 1 }] }, shopper)).userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect((await mutate(sys, LINES_ADD, { cartId: fresh.id, lines: [{ merchandiseId: cheap, quantity: 1 }] }, shopper)).userErrors).toEqual([]);
  });

  it('expires an idle open cart of the customer instead, and opens the released one; a guest\'s cart simply opens', async () => {
    const shopper = await person();
    const cart = await cartWith(sys, { [cheap]: 1 }, shopper);
    const orderId = await checkedOut(sys, cart.id);
    const idle = await cartWith(sys, { [pricey]: 1 }, shopper);
    await sys.cart.sql(`update cart set updated_at = now() - interval '31 days' where id = ?`, [localId(idle.id)]);
    await apply(cancelled(cart, orderId));
    expect((await cartRow(idle.id)).status).toBe('EXPIRED');
    expect((await cartRow(cart.id)).status).toBe('OPEN');
    expect((await customerCart(shopper))?.id).toBe(cart.id);

    const guest = await cartWith(sys, { [cheap]: 1 });
    const guestOrder = await checkedOut(sys, guest.id);
    await apply(cancelled(guest, guestOrder));
    expect((await cartRow(guest.id)).status).toBe('OPEN');
  });

  it('throws on a malformed payload (retried, then dead-lettered), changing nothing', async () => {
    const cart = await cartWith(sys, { [cheap]: 1 });
    const orderId = await checkedOut(sys, cart.id);
    for (const [problem, spoil] of [
      ['orderId', (p: any) => (p.orderId = 'gid://commerce/Order/1')],
      ['cartId', (p: any) => delete p.cartId],
      ['wasPaid', (p: any) => delete p.wasPaid],
    ] as const) {
      const e = cancelled(cart, orderId);
      spoil(e.payload);
      await expect(apply(e), problem).rejects.toThrow(new RegExp(`malformed payload: .*${problem}`));
    }
    expect((await cartRow(cart.id)).status).toBe('CHECKING_OUT');
    // A cart cart does not know: logged and ignored.
    await apply(cancelled({ id: toGlobalId('Cart', crypto.randomUUID()) }, orderId));
  });
});

describe('cartCheckoutAbandon', () => {
  it('gives the cart back at once when the checkout failed before its order existed; idempotent, only for its own order', async () => {
    const shopper = await person();
    const cart = await cartWith(sys, { [cheap]: 1 }, shopper);
    const orderId = await checkedOut(sys, cart.id);
    const other = await abandonCheckout(sys, cart.id, crypto.randomUUID());
    expect(other).toMatchObject({ cart: { id: cart.id }, userErrors: [] });
    expect((await cartRow(cart.id)).status).toBe('CHECKING_OUT');

    expect(await abandonCheckout(sys, cart.id, orderId)).toEqual({ cart: { id: cart.id, totalQuantity: 1 }, userErrors: [] });
    expect((await cartRow(cart.id)).status).toBe('OPEN');
    expect(await abandonCheckout(sys, cart.id, orderId)).toEqual({ cart: { id: cart.id, totalQuantity: 1 }, userErrors: [] });
    expect((await mutate(sys, ADDRESS_UPDATE, { cartId: cart.id, address: ADDRESS }, shopper)).userErrors).toEqual([]);
    expect((await startCheckout(sys, cart.id)).userErrors).toEqual([]);

    expect((await abandonCheckout(sys, toGlobalId('Cart', crypto.randomUUID()), orderId)).userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect((await abandonCheckout(sys, 'gid://commerce/Cart/nope', orderId)).userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('arrives as orders.checkout.abandoned when orders could not call (cart unreachable, or a checkout that died): the same release', async () => {
    const shopper = await person();
    const cart = await cartWith(sys, { [cheap]: 1 }, shopper);
    const orderId = await checkedOut(sys, cart.id);
    const abandoned = (forOrder: string) => event('orders.checkout.abandoned', { orderId: forOrder, cartId: localId(cart.id), reason: 'checkout failed' });
    await apply(abandoned(crypto.randomUUID()));
    expect((await cartRow(cart.id)).status).toBe('CHECKING_OUT');
    await apply(abandoned(orderId));
    expect((await cartRow(cart.id)).status).toBe('OPEN');
    // Late, after the cart was checked out again for another order: nothing.
    const next = await checkedOut(sys, cart.id);
    await apply(abandoned(orderId));
    expect(await cartRow(cart.id)).toMatchObject({ status: 'CHECKING_OUT', checkout_order_id: next });
    await expect(apply(event('orders.checkout.abandoned', { orderId: 'x', cartId: localId(cart.id) }))).rejects.toThrow(/malformed payload/);
  });
});

describe('the expiry worker', () => {
  it('never expires a cart being checked out, and keeps the catalog observations its lines need', async () => {
    const own = (await createVariant(sys, { price: '5.00', stock: 10 })).variantId;
    const cart = await cartWith(sys, { [own]: 1 });
    await checkedOut(sys, cart.id);
    await sys.cart.sql(
      `insert into variant_state (variant_id, product_id, price_minor, currency_code, product_status)
       select variant_id, product_id, unit_price_minor, currency_code, product_status from cart_line where cart_id = ?
       on conflict (variant_id) do nothing`,
      [localId(cart.id)],
    );
    await expireIdleCarts(sys.cart.context(), 30);
    expect((await cartRow(cart.id)).status).toBe('CHECKING_OUT');
    expect(await sys.cart.sql('select count(*)::int as n from variant_state where variant_id = ?', [localId(own)])).toEqual([{ n: 1 }]);
  });
});
