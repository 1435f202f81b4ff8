import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '#kit/testing/index.ts';
import { checkout, createCart, paidOrder, pay, uuidOf, type Commerce } from '../support/commerce.ts';
import { ORDER, startTill, tillHelpers, type Till } from './pos-support.ts';

/**
 * A store's till through the real gateway: a clerk (staff) hands over an online order picked up at the
 * store, which delivers it there, so shipping no longer may. Selling at the till is in pos-sale.test.ts.
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

const { pickUp, orderOf, ordersSql, countRows } = tillHelpers(() => till);

describe('orderPickUp', () => {
  it('hands a paid online order over at the store: DELIVERED, every line collected, the store in its history; shipping then refuses it', async () => {
    const variant = stocked[5]!;
    const { orderId } = await paidOrder(c, [{ merchandiseId: variant.id, quantity: 2 }], shopper);
    const answer = await pickUp(orderId);
    expect(answer.userErrors).toEqual([]);
    expect(answer.order).toMatchObject({ status: 'DELIVERED', channel: 'ONLINE', location: { id: store.id }, payment: { method: 'STRIPE', tendered: null } });
    expect(answer.order.lines.map((line: any) => [line.quantity, line.shippedQuantity])).toEqual([[2, 2]]);
    const collected = answer.order.history.filter((entry: any) => entry.reason.startsWith('Collected at'));
    expect(collected.map((entry: any) => `${entry.from}>${entry.to}`)).toEqual(['PAID>FULFILLED', 'FULFILLED>DELIVERED']);
    expect(collected[0].reason).toContain(uuidOf(store.id));
    expect(collected[0].actor).toMatch(/^staff:/);
    // The customer sees it delivered, and may return it as any delivered order.
    expect((await c.request(ORDER, { id: orderId }, shopper)).data!.order).toMatchObject({ status: 'DELIVERED', history: null });

    const ship = await c.request(
      `mutation ($input: ShipmentCreateInput!) { shipmentCreate(input: $input) { shipment { id } userErrors { code } } }`,
      { input: { orderId, carrier: 'UPS', trackingNumber: `1ZPICKUP${Date.now()}`, lines: [{ orderLineId: (await c.request(`query ($id: ID!) { order(id: $id) { lines { id } } }`, { id: orderId }, c.staffToken)).data!.order.lines[0].id, quantity: 1 }] } },
      c.staffToken,
    );
    expect(ship.data!.shipmentCreate.userErrors).toEqual([{ code: 'ORDER_NOT_FULFILLABLE' }]);
    expect((await pickUp(orderId)).userErrors).toMatchObject([{ code: 'NOT_COLLECTABLE', field: ['orderId'] }]);
  });

  it('records a shipment shipped in the moment before the pickup as a note, counting nothing twice', async () => {
    const { orderId } = await paidOrder(c, [{ merchandiseId: stocked[6]!.id, quantity: 1 }]);
    const [line] = await ordersSql<{ id: string }>('select id from order_line where order_id = ?', [uuidOf(orderId)]);
    expect((await pickUp(orderId)).userErrors).toEqual([]);
    // What shipping emits for a shipment it created just before the pickup committed (orders learns of it afterwards).
    const shipmentId = crypto.randomUUID();
    await c.system.subgraphs.shipping!.context().transaction((tx) =>
      tx.emit('shipping.shipment.shipped', {
        shipmentId,
        orderId: uuidOf(orderId),
        orderNumber: 1,
        email: null,
        carrier: 'UPS',
        trackingNumber: 'late-parcel',
        lines: [{ orderLineId: line!.id, title: 'x', quantity: 1 }],
      }),
    );
    const order = await eventually(
      () => orderOf(orderId),
      (now) => now.history.some((entry: any) => entry.reason.includes(shipmentId)),
    );
    expect(order.status).toBe('DELIVERED');
    expect(order.lines.map((l: any) => l.shippedQuantity)).toEqual([1]);
    expect(order.history.at(-1)).toMatchObject({ from: 'DELIVERED', to: 'DELIVERED', actor: 'shipping' });
    expect(order.history.at(-1).reason).toContain('after the order was handed over at a store');
  });

  it('lets a pickup and a cancellation race: exactly one wins', async () => {
    const { orderId } = await paidOrder(c, [{ merchandiseId: stocked[7]!.id, quantity: 1 }]);
    const [picked, cancelled] = await Promise.all([
      pickUp(orderId),
      c.request(`mutation ($id: ID!) { orderCancel(orderId: $id, reason: "Race") { order { status } userErrors { code } } }`, { id: orderId }, c.staffToken),
    ]);
    const outcomes = [picked.userErrors[0]?.code ?? 'PICKED_UP', cancelled.data!.orderCancel.userErrors[0]?.code ?? 'CANCELLED'].sort();
    expect([
      ['CANCELLED', 'NOT_COLLECTABLE'],
      ['NOT_CANCELLABLE', 'PICKED_UP'],
    ]).toContainEqual(outcomes);
    expect(['DELIVERED', 'CANCELLED', 'REFUNDED']).toContain((await orderOf(orderId)).status);
  });

  it('refuses an unpaid or cancelled order, bad ids, a warehouse and the wrong caller, writing nothing', async () => {
    const variant = stocked[8]!;
    const unpaid = await checkout(c, await createCart(c, [{ merchandiseId: variant.id, quantity: 1 }]), 'pickup-unpaid');
    const toCancel = await paidOrder(c, [{ merchandiseId: variant.id, quantity: 1 }]);
    const cancel = await c.request(`mutation ($id: ID!) { orderCancel(orderId: $id, reason: "No") { userErrors { code } } }`, { id: toCancel.orderId }, c.staffToken);
    expect(cancel.data!.orderCancel.userErrors).toEqual([]);
    const { orderId: paid } = await paidOrder(c, [{ merchandiseId: variant.id, quantity: 1 }]);
    // The sixth order in the hour with one email is held by the risk check: not handed over until approved.
    const busyCart = async () => {
      const cartId = await createCart(c, [{ merchandiseId: stocked[9]!.id, quantity: 1 }]);
      const identity = await c.request(
        `mutation ($id: ID!) { cartBuyerIdentityUpdate(cartId: $id, buyerIdentity: { email: "pos-busy@example.com" }) { userErrors { code } } }`,
        { id: cartId },
      );
      expect(identity.data!.cartBuyerIdentityUpdate.userErrors).toEqual([]);
      return cartId;
    };
    for (let i = 0; i < 5; i++) expect((await checkout(c, await busyCart(), `busy-${i}`)).userErrors).toEqual([]);
    const heldAnswer = await checkout(c, await busyCart(), 'busy-held');
    expect(await pay(c, heldAnswer.paymentIntentClientSecret!)).toBe(200);
    const held = heldAnswer.order!.id;
    expect((await c.request(`query ($id: ID!) { order(id: $id) { held } }`, { id: held }, c.staffToken)).data!.order.held).toBe(true);
    const historyBefore = await countRows('order_history');
    const cases: [string, string, string | null, string, string[] | null][] = [
      [unpaid.order!.id, store.id, c.staffToken, 'NOT_COLLECTABLE', ['orderId']],
      [toCancel.orderId, store.id, c.staffToken, 'NOT_COLLECTABLE', ['orderId']],
      [held, store.id, c.staffToken, 'NOT_COLLECTABLE', ['orderId']],
      ['gid://commerce/Order/nope', store.id, c.staffToken, 'INVALID', ['orderId']],
      ['gid://commerce/Order/00000000-0000-4000-8000-000000000000', store.id, c.staffToken, 'NOT_FOUND', ['orderId']],
      [paid, 'gid://commerce/Location/nope', c.staffToken, 'INVALID', ['locationId']],
      [paid, 'gid://commerce/Location/00000000-0000-4000-8000-000000000000', c.staffToken, 'NOT_FOUND', ['locationId']],
      [paid, warehouse.id, c.staffToken, 'INVALID', ['locationId']],
      [paid, store.id, shopper, 'FORBIDDEN', null],
      [paid, store.id, null, 'UNAUTHENTICATED', null],
    ];
    for (const [orderId, locationId, token, code, field] of cases) {
      const answer = await pickUp(orderId, locationId, token);
      expect(answer, `${orderId} ${locationId} ${code}`).toMatchObject({ order: null, userErrors: [{ code, field }] });
    }
    expect(await countRows('order_history')).toBe(historyBefore);
    expect((await orderOf(paid)).status).toBe('PAID');
    expect((await orderOf(unpaid.order!.id)).status).toBe('PENDING_PAYMENT');
  });
});
