import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId, type Viewer } from '#kit';
import { ADDRESS, checkoutHelpers, linesOf } from './checkout-support.ts';
import {
  ADDRESS_UPDATE,
  CART_CREATE,
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
} from './support.ts';

/**
 * A cart's checkout, driven by the orders service: `cartCheckoutStart` detaches the cart for an order
 * (CHECKING_OUT: read-only, no longer the customer's open cart). What ends a checkout (paid, cancelled,
 * abandoned) is in checkout-release.test.ts.
 */
let sys: CartSystem;
let cheap: string; // 20.00

beforeAll(async () => {
  sys = await startCartSystem({ shipping: false });
  cheap = (await createVariant(sys, { price: '20.00', stock: 500 })).variantId;
  await createVariant(sys, { price: '300.00', stock: 500 });
});
afterAll(() => sys?.close());

const { readCart, cartRow, customerCart, paid, apply } = checkoutHelpers(() => sys);

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
