import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, toGlobalId } from '#kit';
import { eventually, type TestSubgraph } from '#kit/testing/index.ts';
import {
  createInput, insertOrder, ordersView, outbox, rowCounts, SHIPMENT_CREATE, SHIPMENT_FIELDS, startShippingWithOrders, TRACKING_UPDATE,
  type ShippingWithOrders,
} from './fulfilment-support.ts';
import { customer, staff } from './support.ts';

/**
 * Shipments against the shipping subgraph over HTTP, as the gateway would call it, asking the real orders
 * subgraph `orderFulfilment` over HTTP; the orders it ships are inserted into orders' tables in whatever state
 * a test needs (fulfilment-flow.test.ts makes them by checking out through the gateway).
 */
let system: ShippingWithOrders;
let subgraph: TestSubgraph;
let orders: TestSubgraph;
const STAFF = staff();

beforeAll(async () => {
  system = await startShippingWithOrders('shipping_shipments');
  ({ shipping: subgraph, orders } = system);
}, 60_000);
afterAll(async () => {
  await system?.close();
});

/** A PAID order with lines of these quantities, in the orders subgraph. */
const paidOrder = (quantities: number[], changes: Parameters<typeof insertOrder>[2] = {}) => insertOrder(orders, quantities, changes);

async function create(input: Record<string, unknown>, viewer = STAFF) {
  const result = await subgraph.request(SHIPMENT_CREATE, { input }, viewer);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.shipmentCreate as { shipment: any; userErrors: { code: string; field: string[] | null; message: string }[] };
}

async function track(input: Record<string, unknown>, viewer = STAFF) {
  const result = await subgraph.request(TRACKING_UPDATE, { input }, viewer);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.shipmentTrackingUpdate as { shipment: any; userErrors: { code: string; field: string[] | null; message: string }[] };
}

const codes = (answer: { userErrors: { code: string; field: string[] | null }[] }) => answer.userErrors.map((error) => [error.code, error.field?.join('.') ?? null]);
const uuidOf = (gid: string) => gid.split('/').at(-1)!;

