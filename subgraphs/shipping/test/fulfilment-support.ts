import { toGlobalId } from '#kit';
import { createTestDatabase, freePort, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { orders as ordersSubgraph } from '../../orders/src/subgraph.ts';
import { shipping as shippingSubgraph } from '../src/subgraph.ts';

/** An order inserted into the real orders subgraph's tables (bare uuids here). */
export interface TestOrder {
  id: string;
  number: number;
  status: string;
  email: string | null;
  held: boolean;
  lines: { id: string; variantId: string; title: string; quantity: number }[];
}

export interface ShippingWithOrders {
  shipping: TestSubgraph;
  /** The real orders subgraph, which shipping asks `orderFulfilment` over HTTP and which applies shipping's events. */
  orders: TestSubgraph;
  /** Runs `work` while shipping's calls to orders go to a closed port, as when orders is down. */
  whileOrdersUnreachable<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The real orders subgraph, then the shipping subgraph calling it, on one fresh database (a schema and a
 * role each, as in production) with both event buses running: orders applies `shipping.shipment.*` as it
 * would in production. Orders is started first, so its queues exist before shipping publishes anything.
 * No Stripe is configured: outside production orders starts without it (only its webhook route needs it).
 */
export async function startShippingWithOrders(label: string): Promise<ShippingWithOrders> {
  const databaseUrl = await createTestDatabase(label);
  const orders = await startTestSubgraph(ordersSubgraph, databaseUrl);
  let ordersUrl = orders.url;
  let shipping: TestSubgraph;
  try {
    shipping = await startTestSubgraph(shippingSubgraph, databaseUrl, { serviceUrl: (name) => (name === 'orders' ? ordersUrl : undefined) });
  } catch (error) {
    await orders.close();
    throw error;
  }
  return {
    shipping,
    orders,
    async whileOrdersUnreachable(work) {
      // Free a moment ago and nobody listens there now: a connection is refused, as by a stopped process.
      ordersUrl = `http://127.0.0.1:${await freePort()}/graphql`;
      try {
        return await work();
      } finally {
        ordersUrl = orders.url;
      }
    },
    async close() {
      await shipping.close();
      await orders.close();
    },
  };
}

let nextNumber = 1001;

/**
 * Inserts an order with lines of these quantities (1 000 minor units each) straight into orders' tables, in
 * any state: PAID and not held unless `changes` say otherwise. The row satisfies every CHECK of orders'
 * migrations (the total adds up, the captured amount is within it, the number and PaymentIntent are unique).
 */
export async function insertOrder(
  orders: TestSubgraph,
  quantities: number[],
  changes: { status?: string; held?: boolean; email?: string | null } = {},
): Promise<TestOrder> {
  const order: TestOrder = {
    id: crypto.randomUUID(),
    number: nextNumber++,
    status: changes.status ?? 'PAID',
    email: changes.email === undefined ? 'buyer@example.com' : changes.email,
    held: changes.held ?? false,
    lines: quantities.map((quantity, index) => ({ id: crypto.randomUUID(), variantId: crypto.randomUUID(), title: `Item ${index + 1} / M`, quantity })),
  };
  const UNIT = 1_000;
  const subtotal = quantities.reduce((sum, quantity) => sum + quantity * UNIT, 0);
  const captured = order.status === 'PENDING_PAYMENT' || order.status === 'CANCELLED' ? 0 : subtotal;
  await orders.sql(
    `insert into customer_order (id, number, status, cart_id, email, currency_code, subtotal_minor, discounts_minor, shipping_minor, tax_minor,
       total_minor, stripe_payment_intent_id, captured_minor, held)
     values (?, ?, ?, ?, ?, 'USD', ?, 0, 0, 0, ?, ?, ?, ?)`,
    [order.id, order.number, order.status, crypto.randomUUID(), order.email, subtotal, subtotal, `pi_test_${order.id.replaceAll('-', '')}`, captured, order.held],
  );
  await orders.sql(
    `insert into order_line (id, order_id, position, variant_id, title, quantity, unit_price_minor, total_minor)
     values ${order.lines.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    order.lines.flatMap((line, index) => [line.id, order.id, index, line.variantId, line.title, line.quantity, UNIT, line.quantity * UNIT]),
  );
  return order;
}

/** Orders' own view of an order: its status and each line's shipped quantity, in line order (one statement, one snapshot). */
export async function ordersView(orders: TestSubgraph, orderId: string): Promise<{ status: string; shipped: number[] }> {
  const [view] = await orders.sql<{ status: string; shipped: number[] }>(
    `select o.status, array(select l.shipped_quantity from order_line l where l.order_id = o.id order by l.position) as shipped
     from customer_order o where o.id = ?`,
    [orderId],
  );
  return view!;
}

export const SHIPMENT_FIELDS = 'id carrier trackingNumber status deliveredAt createdAt lines { orderLineId title quantity } events { status occurredAt location }';

export const SHIPMENT_CREATE = `mutation ($input: ShipmentCreateInput!) {
  shipmentCreate(input: $input) { shipment { ${SHIPMENT_FIELDS} } userErrors { code field message } }
}`;

export const TRACKING_UPDATE = `mutation ($input: ShipmentTrackingUpdateInput!) {
  shipmentTrackingUpdate(input: $input) { shipment { ${SHIPMENT_FIELDS} } userErrors { code field message } }
}`;

/** `shipmentCreate` input for `order`: [line index, quantity] pairs. */
export function createInput(order: { id: string; lines: { id: string }[] }, lines: [number, number][], trackingNumber = `TRK${crypto.randomUUID().slice(0, 12)}`, carrier = 'UPS') {
  return {
    orderId: toGlobalId('Order', order.id),
    carrier,
    trackingNumber,
    lines: lines.map(([index, quantity]) => ({ orderLineId: toGlobalId('OrderLine', order.lines[index]!.id), quantity })),
  };
}

/** Rows in every table a shipment mutation writes, and the outbox. */
export async function rowCounts(subgraph: TestSubgraph): Promise<Record<string, number>> {
  const [row] = await subgraph.sql<Record<string, number>>(
    `select (select count(*)::int from shipment) as shipment, (select count(*)::int from shipment_line) as shipment_line,
       (select count(*)::int from shipment_event) as shipment_event, (select count(*)::int from shipment_order) as shipment_order,
       (select count(*)::int from shipment_order_line) as shipment_order_line,
       (select coalesce(sum(shipped_quantity), 0)::int from shipment_order_line) as shipped_units,
       (select count(*)::int from kit_outbox where type like 'shipping.shipment.%') as events`,
  );
  return row!;
}

/** The payloads of the outbox's events of `type` about `shipmentId`, oldest first. */
export async function outbox(subgraph: TestSubgraph, type: string, shipmentId: string): Promise<any[]> {
  const rows = await subgraph.sql<{ payload: any }>(`select payload from kit_outbox where type = ? and payload->>'shipmentId' = ? order by seq`, [type, shipmentId]);
  return rows.map((row) => row.payload);
}
