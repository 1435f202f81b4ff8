import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import { expireIdleCarts } from '../src/services/expiry.ts';
import { ADDRESS, checkoutHelpers, linesOf } from './checkout-support.ts';
import {
  ADDRESS_UPDATE,
  CART_CREATE,
  LINES_ADD,
  abandonCheckout,
  cartWith,
  checkedOut,
  createVariant,
  localId,
  mutate,
  person,
  startCartSystem,
  startCheckout,
  type CartSystem,
} from './support.ts';

/**
 * How a cart's checkout ends, driven by the orders service: `orders.order.paid` completes it,
 * `orders.order.cancelled` (unpaid) or `cartCheckoutAbandon` opens it again, or merges it into the
 * customer's newer open cart. Events and calls in any order, any number of times. Starting a checkout
 * is in checkout-start.test.ts.
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

const { readCart, cartRow, customerCart, event, cancelled, paid, apply } = checkoutHelpers(() => sys);

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
