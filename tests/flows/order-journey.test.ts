import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '#kit/testing/index.ts';
import { intentOf, minor, register, startCommerce, stockOf, uuidOf, type Commerce } from '../support/commerce.ts';

/**
 * One customer's whole journey through the real gateway: a cart with two lines, WELCOME10, an address and
 * shipping; checkout; the PaymentIntent for the order's total; the signed webhook at the gateway's origin;
 * staff ship it in two parcels and tracking reaches DELIVERED; the emails exist; then a return is
 * requested, approved, received: refunded and restocked. Every amount is checked to the cent.
 */
const mailDir = mkdtempSync(join(tmpdir(), 'journey-mail-'));
let c: Commerce;
let token: string;
let orderId: string;
let clientSecret: string;
let cartId: string;
let lines: { id: string; quantity: number; merchandise: { id: string } }[];

beforeAll(async () => {
  process.env.MAIL_DIR = mailDir;
  // Stripe is configured with one public URL: the gateway's.
  c = await startCommerce({ webhookUrl: 'gateway' });
  token = await register(c.system, 'journey@example.com');
}, 120_000);

afterAll(async () => {
  await c?.close();
  delete process.env.MAIL_DIR;
  rmSync(mailDir, { recursive: true, force: true });
});

const money = `{ amount currencyCode }`;
const CART = `cart { id lines { id quantity merchandise { id } cost { amountPerQuantity { amount } totalAmount { amount } } }
  shippingOptions { id title price { amount } } selectedShippingOption { id price { amount } }
  cost { subtotalAmount ${money} discountAmount ${money} shippingAmount ${money} totalTaxAmount ${money} totalAmount ${money} } }`;

async function mutate(operation: string, variables: Record<string, unknown>, as = token) {
  const result = await c.request(operation, variables, as);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const payload = Object.values(result.data!)[0] as { userErrors: unknown[] } & Record<string, any>;
  expect(payload.userErrors, JSON.stringify(payload.userErrors)).toEqual([]);
  return payload;
}

const ORDER = `query ($id: ID!) { order(id: $id) {
  id number status
  lines { id quantity title unitPrice { amount } total { amount } shippedQuantity returnedQuantity merchandise { id } }
  totals { subtotal ${money} discounts ${money} shipping ${money} tax ${money} total ${money} }
  payment { captured { amount } refunded { amount } refundable { amount } }
  shipments { id carrier trackingNumber status events { status occurredAt location } }
  returns { id status lines { quantity reason orderLine { id } } refund { amount { amount } status } }
} }`;
const orderNow = async (as = token) => (await c.request(ORDER, { id: orderId }, as)).data!.order;

