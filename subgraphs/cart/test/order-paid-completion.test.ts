import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueOf } from '#kit';
import { eventually } from '#kit/testing/index.ts';
import { expireIdleCarts } from '../src/services/expiry.ts';
import { ORDERS, paymentHelpers } from './checkout-support.ts';
import {
  ADDRESS_UPDATE,
  CART_CREATE,
  CODES_UPDATE,
  IDENTITY_UPDATE,
  LINES_ADD,
  LINES_REMOVE,
  LINES_UPDATE,
  OPTION_UPDATE,
  cartRows,
  cartWith,
  checkedOut,
  createVariant,
  localId,
  mutate,
  person,
  startCartSystem,
  type CartSystem,
} from './support.ts';

let sys: CartSystem;
let cheap: string; // 20.00

beforeAll(async () => {
  sys = await startCartSystem({ shipping: false });
  cheap = (await createVariant(sys, { price: '20.00', stock: 500 })).variantId;
  await createVariant(sys, { price: '300.00', stock: 500 });
});
// Checkout transitions (start, cancellation, abandon) are in checkout-start.test.ts and checkout-release.test.ts;
// this file is about payment completing the cart, order-paid-discount-usage.test.ts about the discounts it counts.
afterAll(() => sys?.close());

const { readCart, paidEvent, apply, pay, cartRow, redemptionsOf, customerCart, cartOrderOf } = paymentHelpers(() => sys);

