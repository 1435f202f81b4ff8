import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import { eventually } from '#kit/testing/index.ts';
import type { StripeLocal } from '../../../stripe-local/src/server.ts';
import { register as registerCustomer, startCommerce, type Commerce } from '../../../tests/support/commerce.ts';
import type { TestSupergraph } from '../../../tests/support/supergraph.ts';

/**
 * Fulfilment through the real gateway: every subgraph on one fresh database, real orders paid through
 * stripe-local's signed webhook, shipped by staff, followed by orders through shipping's events.
 * Every checkout here comes from 127.0.0.1, so the file keeps to a handful of orders (orders' velocity
 * rule would hold an address placing ten in an hour).
 */
let commerce: Commerce;
let system: TestSupergraph;
let local: StripeLocal;
let staffToken: string;
let variants: string[];

const SHIPMENT = 'id carrier trackingNumber status deliveredAt lines { orderLineId title quantity } events { status occurredAt location }';
const SHIPMENT_CREATE = `mutation ($input: ShipmentCreateInput!) {
  shipmentCreate(input: $input) { shipment { ${SHIPMENT} } userErrors { code field message } }
}`;
const TRACKING_UPDATE = `mutation ($input: ShipmentTrackingUpdateInput!) {
  shipmentTrackingUpdate(input: $input) { shipment { ${SHIPMENT} } userErrors { code field message } }
}`;
const ORDER = `query ($id: ID!) { order(id: $id) { id number status shipments { ${SHIPMENT} } } }`;

interface PlacedOrder {
  id: string;
  number: number;
  lines: { id: string; quantity: number; title: string }[];
}

const register = (email: string) => registerCustomer(system, email);

/** A cart of these [variant index, quantity] lines, checked out (as `token`'s customer, or a guest); paid unless told. */
async function placeOrder(lines: [number, number][], options: { token?: string; pay?: boolean } = {}): Promise<PlacedOrder> {
  const cart = await system.request(`mutation ($input: CartInput) { cartCreate(input: $input) { cart { id } userErrors { code } } }`, {
    input: { lines: lines.map(([index, quantity]) => ({ merchandiseId: variants[index]!, quantity })) },
  }, options.token);
  expect(cart.data!.cartCreate.userErrors).toEqual([]);
  const checkout = await system.request(
    `mutation ($cartId: ID!, $key: String!) { checkoutComplete(cartId: $cartId, idempotencyKey: $key) {
      order { id number lines { id quantity title } } paymentIntentClientSecret userErrors { code message } } }`,
    { cartId: cart.data!.cartCreate.cart.id, key: crypto.randomUUID() },
    options.token,
  );
  expect(checkout.errors, JSON.stringify(checkout.errors)).toBeUndefined();
  expect(checkout.data!.checkoutComplete.userErrors).toEqual([]);
  const { order, paymentIntentClientSecret } = checkout.data!.checkoutComplete;
  if (options.pay !== false) {
    const intentId = (paymentIntentClientSecret as string).split('_secret_')[0];
    const response = await fetch(`${local.url}/_local/payment_intents/${intentId}/succeed`, { method: 'POST' });
    expect(((await response.json()) as { delivery: { status: number } }).delivery.status).toBe(200);
    expect(await statusOf(order.id)).toBe('PAID');
  }
  return order;
}

async function statusOf(orderId: string): Promise<string> {
  const result = await system.request(ORDER, { id: orderId }, staffToken);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.order.status;
}

const statusBecomes = (orderId: string, status: string) => eventually(() => statusOf(orderId), (current) => current === status);