describe('an order from cart to doorstep', () => {
  it('checks out a cart with two lines, WELCOME10, an address and shipping, for exactly the cart total', async () => {
    const [first, second] = [c.variants[0]!, c.variants[1]!];
    const created = await mutate(`mutation ($input: CartInput) { cartCreate(input: $input) { ${CART} userErrors { code } } }`, {
      input: { lines: [{ merchandiseId: first.id, quantity: 2 }, { merchandiseId: second.id, quantity: 1 }] },
    });
    cartId = created.cart.id;
    await mutate(`mutation ($id: ID!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: ["WELCOME10"]) { cart { id } userErrors { code } } }`, { id: cartId });
    const addressed = await mutate(
      `mutation ($id: ID!, $address: MailingAddressInput!) { cartShippingAddressUpdate(cartId: $id, address: $address) { ${CART} userErrors { code } } }`,
      { id: cartId, address: { firstName: 'Ada', lastName: 'Buyer', address1: '5 Broadway', city: 'New York', provinceCode: 'NY', zip: '10004', countryCode: 'US' } },
    );
    const option = addressed.cart.shippingOptions[0];
    expect(option).toBeDefined();
    const shipped = await mutate(
      `mutation ($id: ID!, $option: ID!) { cartSelectedShippingOptionUpdate(cartId: $id, shippingOptionId: $option) { ${CART} userErrors { code } } }`,
      { id: cartId, option: option.id },
    );
    const cart = shipped.cart;
    const cost = Object.fromEntries(Object.entries(cart.cost).map(([key, value]: [string, any]) => [key, minor(value.amount)]));
    const subtotal = first.priceMinor * 2 + second.priceMinor;
    expect(cost.subtotalAmount).toBe(subtotal);
    expect(cost.discountAmount).toBe(Math.floor((subtotal * 10 + 50) / 100)); // 10%, half up
    expect(cost.shippingAmount).toBe(minor(option.price.amount));
    expect(cost.totalTaxAmount).toBeGreaterThan(0); // New York taxes goods and shipping
    expect(cost.totalAmount).toBe(cost.subtotalAmount! - cost.discountAmount! + cost.shippingAmount! + cost.totalTaxAmount!);

    const answer = await mutate(
      `mutation ($id: ID!, $key: String!) { checkoutComplete(cartId: $id, idempotencyKey: $key) {
        order { id status totals { subtotal { amount } discounts { amount } shipping { amount } tax { amount } total { amount currencyCode } } }
        paymentIntentClientSecret userErrors { code } } }`,
      { id: cartId, key: 'journey-1' },
    );
    orderId = answer.order.id;
    clientSecret = answer.paymentIntentClientSecret;
    expect(answer.order.status).toBe('PENDING_PAYMENT');
    const totals = answer.order.totals;
    expect([totals.subtotal, totals.discounts, totals.shipping, totals.tax, totals.total].map((value: any) => minor(value.amount))).toEqual([
      cost.subtotalAmount,
      cost.discountAmount,
      cost.shippingAmount,
      cost.totalTaxAmount,
      cost.totalAmount,
    ]);
    const intent = await c.stripe.paymentIntents.retrieve(intentOf(clientSecret));
    expect(intent.amount).toBe(cost.totalAmount);
    expect(intent.currency).toBe('usd');
    expect(intent.metadata.orderId).toBe(uuidOf(orderId));
  });

  it('is PAID by the signed webhook delivered to the gateway; stock is sold and the cart closed', async () => {
    const before = [await stockOf(c, c.variants[0]!.id), await stockOf(c, c.variants[1]!.id)];
    const response = await fetch(`${c.local.url}/_local/payment_intents/${intentOf(clientSecret)}/succeed`, { method: 'POST' });
    const body = (await response.json()) as { delivery: { status: number; url: string } };
    expect(body.delivery.url).toBe(`${new URL(c.system.url).origin}/webhooks/stripe`);
    expect(body.delivery.status).toBe(200);
    const order = await orderNow();
    expect(order.status).toBe('PAID');
    expect(minor(order.payment.captured.amount)).toBe(minor(order.totals.total.amount));
    lines = order.lines;
    await eventually(
      async () => [await stockOf(c, c.variants[0]!.id), await stockOf(c, c.variants[1]!.id)],
      (now) => now[0]!.reserved === before[0]!.reserved - 2 && now[1]!.reserved === before[1]!.reserved - 1,
    );
    // The converted cart is closed: read-only, and no longer the customer's cart.
    const closed = await eventually(
      async () => (await c.request(`query ($id: ID!) { cart(id: $id) { completedAt } }`, { id: cartId }, token)).data!.cart,
      (cart) => cart?.completedAt != null,
    );
    expect(closed.completedAt).not.toBeNull();
    expect((await c.request(`{ me { cart { id } } }`, {}, token)).data!.me.cart?.id).not.toBe(cartId);
  });

  it('ships in two parcels (PARTIALLY_FULFILLED, FULFILLED) and tracking reaches DELIVERED', async () => {
    const SHIP = `mutation ($input: ShipmentCreateInput!) { shipmentCreate(input: $input) { shipment { id status } userErrors { code field message } } }`;
    const TRACK = `mutation ($input: ShipmentTrackingUpdateInput!) { shipmentTrackingUpdate(input: $input) { shipment { status } userErrors { code field message } } }`;
    const [twoUnits, oneUnit] = lines;
    await mutate(SHIP, { input: { orderId, carrier: 'UPS', trackingNumber: '1Z-JOURNEY-1', lines: [{ orderLineId: twoUnits!.id, quantity: 2 }] } }, c.staffToken);
    await eventually(orderNow, (order) => order.status === 'PARTIALLY_FULFILLED');
    await mutate(SHIP, { input: { orderId, carrier: 'USPS', trackingNumber: '9400-JOURNEY-2', lines: [{ orderLineId: oneUnit!.id, quantity: 1 }] } }, c.staffToken);
    await eventually(orderNow, (order) => order.status === 'FULFILLED');

    const track = (trackingNumber: string, status: string, index: number) =>
      mutate(TRACK, { input: { trackingNumber, status, occurredAt: new Date(Date.now() + (index + 1) * 1000).toISOString(), location: `Hub ${index}` } }, c.staffToken);
    for (const trackingNumber of ['1Z-JOURNEY-1', '9400-JOURNEY-2']) {
      await track(trackingNumber, 'IN_TRANSIT', 0);
      await track(trackingNumber, 'OUT_FOR_DELIVERY', 1);
    }
    // Hours apart in life: the "out for delivery" emails go before the parcels arrive (once a parcel is
    // delivered, a late "out for delivery" is not worth an email, and events travel on separate queues).
    await eventually(
      async () => readdirSync(mailDir).filter((name) => name.includes('-out-for-delivery-')),
      (names) => names.length >= 2,
    );
    for (const trackingNumber of ['1Z-JOURNEY-1', '9400-JOURNEY-2']) await track(trackingNumber, 'DELIVERED', 2);
    const order = await eventually(orderNow, (current) => current.status === 'DELIVERED');
    expect(order.lines.map((line: any) => line.shippedQuantity)).toEqual([2, 1]);
    expect(order.shipments).toHaveLength(2);
    for (const shipment of order.shipments) {
      expect(shipment.status).toBe('DELIVERED');
      expect(shipment.events.map((event: any) => event.status)).toEqual(['LABEL_CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    }
  });

  it('sent the emails: confirmed, shipped twice, out for delivery twice, delivered twice', async () => {
    const files = await eventually(
      async () => readdirSync(mailDir).filter((name) => name.endsWith('.eml')),
      (names) => names.length >= 7,
    );
    const messages = files.map((name) => readFileSync(join(mailDir, name), 'utf8'));
    expect(messages.every((message) => /^To: journey@example\.com/m.test(message))).toBe(true);
    const subjects = messages.map((message) => /^Subject: (.*)$/m.exec(message)?.[1] ?? '').sort();
    const order = await orderNow();
    const n = order.number;
    expect(subjects).toEqual(
      [
        `Order #${n} confirmed`,
        `Order #${n} has shipped`,
        `Order #${n} has shipped`,
        `Order #${n} is out for delivery`,
        `Order #${n} is out for delivery`,
        `Order #${n} was delivered`,
        `Order #${n} was delivered`,
      ].sort(),
    );
    const confirmation = messages.find((message) => message.includes(`Order #${n} confirmed`))!;
    expect(confirmation).toContain(order.totals.total.amount);
    expect(confirmation).toContain('text/html');
  });

  it('a return of one unit: requested by the customer, approved and received by staff; refunded and restocked', async () => {
    const RETURN = `mutation ($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id status } userErrors { code field message } } }`;
    const [twoUnits] = lines;
    // More than was delivered is refused, and nothing is written.
    const tooMany = await c.request(RETURN, { input: { orderId, lines: [{ orderLineId: twoUnits!.id, quantity: 3, reason: 'Too small' }] } }, token);
    expect(tooMany.data!.returnRequest.userErrors[0]).toMatchObject({ code: 'NOT_RETURNABLE', field: ['input', 'lines', '0', 'quantity'] });
    // Someone else's order is not found.
    const stranger = await register(c.system, 'journey-stranger@example.com');
    const foreign = await c.request(RETURN, { input: { orderId, lines: [{ orderLineId: twoUnits!.id, quantity: 1, reason: 'Mine now' }] } }, stranger);
    expect(foreign.data!.returnRequest.userErrors[0]).toMatchObject({ code: 'NOT_FOUND' });

    const requested = await mutate(RETURN, { input: { orderId, lines: [{ orderLineId: twoUnits!.id, quantity: 1, reason: 'Too small' }] } });
    const returnId = requested.return.id;
    expect(requested.return.status).toBe('REQUESTED');
    const notYet = await c.request(`mutation ($id: ID!) { returnReceive(id: $id) { return { status } userErrors { code } } }`, { id: returnId }, c.staffToken);
    expect(notYet.data!.returnReceive.userErrors[0]).toMatchObject({ code: 'INVALID_STATE' });
    await mutate(`mutation ($id: ID!) { returnApprove(id: $id) { return { status } userErrors { code } } }`, { id: returnId }, c.staffToken);

    const before = await stockOf(c, twoUnits!.merchandise.id);
    const received = await mutate(
      `mutation ($id: ID!) { returnReceive(id: $id) { return { status refund { amount { amount } status } } userErrors { code } } }`,
      { id: returnId },
      c.staffToken,
    );
    const order = await orderNow();
    // One of two units of the line: its share of what was paid for goods (discount and tax in proportion, not shipping).
    const lineTotal = minor(order.lines[0].total.amount);
    const paidForGoods = minor(order.totals.total.amount) - minor(order.totals.shipping.amount);
    const expected = Math.round(((lineTotal / 2) * paidForGoods) / minor(order.totals.subtotal.amount));
    expect(received.return).toEqual({ status: 'RECEIVED', refund: { amount: { amount: (expected / 100).toFixed(2) }, status: 'SUCCEEDED' } });
    expect(minor(order.payment.refunded.amount)).toBe(expected);
    expect(order.lines[0].returnedQuantity).toBe(1);
    expect(order.status).toBe('DELIVERED');
    const intent = await c.stripe.paymentIntents.retrieve(intentOf(clientSecret));
    expect((await c.stripe.charges.retrieve(intent.latest_charge as string)).amount_refunded).toBe(expected);
    const after = await eventually(() => stockOf(c, twoUnits!.merchandise.id), (stock) => stock.onHand === before.onHand + 1);
    expect(after.onHand).toBe(before.onHand + 1);

    // A second request for the other unit, declined with a reason; the unit stays sold.
    const second = await mutate(RETURN, { input: { orderId, lines: [{ orderLineId: twoUnits!.id, quantity: 1, reason: 'Changed my mind' }] } });
    const declined = await mutate(
      `mutation ($id: ID!) { returnDecline(id: $id, reason: "Worn") { return { status declineReason } userErrors { code } } }`,
      { id: second.return.id },
      c.staffToken,
    );
    expect(declined.return).toEqual({ status: 'DECLINED', declineReason: 'Worn' });
    const all = await eventually(
      async () => readdirSync(mailDir).filter((name) => name.endsWith('.eml')),
      (names) => names.length >= 8,
    );
    expect(all.length).toBe(8);
    const refundMail = all.map((name) => readFileSync(join(mailDir, name), 'utf8')).find((message) => /^Subject: Refund of/m.test(message));
    expect(refundMail).toContain(`for order #${order.number}`);
  });
});