describe('orders.order.paid completes the cart', () => {
  it('makes the cart COMPLETED: still read by its owner (read-only, completedAt set), no longer Customer.cart; a new cartCreate starts afresh', async () => {
    const shopper = await person();
    const cart = await cartWith(sys, { [cheap]: 2 }, shopper, { buyerIdentity: { email: 'paid@example.com' }, discountCodes: ['WELCOME10'] });
    expect(cart.cost.discountAmount).toEqual({ amount: '4.00', currencyCode: 'USD' });
    expect((await customerCart(shopper))?.id).toBe(cart.id);

    const event = await pay(cart);

    const row = await cartRow(cart.id);
    expect(row).toMatchObject({ status: 'COMPLETED', completed_order_id: event.payload.orderId });
    expect(new Date(row.completed_at!).toISOString()).toBe(event.occurredAt);
    const read = await readCart(cart.id, shopper);
    expect(read).toMatchObject({ id: cart.id, totalQuantity: 2, lines: cart.lines, cost: cart.cost, completedAt: event.occurredAt });
    // Staff still read it; the orders service, which reads carts to check them out, no longer does.
    expect((await readCart(cart.id, sys.staff)).id).toBe(cart.id);
    expect((await sys.cart.request(`query ($id: ID!) { cart(id: $id) { id } }`, { id: cart.id }, ORDERS)).data).toEqual({ cart: null });
    // Someone else: as before, nothing.
    expect(await readCart(cart.id, await person())).toBeNull();

    expect(await customerCart(shopper)).toBeNull();
    const fresh = await mutate(sys, CART_CREATE, { input: { lines: [{ merchandiseId: cheap, quantity: 1 }] } }, shopper);
    expect(fresh.userErrors).toEqual([]);
    expect(fresh.cart.id).not.toBe(cart.id);
    expect(fresh.cart.totalQuantity).toBe(1);
    expect((await customerCart(shopper))?.id).toBe(fresh.cart.id);
    expect((await cartRow(cart.id)).status).toBe('COMPLETED');

    expect(await redemptionsOf(event.payload.orderId)).toEqual([
      { code: 'WELCOME10', title: '10% off your order', amount_minor: 400, customer_id: shopper.customerId, cart_id: localId(cart.id), email: 'paid@example.com', currency_code: 'USD' },
    ]);
  });

  it('refuses every cart mutation on a completed cart with CART_COMPLETED on cartId, writing nothing', async () => {
    const shopper = await person();
    const cart = await cartWith(sys, { [cheap]: 1 }, shopper);
    const guest = await cartWith(sys, { [cheap]: 1 });
    await pay(cart);
    await pay(guest);
    const lineId = cart.lines[0].id;
    const mutations: [string, Record<string, unknown>][] = [
      [LINES_ADD, { lines: [{ merchandiseId: cheap, quantity: 1 }] }],
      [LINES_UPDATE, { lines: [{ id: lineId, quantity: 3 }] }],
      [LINES_REMOVE, { lineIds: [lineId] }],
      [CODES_UPDATE, { codes: ['WELCOME10'] }],
      [IDENTITY_UPDATE, { buyerIdentity: { email: 'other@example.com' } }],
      [ADDRESS_UPDATE, { address: { address1: '1 Main St', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' } }],
      [OPTION_UPDATE, { optionId: 'any-option' }],
    ];
    const before = await cartRows(sys);
    const completed = [{ field: ['cartId'], message: 'This cart became an order and can no longer be changed; start a new cart.', code: 'CART_COMPLETED' }];
    for (const [query, variables] of mutations) {
      // The owner, staff, and (for a guest cart) anyone holding its id, a signed-in customer too (no claim).
      for (const [cartId, who] of [[cart.id, shopper], [cart.id, sys.staff], [guest.id, undefined], [guest.id, shopper]] as const) {
        const payload = await mutate(sys, query, { cartId, ...variables }, who);
        expect(payload, query).toEqual({ cart: null, userErrors: completed });
      }
      // Another customer's completed cart is still simply not found.
      const stranger = await mutate(sys, query, { cartId: cart.id, ...variables }, await person());
      expect(stranger.userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);
    }
    expect(await cartRows(sys)).toEqual(before);
    // The database says it again: a completed cart's row is final.
    await expect(sys.cart.sql(`update cart set email = 'x@example.com' where id = ?`, [localId(cart.id)])).rejects.toThrow(/COMPLETED cart is final/);
  });

  it('applies once: the same event again, or another delivery of it, changes nothing more', async () => {
    const cart = await cartWith(sys, { [cheap]: 3 }, undefined, { discountCodes: ['WELCOME10'] });
    const event = await pay(cart);
    const first = { row: await cartRow(cart.id), redemptions: await redemptionsOf(event.payload.orderId) };
    expect(first.redemptions.map((r) => [r.code, r.amount_minor])).toEqual([['WELCOME10', 600]]);
    await apply(event);
    await apply({ ...event, id: crypto.randomUUID(), occurredAt: new Date(Date.now() + 60_000).toISOString() });
    expect({ row: await cartRow(cart.id), redemptions: await redemptionsOf(event.payload.orderId) }).toEqual(first);
  });

  it('published on the bus, is applied once however often it is delivered', async () => {
    const cart = await cartWith(sys, { [cheap]: 1 }, undefined, { discountCodes: ['WELCOME10'] });
    const event = paidEvent(cart, { orderId: await checkedOut(sys, cart.id) });
    const { boss } = sys.cart.server.bus;
    await boss.publish(event.type, event, { id: event.id });
    expect((await eventually(() => cartRow(cart.id), (row) => row.status === 'COMPLETED')).status).toBe('COMPLETED');
    const queue = queueOf('cart', event.type);
    const jobs = [await boss.send(queue, event), await boss.send(queue, { ...event, id: crypto.randomUUID() })];
    for (const job of jobs) expect((await eventually(() => boss.getJobById(queue, job!), (j) => j?.state === 'completed'))?.state).toBe('completed');
    expect((await redemptionsOf(event.payload.orderId)).map((r) => [r.code, r.amount_minor])).toEqual([['WELCOME10', 200]]);
  });

  it('an order paid for a cart not checking out for it (never, once orders starts every checkout) leaves the cart as it is, and counts its discounts', async () => {
    const cart = await cartWith(sys, { [cheap]: 1 }, undefined, { discountCodes: ['WELCOME10'] });
    const first = await pay(cart);
    // Another order of the completed cart, and one of an open cart nobody checked out.
    const second = paidEvent(cart);
    await apply(second);
    expect(await cartRow(cart.id)).toMatchObject({ status: 'COMPLETED', completed_order_id: first.payload.orderId });
    expect((await redemptionsOf(second.payload.orderId)).map((r) => [r.code, r.amount_minor])).toEqual([['WELCOME10', 200]]);
    const open = await cartWith(sys, { [cheap]: 2 });
    const stray = paidEvent(open);
    await apply(stray);
    expect(await cartRow(open.id)).toEqual({ status: 'OPEN', completed_order_id: null, completed_at: null });
    expect(await cartOrderOf(stray.payload.orderId)).toEqual([{ cart_id: localId(open.id), outcome: 'NOT_CHECKING_OUT' }]);
    expect(await cartOrderOf(first.payload.orderId)).toEqual([{ cart_id: localId(cart.id), outcome: 'COMPLETED' }]);
  });

  it('completes a cart that sat checking out past the idle time: the expiry worker leaves it alone', async () => {
    const cart = await cartWith(sys, { [cheap]: 1 });
    const orderId = await checkedOut(sys, cart.id);
    await sys.cart.sql(`alter table cart disable trigger cart_checking_out_is_frozen`);
    try {
      await sys.cart.sql(`update cart set updated_at = now() - interval '400 days' where id = ?`, [localId(cart.id)]);
    } finally {
      await sys.cart.sql(`alter table cart enable trigger cart_checking_out_is_frozen`);
    }
    await expireIdleCarts(sys.cart.context(), 30);
    expect((await cartRow(cart.id)).status).toBe('CHECKING_OUT');
    const event = paidEvent(cart, { orderId });
    await apply(event);
    expect(await cartRow(cart.id)).toMatchObject({ status: 'COMPLETED', completed_order_id: orderId });
  });

  it('logs and ignores an order of a cart it does not know; throws on a malformed payload (retried, then dead-lettered)', async () => {
    const cart = await cartWith(sys, { [cheap]: 1 });
    const unknown = paidEvent(cart);
    unknown.payload.cartId = crypto.randomUUID();
    const before = await sys.cart.sql('select count(*)::int as n from discount_redemption');
    await apply(unknown);
    expect(await sys.cart.sql('select count(*)::int as n from discount_redemption')).toEqual(before);
    expect((await cartRow(cart.id)).status).toBe('OPEN');

    const malformed: [string, (payload: any) => void][] = [
      ['orderId', (p) => (p.orderId = 'gid://commerce/Order/1')],
      ['cartId', (p) => delete p.cartId],
      ['customerId', (p) => (p.customerId = 42)],
      ['currencyCode', (p) => (p.currencyCode = 'usd')],
      ['totals.discountsMinor', (p) => (p.totals.discountsMinor = '4.00')],
      ['totals.subtotalMinor', (p) => delete p.totals],
      ['lines is not a list', (p) => delete p.lines],
      ['lines.0.variantId', (p) => (p.lines[0].variantId = 'gid://commerce/ProductVariant/1')],
      ['lines.0.quantity', (p) => (p.lines[0].quantity = 0)],
    ];
    for (const [problem, spoil] of malformed) {
      const event = paidEvent(cart);
      spoil(event.payload);
      await expect(apply(event), problem).rejects.toThrow(new RegExp(`malformed payload: .*${problem.replace('.', '\\.')}`));
    }
    await expect(apply({ ...paidEvent(cart), payload: null })).rejects.toThrow(/malformed payload/);
    expect((await cartRow(cart.id)).status).toBe('OPEN');
  });
});