describe('shipmentCreate', () => {
  it('ships part of an order, then the rest, and emits shipping.shipment.shipped with each, which orders applies', async () => {
    // A third line never ships, so the order stays fulfillable (PARTIALLY_FULFILLED) whenever orders applies the events.
    const order = await paidOrder([2, 1, 1]);
    const first = await create(createInput(order, [[0, 1], [1, 1]], 'PART-ONE-1', ' UPS '));
    expect(first.userErrors).toEqual([]);
    expect(first.shipment).toMatchObject({
      carrier: 'UPS',
      trackingNumber: 'PART-ONE-1',
      status: 'LABEL_CREATED',
      deliveredAt: null,
      lines: [
        { orderLineId: toGlobalId('OrderLine', order.lines[0]!.id), title: 'Item 1 / M', quantity: 1 },
        { orderLineId: toGlobalId('OrderLine', order.lines[1]!.id), title: 'Item 2 / M', quantity: 1 },
      ],
    });
    expect(first.shipment.id).toMatch(/^gid:\/\/commerce\/Shipment\/[0-9a-f-]{36}$/);
    expect(first.shipment.events).toEqual([{ status: 'LABEL_CREATED', occurredAt: first.shipment.createdAt, location: null }]);
    const shipmentId = uuidOf(first.shipment.id);
    expect(await outbox(subgraph, 'shipping.shipment.shipped', shipmentId)).toEqual([
      {
        shipmentId,
        orderId: order.id,
        orderNumber: order.number,
        email: 'buyer@example.com',
        carrier: 'UPS',
        trackingNumber: 'PART-ONE-1',
        lines: [
          { orderLineId: order.lines[0]!.id, title: 'Item 1 / M', quantity: 1 },
          { orderLineId: order.lines[1]!.id, title: 'Item 2 / M', quantity: 1 },
        ],
      },
    ]);

    // Orders' answer has no shipped quantities, PAID or PARTIALLY_FULFILLED (whether or not it applied the
    // event yet): shipping's own count refuses the excess.
    const tooMany = await create(createInput(order, [[0, 2]]));
    expect(tooMany.userErrors).toEqual([{ code: 'INVALID_QUANTITY', field: ['input', 'lines', '0', 'quantity'], message: "Only 1 of this line's 2 units are left to ship." }]);
    // The real orders subgraph applies the event: its lines' shipped quantities grow, the order is PARTIALLY_FULFILLED.
    expect(await eventually(() => ordersView(orders, order.id), (view) => view.shipped[0] === 1)).toEqual({ status: 'PARTIALLY_FULFILLED', shipped: [1, 1, 0] });
    const rest = await create(createInput(order, [[0, 1]], 'PART-TWO-1'));
    expect(rest.userErrors).toEqual([]);
    expect(rest.shipment.lines).toEqual([{ orderLineId: toGlobalId('OrderLine', order.lines[0]!.id), title: 'Item 1 / M', quantity: 1 }]);
    const done = await create(createInput(order, [[1, 1]]));
    expect(done.userErrors).toEqual([{ code: 'INVALID_QUANTITY', field: ['input', 'lines', '0', 'quantity'], message: 'This line has shipped in full.' }]);

    const ledger = await subgraph.sql('select ordered_quantity, shipped_quantity from shipment_order_line where order_id = ? order by title', [order.id]);
    expect(ledger).toEqual([
      { ordered_quantity: 2, shipped_quantity: 2 },
      { ordered_quantity: 1, shipped_quantity: 1 },
      { ordered_quantity: 1, shipped_quantity: 0 },
    ]);
    expect(await eventually(() => ordersView(orders, order.id), (view) => view.shipped[0] === 2)).toEqual({ status: 'PARTIALLY_FULFILLED', shipped: [2, 1, 0] });
  });

  it('refuses every bad request with a typed userError, writing nothing', async () => {
    const order = await paidOrder([3, 1]);
    await create(createInput(order, [[1, 1]], 'TAKEN-NUMBER-1'));
    const held = await paidOrder([1], { held: true });
    const cancelled = await paidOrder([1], { status: 'CANCELLED' });
    const unpaid = await paidOrder([1], { status: 'PENDING_PAYMENT' });
    const fulfilled = await paidOrder([1], { status: 'FULFILLED' });
    const other = await paidOrder([1]);
    const before = await rowCounts(subgraph);
    const line = (index: number) => toGlobalId('OrderLine', order.lines[index]!.id);
    const base = createInput(order, [[0, 1]]);

    const cases: [Record<string, unknown>, [string, string | null][]][] = [
      [{ ...base, orderId: toGlobalId('Order', crypto.randomUUID()) }, [['NOT_FOUND', 'input.orderId']]],
      [{ ...base, orderId: 'gid://commerce/Cart/not-an-order' }, [['NOT_FOUND', 'input.orderId']]],
      [createInput(held, [[0, 1]]), [['ORDER_ON_HOLD', 'input.orderId']]],
      [createInput(cancelled, [[0, 1]]), [['ORDER_NOT_FULFILLABLE', 'input.orderId']]],
      [createInput(unpaid, [[0, 1]]), [['ORDER_NOT_FULFILLABLE', 'input.orderId']]],
      [createInput(fulfilled, [[0, 1]]), [['ORDER_NOT_FULFILLABLE', 'input.orderId']]],
      [{ ...base, lines: [{ orderLineId: toGlobalId('OrderLine', other.lines[0]!.id), quantity: 1 }] }, [['NOT_FOUND', 'input.lines.0.orderLineId']]],
      [{ ...base, lines: [{ orderLineId: 'gid://commerce/OrderLine/nope', quantity: 1 }] }, [['INVALID', 'input.lines.0.orderLineId']]],
      [{ ...base, lines: [{ orderLineId: line(0), quantity: 0 }] }, [['INVALID_QUANTITY', 'input.lines.0.quantity']]],
      [{ ...base, lines: [{ orderLineId: line(0), quantity: -2 }] }, [['INVALID_QUANTITY', 'input.lines.0.quantity']]],
      [{ ...base, lines: [{ orderLineId: line(0), quantity: 4 }] }, [['INVALID_QUANTITY', 'input.lines.0.quantity']]],
      [{ ...base, lines: [{ orderLineId: line(1), quantity: 1 }] }, [['INVALID_QUANTITY', 'input.lines.0.quantity']]],
      [
        { ...base, lines: [{ orderLineId: line(0), quantity: 1 }, { orderLineId: line(0), quantity: 1 }] },
        [['INVALID', 'input.lines.1.orderLineId']],
      ],
      [{ ...base, lines: [] }, [['INVALID', 'input.lines']]],
      [{ ...base, carrier: '   ' }, [['INVALID', 'input.carrier']]],
      [{ ...base, carrier: 'C'.repeat(101) }, [['INVALID', 'input.carrier']]],
      [{ ...base, trackingNumber: '' }, [['INVALID', 'input.trackingNumber']]],
      [{ ...base, trackingNumber: 'T'.repeat(65) }, [['INVALID', 'input.trackingNumber']]],
      [{ ...base, trackingNumber: 'BAD\nNUMBER' }, [['INVALID', 'input.trackingNumber']]],
      // Tracking numbers are unique whatever the carrier and the case.
      [{ ...base, trackingNumber: 'taken-number-1', carrier: 'DHL' }, [['TAKEN', 'input.trackingNumber']]],
      // Every problem of the input at once, and every problem of the lines at once.
      [
        { ...base, carrier: '', trackingNumber: '', lines: [{ orderLineId: line(0), quantity: 0 }] },
        [['INVALID', 'input.carrier'], ['INVALID', 'input.trackingNumber'], ['INVALID_QUANTITY', 'input.lines.0.quantity']],
      ],
      [
        {
          ...base,
          trackingNumber: 'TAKEN-NUMBER-1',
          lines: [{ orderLineId: line(0), quantity: 9 }, { orderLineId: toGlobalId('OrderLine', crypto.randomUUID()), quantity: 1 }],
        },
        [['INVALID_QUANTITY', 'input.lines.0.quantity'], ['NOT_FOUND', 'input.lines.1.orderLineId'], ['TAKEN', 'input.trackingNumber']],
      ],
    ];
    for (const [input, expected] of cases) {
      const answer = await create(input);
      expect(codes(answer), JSON.stringify(input)).toEqual(expected);
      expect(answer.shipment).toBeNull();
      expect(answer.userErrors.every((error) => error.message.length > 0)).toBe(true);
    }
    expect(await rowCounts(subgraph)).toEqual(before);
  });

  it('answers ORDERS_UNAVAILABLE when orders cannot be asked, writing nothing', async () => {
    const order = await paidOrder([1]);
    const before = await rowCounts(subgraph);
    const answer = await system.whileOrdersUnreachable(() => create(createInput(order, [[0, 1]])));
    expect(codes(answer)).toEqual([['ORDERS_UNAVAILABLE', null]]);
    expect(await rowCounts(subgraph)).toEqual(before);
    // Reachable again, the same request ships.
    expect((await create(createInput(order, [[0, 1]]))).userErrors).toEqual([]);
  });

  it('is for staff only: customers are FORBIDDEN, anonymous callers UNAUTHENTICATED, and nothing is written', async () => {
    const order = await paidOrder([1]);
    const before = await rowCounts(subgraph);
    expect(codes(await create(createInput(order, [[0, 1]]), customer()))).toEqual([['FORBIDDEN', null]]);
    expect(codes(await create(createInput(order, [[0, 1]]), ANONYMOUS))).toEqual([['UNAUTHENTICATED', null]]);
    expect(codes(await create(createInput(order, [[0, 1]]), { role: 'service', customerId: null, service: 'orders' }))).toEqual([['FORBIDDEN', null]]);
    expect(codes(await track({ trackingNumber: 'PART-ONE-1', status: 'IN_TRANSIT' }, customer()))).toEqual([['FORBIDDEN', null]]);
    expect(codes(await track({ trackingNumber: 'PART-ONE-1', status: 'IN_TRANSIT' }, ANONYMOUS))).toEqual([['UNAUTHENTICATED', null]]);
    expect(await rowCounts(subgraph)).toEqual(before);
  });

  it('never ships more than a line holds, however many requests race for it', async () => {
    // A first shipment (no row to lock yet) and later ones alike: 12 requests for one unit of a 5-unit line.
    const order = await paidOrder([5, 2]);
    const answers = await Promise.all(Array.from({ length: 12 }, () => create(createInput(order, [[0, 1]]))));
    const created = answers.filter((answer) => answer.userErrors.length === 0);
    expect(created).toHaveLength(5);
    for (const answer of answers.filter((one) => one.userErrors.length > 0)) expect(codes(answer)).toEqual([['INVALID_QUANTITY', 'input.lines.0.quantity']]);
    // And two-unit requests for a two-unit line: exactly one wins.
    const pairs = await Promise.all(Array.from({ length: 4 }, () => create(createInput(order, [[1, 2]]))));
    expect(pairs.filter((answer) => answer.userErrors.length === 0)).toHaveLength(1);
    const shipped = await subgraph.sql<{ line: string; units: number }>(
      `select order_line_id as line, sum(quantity)::int as units from shipment_line where order_id = ? group by order_line_id`,
      [order.id],
    );
    expect(Object.fromEntries(shipped.map((row) => [row.line, row.units]))).toEqual({ [order.lines[0]!.id]: 5, [order.lines[1]!.id]: 2 });
    const events = await subgraph.sql<{ n: number }>(`select count(*)::int as n from kit_outbox where type = 'shipping.shipment.shipped' and payload->>'orderId' = ?`, [order.id]);
    expect(events[0]!.n).toBe(6);
  });

  it('ships 20 lines in as many statements as 1, and answers them without reading them back', async () => {
    const statements = async (lineCount: number) => {
      const order = await paidOrder(Array.from({ length: lineCount }, () => 2));
      subgraph.db.resetStatementCount();
      const answer = await create(createInput(order, order.lines.map((_line, index): [number, number] => [index, 1])));
      expect(answer.userErrors).toEqual([]);
      expect(answer.shipment.lines).toHaveLength(lineCount);
      return subgraph.db.statementCount();
    };
    const one = await statements(1);
    expect(await statements(20)).toBe(one);
  });

  it('refuses over-shipping in the database too', async () => {
    const order = await paidOrder([1]);
    await create(createInput(order, [[0, 1]]));
    const error = await subgraph.sql('update shipment_order_line set shipped_quantity = shipped_quantity + 1 where order_id = ?', [order.id]).catch((e) => e);
    expect(error.constraint).toBe('shipment_order_line_shipped_bounds');
  });
});