async function ship(order: PlacedOrder, lines: [number, number][], trackingNumber: string, token = staffToken) {
  const result = await system.request(
    SHIPMENT_CREATE,
    { input: { orderId: order.id, carrier: 'UPS', trackingNumber, lines: lines.map(([index, quantity]) => ({ orderLineId: order.lines[index]!.id, quantity })) } },
    token,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.shipmentCreate as { shipment: any; userErrors: { code: string; field: string[] | null }[] };
}

async function track(trackingNumber: string, status: string, token = staffToken) {
  const result = await system.request(TRACKING_UPDATE, { input: { trackingNumber, status } }, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.shipmentTrackingUpdate as { shipment: any; userErrors: { code: string; field: string[] | null }[] };
}

const codes = (answer: { userErrors: { code: string; field: string[] | null }[] }) => answer.userErrors.map((error) => [error.code, error.field?.join('.') ?? null]);

beforeAll(async () => {
  commerce = await startCommerce();
  ({ system, local, staffToken } = commerce);
  variants = commerce.variants.filter((variant) => variant.available >= 5).map((variant) => variant.id);
  expect(variants.length).toBeGreaterThan(6);
}, 120_000);

afterAll(async () => {
  await commerce?.close();
});

describe('fulfilment through the gateway', () => {
  const shipped: PlacedOrder[] = [];
  let customerToken: string;
  let customerOrder: PlacedOrder;

  it('ships a paid order in two parcels, and orders follows: PARTIALLY_FULFILLED, FULFILLED, DELIVERED', async () => {
    const order = await placeOrder([[0, 2], [1, 1]]);
    const first = await ship(order, [[0, 1]], 'FLOW-1A');
    expect(first.userErrors).toEqual([]);
    expect(first.shipment).toMatchObject({
      carrier: 'UPS',
      trackingNumber: 'FLOW-1A',
      status: 'LABEL_CREATED',
      lines: [{ orderLineId: order.lines[0]!.id, title: order.lines[0]!.title, quantity: 1 }],
      events: [{ status: 'LABEL_CREATED', location: null }],
    });
    expect(await statusBecomes(order.id, 'PARTIALLY_FULFILLED')).toBe('PARTIALLY_FULFILLED');

    // More than is left of the first line, while the second line is fine: refused whole, nothing shipped.
    expect(codes(await ship(order, [[0, 2], [1, 1]], 'FLOW-1X'))).toEqual([['INVALID_QUANTITY', 'input.lines.0.quantity']]);
    const rest = await ship(order, [[0, 1], [1, 1]], 'FLOW-1B');
    expect(rest.userErrors).toEqual([]);
    expect(await statusBecomes(order.id, 'FULFILLED')).toBe('FULFILLED');
    // Fulfilled: nothing is left to ship, and orders says so.
    expect(codes(await ship(order, [[1, 1]], 'FLOW-1Y'))).toEqual([['ORDER_NOT_FULFILLABLE', 'input.orderId']]);

    expect((await track('FLOW-1A', 'IN_TRANSIT')).shipment.status).toBe('IN_TRANSIT');
    expect((await track('FLOW-1A', 'DELIVERED')).shipment.status).toBe('DELIVERED');
    // One of two shipments delivered: still FULFILLED.
    expect(await statusOf(order.id)).toBe('FULFILLED');
    expect((await track('flow-1b', 'DELIVERED')).shipment.status).toBe('DELIVERED');
    expect(await statusBecomes(order.id, 'DELIVERED')).toBe('DELIVERED');

    const read = await system.request(ORDER, { id: order.id }, staffToken);
    expect(read.data!.order.shipments.map((shipment: any) => [shipment.trackingNumber, shipment.status, shipment.events.map((event: any) => event.status)])).toEqual([
      ['FLOW-1A', 'DELIVERED', ['LABEL_CREATED', 'IN_TRANSIT', 'DELIVERED']],
      ['FLOW-1B', 'DELIVERED', ['LABEL_CREATED', 'DELIVERED']],
    ]);
    const delivered = await system.subgraphs.shipping!.sql<{ n: number }>(
      `select count(*)::int as n from kit_outbox where type = 'shipping.shipment.delivered' and payload->>'orderId' = ?`,
      [order.id.split('/').at(-1)],
    );
    expect(delivered[0]!.n).toBe(2);
    shipped.push(order);
  });

  it('refuses an unpaid order and an unknown one, as orders answers them', async () => {
    const unpaid = await placeOrder([[2, 1]], { pay: false });
    expect(codes(await ship(unpaid, [[0, 1]], 'FLOW-UNPAID'))).toEqual([['ORDER_NOT_FULFILLABLE', 'input.orderId']]);
    const unknown = { ...unpaid, id: toGlobalId('Order', crypto.randomUUID()) };
    expect(codes(await ship(unknown, [[0, 1]], 'FLOW-UNKNOWN'))).toEqual([['NOT_FOUND', 'input.orderId']]);
    expect(await system.subgraphs.shipping!.sql(`select id from shipment where tracking_number like 'FLOW-U%'`)).toEqual([]);
  });

  it('lets only staff ship and track', async () => {
    customerToken = await register(`shipping-${crypto.randomUUID()}@example.com`);
    customerOrder = await placeOrder([[3, 1], [4, 1]], { token: customerToken });
    expect(codes(await ship(customerOrder, [[0, 1]], 'FLOW-MINE', customerToken))).toEqual([['FORBIDDEN', null]]);
    const anonymous = await system.request(SHIPMENT_CREATE, {
      input: { orderId: customerOrder.id, carrier: 'UPS', trackingNumber: 'FLOW-ANON', lines: [{ orderLineId: customerOrder.lines[0]!.id, quantity: 1 }] },
    });
    expect(codes(anonymous.data!.shipmentCreate)).toEqual([['UNAUTHENTICATED', null]]);
    expect(codes(await track('FLOW-1A', 'EXCEPTION', customerToken))).toEqual([['FORBIDDEN', null]]);
    expect(await system.subgraphs.shipping!.sql(`select id from shipment where tracking_number in ('FLOW-MINE', 'FLOW-ANON')`)).toEqual([]);
  });

  it('never ships a line twice when staff race to ship it', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map((n) => ship(customerOrder, [[0, 1]], `FLOW-RACE-${n}`)));
    expect(answers.filter((answer) => answer.userErrors.length === 0)).toHaveLength(1);
    for (const answer of answers.filter((one) => one.userErrors.length > 0)) expect(codes(answer)).toEqual([['INVALID_QUANTITY', 'input.lines.0.quantity']]);
    expect(await statusBecomes(customerOrder.id, 'PARTIALLY_FULFILLED')).toBe('PARTIALLY_FULFILLED');
    shipped.push(customerOrder);
  });

  it("shows an order's shipments to whoever sees the order, and to no one else", async () => {
    const mine = await system.request(ORDER, { id: customerOrder.id }, customerToken);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.order.shipments).toHaveLength(1);
    expect(mine.data!.order.shipments[0].lines).toEqual([{ orderLineId: customerOrder.lines[0]!.id, title: customerOrder.lines[0]!.title, quantity: 1 }]);
    const me = await system.request(`{ me { orders(first: 10) { nodes { id shipments { trackingNumber } } } } }`, {}, customerToken);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.orders.nodes).toHaveLength(1);
    expect(me.data!.me.orders.nodes[0].shipments).toHaveLength(1);

    const stranger = await register(`stranger-${crypto.randomUUID()}@example.com`);
    expect((await system.request(ORDER, { id: customerOrder.id }, stranger)).data!.order).toBeNull();
    expect((await system.request(ORDER, { id: customerOrder.id })).data!.order).toBeNull();
  });

  it('reads the shipments of a page of orders in as many statements of shipping as of one order', async () => {
    const third = await placeOrder([[5, 1], [6, 1]]);
    expect((await ship(third, [[0, 1]], 'FLOW-3A')).userErrors).toEqual([]);
    expect((await ship(third, [[1, 1]], 'FLOW-3B')).userErrors).toEqual([]);
    shipped.push(third);
    // A list: the gateway sends every order of the page to shipping in one `_entities` call. (Aliased root
    // fields would be one call each, so one request each: that is the query plan, not the loaders.)
    const PAGE = `query ($first: Int) { orders(first: $first) { nodes { id status shipments { ${SHIPMENT} } } } }`;
    const statements = async (first: number) => {
      const shipping = system.subgraphs.shipping!;
      shipping.db.resetStatementCount();
      const result = await system.request(PAGE, { first }, staffToken);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const nodes = result.data!.orders.nodes as { id: string; shipments: unknown[] }[];
      expect(nodes).toHaveLength(first);
      return { count: shipping.db.statementCount(), nodes };
    };
    const one = await statements(1);
    expect(one.nodes[0]!.id).toBe(third.id);
    const all = await statements(4);
    expect(all.nodes.map((order) => order.id).sort()).toEqual([...shipped.map((order) => order.id), all.nodes.find((order) => order.shipments.length === 0)!.id].sort());
    expect(all.count).toBe(one.count);
    // shipments, their lines, their events: one statement each, whatever the number of orders.
    expect(all.count).toBe(3);
  });
});
