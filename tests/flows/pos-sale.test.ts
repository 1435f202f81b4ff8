import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '#kit/testing/index.ts';
import { createCart, minor, uuidOf, type Commerce } from '../support/commerce.ts';
import { SELL, startTill, tillHelpers, usd, type Payment, type Till } from './pos-support.ts';

/**
 * A store's till through the real gateway: a clerk (staff) sells a cart from the store's shelf for cash or
 * by a card present. Stock is checked per location: the store's drops, the warehouse's never does.
 * Handing over online orders at the store is in pos-pickup.test.ts.
 */
let till: Till;
let c: Commerce;
let shopper: string;
let store: Till['store'];
let warehouse: Till['warehouse'];
let stocked: Till['stocked'];

beforeAll(async () => {
  till = await startTill('pos-shopper@example.com');
  ({ c, shopper, store, warehouse, stocked } = till);
}, 120_000);

afterAll(async () => {
  await c?.close();
});

const { sell, levelAt, setOnHand, tillCart, cartCost, cartTotal, ordersSql, countRows, reservationCount, cartStatus } = tillHelpers(() => till);

describe('posCheckoutComplete', () => {
  it('sells two items from the store for cash: PAID → DELIVERED at once, exact change, the store’s stock drops and the warehouse’s does not', async () => {
    const [first, second] = [stocked[0]!, stocked[1]!];
    await setOnHand(first.id, store.id, 6);
    await setOnHand(second.id, store.id, 4);
    const before = {
      first: { store: await levelAt(first.id, store.id), warehouse: await levelAt(first.id, warehouse.id) },
      second: { store: await levelAt(second.id, store.id), warehouse: await levelAt(second.id, warehouse.id) },
    };
    const cartId = await tillCart([
      { merchandiseId: first.id, quantity: 2 },
      { merchandiseId: second.id, quantity: 1 },
    ]);
    // The cart's own pricing: the store's address gives California's tax; nothing ships.
    const cost = await cartCost(cartId);
    const total = cost.total;
    expect(cost.subtotal).toBe(first.priceMinor * 2 + second.priceMinor);
    expect(cost.tax).toBeGreaterThan(0);
    expect(cost.shipping).toBe(0);
    const tendered = Math.ceil((total + 1) / 1000) * 1000 + 735; // a round note or two and some coins

    const answer = await sell(cartId, { method: 'CASH', tendered: usd(tendered) }, 'till-sale-1');
    expect(answer.userErrors).toEqual([]);
    expect(minor(answer.changeDue.amount)).toBe(tendered - total);
    const order = answer.order;
    expect(order).toMatchObject({ status: 'DELIVERED', channel: 'POS', location: { id: store.id, name: 'Downtown Store' } });
    const totals = order.totals;
    expect([totals.subtotal, totals.discounts, totals.shipping, totals.tax, totals.total].map((value: any) => minor(value.amount))).toEqual([
      cost.subtotal,
      cost.discount,
      0,
      cost.tax,
      total,
    ]);
    expect(order.payment).toMatchObject({ method: 'CASH', tendered: usd(tendered), changeDue: usd(tendered - total), captured: usd(total) });
    expect(order.lines.map((line: any) => [line.merchandise.id, line.quantity, line.shippedQuantity])).toEqual([
      [first.id, 2, 2],
      [second.id, 1, 1],
    ]);
    expect(order.history.map((entry: any) => `${entry.from}>${entry.to}`)).toEqual([
      'null>PENDING_PAYMENT',
      'PENDING_PAYMENT>PAID',
      'PAID>FULFILLED',
      'FULFILLED>DELIVERED',
    ]);
    const actors = new Set(order.history.map((entry: any) => entry.actor));
    expect(actors.size).toBe(1);
    expect([...actors][0]).toMatch(/^staff:[0-9a-f-]{36}$/);
    expect(order.history[1].reason).toContain(`${(tendered / 100).toFixed(2)} USD tendered`);

    // orders.order.paid: inventory commits the store's reservation, cart closes the cart.
    await eventually(
      async () => [await levelAt(first.id, store.id), await levelAt(second.id, store.id)],
      ([a, b]) => a!.onHand === before.first.store.onHand - 2 && b!.onHand === before.second.store.onHand - 1 && a!.reserved === 0 && b!.reserved === 0,
    );
    expect(await levelAt(first.id, warehouse.id)).toEqual(before.first.warehouse);
    expect(await levelAt(second.id, warehouse.id)).toEqual(before.second.warehouse);
    const sales = await c.system.subgraphs.inventory!.sql<{ location_id: string; delta: number }>(
      "select location_id, delta from stock_movement where reason = 'SALE' and note = ? order by delta",
      [`Order ${uuidOf(order.id)}`],
    );
    expect(sales).toEqual([
      { location_id: uuidOf(store.id), delta: -2 },
      { location_id: uuidOf(store.id), delta: -1 },
    ]);
    expect(await eventually(() => cartStatus(cartId), (status) => status === 'COMPLETED')).toBe('COMPLETED');
    const row = (await ordersSql('select stripe_payment_intent_id, client_ip, held from customer_order where id = ?', [uuidOf(order.id)]))[0];
    expect(row).toEqual({ stripe_payment_intent_id: null, client_ip: null, held: false });

    // The same key again: the same order and change, nothing new.
    const ordersBefore = await countRows('customer_order');
    const again = await sell(cartId, { method: 'CASH', tendered: usd(tendered) }, 'till-sale-1');
    expect(again.userErrors).toEqual([]);
    expect(again.order.id).toBe(order.id);
    expect(again.changeDue).toEqual(answer.changeDue);
    expect(await countRows('customer_order')).toBe(ordersBefore);
    // Another key for the sold cart: refused (still detached for the sale until cart applies its payment, or
    // completed by it: orders then no longer sees the cart).
    const twice = await sell(cartId, { method: 'CASH', tendered: usd(tendered) }, 'till-sale-1-again');
    expect(['CART_CHECKOUT_IN_PROGRESS', 'NOT_FOUND']).toContain(twice.userErrors[0]?.code);
    expect(await countRows('customer_order')).toBe(ordersBefore);
  });

  it('sells by a card present (simulated): no change, no tender, the card recorded', async () => {
    const variant = stocked[2]!;
    await setOnHand(variant.id, store.id, 3);
    const cartId = await tillCart([{ merchandiseId: variant.id, quantity: 1 }]);
    const total = await cartTotal(cartId);
    const answer = await sell(cartId, { method: 'CARD_PRESENT' }, 'till-card-1');
    expect(answer.userErrors).toEqual([]);
    expect(answer.changeDue).toBeNull();
    expect(answer.order).toMatchObject({
      status: 'DELIVERED',
      channel: 'POS',
      payment: { method: 'CARD_PRESENT', tendered: null, changeDue: null, captured: usd(total) },
    });
    expect(answer.order.history[1].reason).toContain('card present');
    expect(await eventually(() => levelAt(variant.id, store.id), (level) => level.onHand === 2 && level.reserved === 0)).toEqual({ onHand: 2, reserved: 0 });
    // Refunded at the till with the same method, at once, without Stripe.
    const refund = await c.request(
      `mutation ($id: ID!) { orderRefund(orderId: $id, reason: "Changed their mind") { order { status payment { refunded { amount currencyCode } } } refund { status } userErrors { code } } }`,
      { id: answer.order.id },
      c.staffToken,
    );
    expect(refund.data!.orderRefund).toMatchObject({ order: { status: 'REFUNDED', payment: { refunded: usd(total) } }, refund: { status: 'SUCCEEDED' }, userErrors: [] });
    expect((await ordersSql('select method, stripe_refund_id from order_refund where order_id = ?', [uuidOf(answer.order.id)]))).toEqual([
      { method: 'CARD_PRESENT', stripe_refund_id: null },
    ]);
  });

  it('refuses short tender, stock short at the store while the warehouse has it, the wrong caller and bad input with typed userErrors, writing nothing', async () => {
    const variant = stocked[3]!;
    await setOnHand(variant.id, store.id, 1);
    expect((await levelAt(variant.id, warehouse.id)).onHand - (await levelAt(variant.id, warehouse.id)).reserved).toBeGreaterThanOrEqual(2);
    const cartId = await tillCart([{ merchandiseId: variant.id, quantity: 2 }]);
    const total = await cartTotal(cartId);
    const unaddressed = await createCart(c, [{ merchandiseId: variant.id, quantity: 1 }], c.staffToken);
    const before = {
      orders: await countRows('customer_order'),
      history: await countRows('order_history'),
      keys: await countRows('checkout_idempotency'),
      reservations: await reservationCount(),
      store: await levelAt(variant.id, store.id),
    };
    const cash = (minorUnits: number): Payment => ({ method: 'CASH', tendered: usd(minorUnits) });
    const cases: [string, Record<string, unknown>, string, string[] | null][] = [
      ['short tender', { cartId, payment: cash(total - 1) }, 'INSUFFICIENT_TENDER', ['payment', 'tendered']],
      ['short at the store', { cartId, payment: cash(total) }, 'INSUFFICIENT_STOCK', ['cartId', 'lines', expect.any(String)] as any],
      ['cash without tender', { cartId, payment: { method: 'CASH' } }, 'INVALID', ['payment', 'tendered']],
      ['card with tender', { cartId, payment: { method: 'CARD_PRESENT', tendered: usd(total) } }, 'INVALID', ['payment', 'tendered']],
      ['tender in euros', { cartId, payment: { method: 'CASH', tendered: { amount: '1000.00', currencyCode: 'EUR' } } }, 'INVALID', ['payment', 'tendered', 'currencyCode']],
      ['tender not an amount', { cartId, payment: { method: 'CASH', tendered: { amount: '1.001', currencyCode: 'USD' } } }, 'INVALID', ['payment', 'tendered', 'amount']],
      ['malformed cart', { cartId: 'gid://commerce/Cart/nope', payment: cash(total) }, 'INVALID', ['cartId']],
      ['unknown cart', { cartId: 'gid://commerce/Cart/00000000-0000-4000-8000-000000000000', payment: cash(total) }, 'NOT_FOUND', ['cartId']],
      ['malformed location', { cartId, locationId: 'gid://commerce/Location/x', payment: cash(total) }, 'INVALID', ['locationId']],
      ['unknown location', { cartId, locationId: 'gid://commerce/Location/00000000-0000-4000-8000-000000000000', payment: cash(total) }, 'NOT_FOUND', ['locationId']],
      ['a warehouse', { cartId, locationId: warehouse.id, payment: cash(total) }, 'INVALID', ['locationId']],
      ['not addressed to the store', { cartId: unaddressed, payment: cash(100_000) }, 'TAX_ADDRESS_MISMATCH', ['cartId']],
      ['empty key', { cartId, payment: cash(total), key: '' }, 'INVALID', ['idempotencyKey']],
    ];
    for (const [name, variables, code, field] of cases) {
      const result = await c.request(SELL, { locationId: store.id, key: `refused-${name}`, ...variables }, c.staffToken);
      expect(result.errors, `${name}: ${JSON.stringify(result.errors)}`).toBeUndefined();
      expect(result.data!.posCheckoutComplete, name).toMatchObject({ order: null, changeDue: null, userErrors: [{ code, field }] });
    }
    for (const [token, code] of [[shopper, 'FORBIDDEN'], [undefined, 'UNAUTHENTICATED']] as const) {
      const result = await c.request(SELL, { cartId, locationId: store.id, payment: cash(total), key: `caller-${code}` }, token);
      expect(result.data!.posCheckoutComplete).toMatchObject({ order: null, userErrors: [{ code }] });
    }
    expect(await countRows('customer_order')).toBe(before.orders);
    expect(await countRows('order_history')).toBe(before.history);
    expect(await countRows('checkout_idempotency')).toBe(before.keys);
    expect(await reservationCount()).toBe(before.reservations);
    expect(await levelAt(variant.id, store.id)).toEqual(before.store);

    // The refused key was given back: once the shelf is restocked, the same key sells.
    await setOnHand(variant.id, store.id, 2);
    const retried = await sell(cartId, cash(total), 'refused-short at the store');
    expect(retried.userErrors).toEqual([]);
    expect(retried.changeDue).toEqual(usd(0));
    await eventually(() => levelAt(variant.id, store.id), (level) => level.onHand === 0 && level.reserved === 0);
  });

  it('sells a cart once when two tills race with two keys; the loser’s hold at the store is released', async () => {
    const variant = stocked[4]!;
    await setOnHand(variant.id, store.id, 10);
    const cartId = await tillCart([{ merchandiseId: variant.id, quantity: 3 }]);
    const total = await cartTotal(cartId);
    const ordersBefore = await countRows('customer_order');
    const answers = await Promise.all(['race-a', 'race-b'].map((key) => sell(cartId, { method: 'CASH', tendered: usd(total) }, key)));
    expect(answers.filter((answer) => answer.userErrors.length === 0)).toHaveLength(1);
    // The loser finds the cart detached for the winner's sale, or, arriving after the winner's cash sale was
    // paid (a loaded machine can delay it that long: CI did), completed by it.
    const refusals = answers.flatMap((answer) => answer.userErrors.map((error: any) => error.code));
    expect([['CART_CHECKOUT_IN_PROGRESS'], ['NOT_FOUND'], ['CART_COMPLETED']]).toContainEqual(refusals);
    expect(await countRows('customer_order')).toBe(ordersBefore + 1);
    expect(await eventually(() => levelAt(variant.id, store.id), (level) => level.onHand === 7 && level.reserved === 0)).toEqual({ onHand: 7, reserved: 0 });
  });
});
