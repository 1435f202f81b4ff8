import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '#kit';
import type { TestSubgraph } from '#kit/testing/index.ts';
import {
  createInput, insertOrder, ordersView, outbox, rowCounts, SHIPMENT_CREATE, SHIPMENT_FIELDS, startShippingWithOrders, TRACKING_UPDATE,
  type ShippingWithOrders,
} from './fulfilment-support.ts';
import { customer, staff } from './support.ts';

/**
 * Tracking and `Order.shipments` against the shipping subgraph over HTTP, as the gateway would call it, asking the real orders
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
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('shipmentTrackingUpdate', () => {
  async function newShipment(trackingNumber: string) {
    const order = await paidOrder([1]);
    const answer = await create(createInput(order, [[0, 1]], trackingNumber, 'USPS'));
    expect(answer.userErrors).toEqual([]);
    return { order, shipment: answer.shipment, shipmentId: uuidOf(answer.shipment.id) };
  }

  it('keeps the timeline in time order, and a late event does not move the status back', async () => {
    const { shipment, shipmentId, order } = await newShipment('TIMELINE-1');
    const transit = await track({ trackingNumber: 'timeline-1', status: 'IN_TRANSIT', occurredAt: inHours(1), location: '  Memphis, TN ' });
    expect(transit.userErrors).toEqual([]);
    expect(transit.shipment.status).toBe('IN_TRANSIT');
    expect((await track({ trackingNumber: 'TIMELINE-1', status: 'OUT_FOR_DELIVERY', occurredAt: inHours(3), location: 'Austin, TX' })).shipment.status).toBe('OUT_FOR_DELIVERY');
    // Dated between the two: recorded in its place, the status stays.
    const late = await track({ trackingNumber: 'TIMELINE-1', status: 'IN_TRANSIT', occurredAt: inHours(2), location: 'Dallas, TX' });
    expect(late.shipment.status).toBe('OUT_FOR_DELIVERY');
    expect(late.shipment.events.map((event: any) => [event.status, event.location])).toEqual([
      ['LABEL_CREATED', null],
      ['IN_TRANSIT', 'Memphis, TN'],
      ['IN_TRANSIT', 'Dallas, TX'],
      ['OUT_FOR_DELIVERY', 'Austin, TX'],
    ]);
    expect(late.shipment.events[0].occurredAt).toBe(shipment.createdAt);
    // occurredAt defaults to now: before the events dated ahead, so it sorts first after the label.
    const now = await track({ trackingNumber: 'TIMELINE-1', status: 'EXCEPTION' });
    expect(now.shipment.status).toBe('OUT_FOR_DELIVERY');
    expect(now.shipment.events.map((event: any) => event.status)).toEqual(['LABEL_CREATED', 'EXCEPTION', 'IN_TRANSIT', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']);

    const updates = await outbox(subgraph, 'shipping.shipment.tracking_updated', shipmentId);
    expect(updates).toHaveLength(4);
    expect(updates[0]).toEqual({
      shipmentId,
      orderId: order.id,
      orderNumber: order.number,
      email: 'buyer@example.com',
      carrier: 'USPS',
      trackingNumber: 'TIMELINE-1',
      status: 'IN_TRANSIT',
      occurredAt: transit.shipment.events[1].occurredAt,
      location: 'Memphis, TN',
    });
    expect(updates[2]).toMatchObject({ status: 'IN_TRANSIT', location: 'Dallas, TX' });
  });

  it('delivers once: DELIVERED is final, later events are recorded, and shipping.shipment.delivered is emitted once', async () => {
    const { shipmentId, order } = await newShipment('DELIVER-1');
    const deliveredAt = inHours(2);
    const delivered = await track({ trackingNumber: 'DELIVER-1', status: 'DELIVERED', occurredAt: deliveredAt, location: 'Front porch' });
    expect(delivered.shipment).toMatchObject({ status: 'DELIVERED', deliveredAt });
    // Later events, a second DELIVERED and a newer EXCEPTION among them, change nothing but the timeline.
    expect((await track({ trackingNumber: 'DELIVER-1', status: 'EXCEPTION', occurredAt: inHours(3) })).shipment).toMatchObject({ status: 'DELIVERED', deliveredAt });
    const again = await Promise.all([4, 5, 6].map((hours) => track({ trackingNumber: 'DELIVER-1', status: 'DELIVERED', occurredAt: inHours(hours) })));
    for (const answer of again) expect(answer.shipment).toMatchObject({ status: 'DELIVERED', deliveredAt });
    expect(await outbox(subgraph, 'shipping.shipment.delivered', shipmentId)).toEqual([
      { shipmentId, orderId: order.id, orderNumber: order.number, email: 'buyer@example.com', carrier: 'USPS', trackingNumber: 'DELIVER-1', deliveredAt },
    ]);
    expect(await outbox(subgraph, 'shipping.shipment.tracking_updated', shipmentId)).toHaveLength(5);
    const [{ n }] = (await subgraph.sql<{ n: number }>('select count(*)::int as n from shipment_event where shipment_id = ?', [shipmentId])) as [{ n: number }];
    expect(n).toBe(6);
  });

  it('delivers on a DELIVERED event even when a later-dated scan came first, and says when', async () => {
    const { shipmentId } = await newShipment('DELIVER-LATE-1');
    await track({ trackingNumber: 'DELIVER-LATE-1', status: 'OUT_FOR_DELIVERY', occurredAt: inHours(5) });
    const deliveredAt = inHours(4);
    const answer = await track({ trackingNumber: 'DELIVER-LATE-1', status: 'DELIVERED', occurredAt: deliveredAt });
    expect(answer.shipment).toMatchObject({ status: 'DELIVERED', deliveredAt });
    expect(await outbox(subgraph, 'shipping.shipment.delivered', shipmentId)).toHaveLength(1);
  });

  it('loses no event when updates of one shipment race', async () => {
    const { shipmentId } = await newShipment('RACE-1');
    const statuses = ['IN_TRANSIT', 'IN_TRANSIT', 'EXCEPTION', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'IN_TRANSIT', 'IN_TRANSIT', 'EXCEPTION'];
    const answers = await Promise.all(statuses.map((status, index) => track({ trackingNumber: 'RACE-1', status, occurredAt: inHours(index + 1), location: `Hub ${index}` })));
    for (const answer of answers) expect(answer.userErrors).toEqual([]);
    const events = await subgraph.sql<{ status: string; location: string }>('select status, location from shipment_event where shipment_id = ? order by occurred_at, id', [shipmentId]);
    expect(events.map((event) => event.location)).toEqual([null, ...statuses.map((_status, index) => `Hub ${index}`)]);
    // Whatever order they were applied in, the status is the latest event's.
    const [row] = await subgraph.sql<{ status: string }>('select status from shipment where id = ?', [shipmentId]);
    expect(row!.status).toBe('EXCEPTION');
    expect(await outbox(subgraph, 'shipping.shipment.tracking_updated', shipmentId)).toHaveLength(statuses.length);
  });

  it('refuses an unknown tracking number and bad input, writing nothing', async () => {
    await newShipment('REFUSE-1');
    const before = await rowCounts(subgraph);
    const cases: [Record<string, unknown>, [string, string | null][]][] = [
      [{ trackingNumber: 'NO-SUCH-NUMBER', status: 'IN_TRANSIT' }, [['NOT_FOUND', 'input.trackingNumber']]],
      [{ trackingNumber: '  ', status: 'IN_TRANSIT' }, [['INVALID', 'input.trackingNumber']]],
      [{ trackingNumber: 'T'.repeat(65), status: 'IN_TRANSIT' }, [['INVALID', 'input.trackingNumber']]],
      [{ trackingNumber: 'REFUSE-1', status: 'IN_TRANSIT', location: '' }, [['INVALID', 'input.location']]],
      [{ trackingNumber: 'REFUSE-1', status: 'IN_TRANSIT', location: 'L'.repeat(256) }, [['INVALID', 'input.location']]],
      [{ trackingNumber: 'REFUSE-1', status: 'IN_TRANSIT', occurredAt: inHours(25) }, [['INVALID', 'input.occurredAt']]],
      [
        { trackingNumber: '', status: 'IN_TRANSIT', location: ' ', occurredAt: inHours(48) },
        [['INVALID', 'input.trackingNumber'], ['INVALID', 'input.location'], ['INVALID', 'input.occurredAt']],
      ],
    ];
    for (const [input, expected] of cases) {
      const answer = await track(input);
      expect(codes(answer), JSON.stringify(input)).toEqual(expected);
      expect(answer.shipment).toBeNull();
    }
    // Not a status, not a time: refused by GraphQL before any resolver.
    const badStatus = await subgraph.request(TRACKING_UPDATE, { input: { trackingNumber: 'REFUSE-1', status: 'LOST' } }, STAFF);
    expect(badStatus.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badTime = await subgraph.request(TRACKING_UPDATE, { input: { trackingNumber: 'REFUSE-1', status: 'IN_TRANSIT', occurredAt: 'yesterday' } }, STAFF);
    expect(badTime.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await rowCounts(subgraph)).toEqual(before);
  });
});

describe('Order.shipments', () => {
  const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id shipments { ${SHIPMENT_FIELDS} } } } }`;
  const reps = (ids: string[]) => ({ reps: ids.map((id) => ({ __typename: 'Order', id: toGlobalId('Order', id) })) });
  let orderIds: string[];

  beforeAll(async () => {
    orderIds = [];
    for (let i = 0; i < 20; i++) {
      const order = await paidOrder([2, 1]);
      orderIds.push(order.id);
      expect((await create(createInput(order, [[0, 1]]))).userErrors).toEqual([]);
      expect((await create(createInput(order, [[0, 1], [1, 1]]))).userErrors).toEqual([]);
    }
  }, 60_000);

  it("answers each order's shipments, oldest first, and an empty list for an order that has none", async () => {
    const none = crypto.randomUUID();
    const result = await subgraph.request(ENTITIES, reps([orderIds[0]!, none]), customer());
    expect(result.errors).toBeUndefined();
    const [first, empty] = result.data!._entities;
    expect(first.shipments.map((shipment: any) => shipment.lines.map((line: any) => line.quantity))).toEqual([[1], [1, 1]]);
    expect(first.shipments.every((shipment: any) => shipment.events.length === 1)).toBe(true);
    expect(empty).toEqual({ id: toGlobalId('Order', none), shipments: [] });
  });

  it('resolves 20 orders with shipments, lines and timelines in as many statements as 2', async () => {
    const statements = async (n: number) => {
      subgraph.db.resetStatementCount();
      const result = await subgraph.request(ENTITIES, reps(orderIds.slice(0, n)), STAFF);
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toHaveLength(n);
      expect(result.data!._entities.every((order: any) => order.shipments.length === 2)).toBe(true);
      return subgraph.db.statementCount();
    };
    const two = await statements(2);
    const twenty = await statements(20);
    expect(twenty).toBe(two);
    // shipments, their lines, their events: one statement each.
    expect(twenty).toBe(3);
  });
});
