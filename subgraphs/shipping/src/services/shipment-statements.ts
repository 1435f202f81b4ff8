import type { EntityManager } from '@mikro-orm/postgresql';
import type { Shipment, ShipmentEvent, ShipmentLine, ShipmentStatus } from '../shipments.ts';

/**
 * The SQL behind shipments, one named statement each; values always travel as parameters (rows as one
 * JSON parameter), never in the SQL text.
 *
 * Locks are taken in one order, so concurrent requests wait for each other and never deadlock:
 * `shipmentCreate` locks the order's `shipment_order` row; `shipmentTrackingUpdate` locks one
 * `shipment` row and nothing else.
 */

type Row = Record<string, unknown>;

const dateOf = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

function shipmentOf(row: Row): Shipment {
  return {
    id: String(row.id),
    orderId: String(row.order_id),
    carrier: String(row.carrier),
    trackingNumber: String(row.tracking_number),
    status: row.status as ShipmentStatus,
    statusAt: dateOf(row.status_at),
    deliveredAt: row.delivered_at == null ? null : dateOf(row.delivered_at),
    createdAt: dateOf(row.created_at),
  };
}

function eventOf(row: Row): ShipmentEvent {
  return {
    shipmentId: String(row.shipment_id),
    status: row.status as ShipmentStatus,
    occurredAt: dateOf(row.occurred_at),
    location: row.location == null ? null : String(row.location),
  };
}

/** A PostgreSQL array literal of uuids (already validated, so nothing needs quoting). */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

// ---- reads (the loaders') ------------------------------------------------------------------------

/** The shipments of these orders, oldest first: one statement however many orders. */
export async function shipmentsOfOrders(em: EntityManager, orderIds: readonly string[]): Promise<Shipment[]> {
  const rows = await em.execute<Row[]>('select * from shipment where order_id = any(?::uuid[]) order by order_id, created_at, id', [uuidArray(orderIds)]);
  return rows.map(shipmentOf);
}

/** The lines of these shipments in the order each listed them, with their titles. */
export async function linesOfShipments(em: EntityManager, shipmentIds: readonly string[]): Promise<ShipmentLine[]> {
  const rows = await em.execute<Row[]>(
    `select l.shipment_id, l.order_line_id, l.quantity, o.title
     from shipment_line l join shipment_order_line o on o.order_line_id = l.order_line_id
     where l.shipment_id = any(?::uuid[])
     order by l.shipment_id, l.position`,
    [uuidArray(shipmentIds)],
  );
  return rows.map((row) => ({ shipmentId: String(row.shipment_id), orderLineId: String(row.order_line_id), title: String(row.title), quantity: Number(row.quantity) }));
}

/** The tracking timelines of these shipments: by time, then in the order events were recorded. */
export async function eventsOfShipments(em: EntityManager, shipmentIds: readonly string[]): Promise<ShipmentEvent[]> {
  const rows = await em.execute<Row[]>(
    'select shipment_id, status, occurred_at, location from shipment_event where shipment_id = any(?::uuid[]) order by shipment_id, occurred_at, id',
    [uuidArray(shipmentIds)],
  );
  return rows.map(eventOf);
}

// ---- shipmentCreate --------------------------------------------------------------------------------

/** What orders answered about an order, as `shipmentCreate` records it. */
export interface OrderSnapshot {
  orderId: string;
  number: number;
  email: string | null;
  lines: readonly { orderLineId: string; title: string; quantity: number }[];
}

/**
 * Records the order (its number and email, refreshed) and locks its row until the transaction ends:
 * every shipment of one order is made under this lock, one after the other. A first shipment has no
 * row to lock yet; two of them meet on the primary key, and the second waits for the first to commit.
 */
export async function lockOrder(em: EntityManager, order: OrderSnapshot): Promise<void> {
  await em.execute(
    `insert into shipment_order (order_id, order_number, email) values (?, ?, ?)
     on conflict (order_id) do update set order_number = excluded.order_number, email = excluded.email, updated_at = now()`,
    [order.orderId, order.number, order.email],
  );
}

/** An order line as shipping counts it: units bought, and units in shipments so far. */
export interface LedgerLine {
  orderLineId: string;
  orderedQuantity: number;
  shippedQuantity: number;
}

/**
 * Records the order's lines not yet known (title and quantity bought, as orders answered them), and
 * answers every line of the order with what has shipped. Run under the order's lock: it sees every
 * shipment committed before the lock was granted.
 */
export async function readLedger(em: EntityManager, order: OrderSnapshot): Promise<Map<string, LedgerLine>> {
  const given = order.lines.map((line) => ({ order_line_id: line.orderLineId, title: line.title, ordered_quantity: line.quantity }));
  // A row the insert adds is not visible to the same statement's select: the union returns it instead.
  const rows = await em.execute<Row[]>(
    `with given as (
       select * from jsonb_to_recordset(?::jsonb) as x(order_line_id uuid, title text, ordered_quantity int)
     ),
     added as (
       insert into shipment_order_line (order_line_id, order_id, title, ordered_quantity)
       select order_line_id, ?, title, ordered_quantity from given
       on conflict (order_line_id) do nothing
       returning order_line_id, ordered_quantity, shipped_quantity
     )
     select order_line_id, ordered_quantity, shipped_quantity from shipment_order_line where order_id = ?
     union all
     select order_line_id, ordered_quantity, shipped_quantity from added`,
    [JSON.stringify(given), order.orderId, order.orderId],
  );
  return new Map(
    rows.map((row) => [
      String(row.order_line_id),
      { orderLineId: String(row.order_line_id), orderedQuantity: Number(row.ordered_quantity), shippedQuantity: Number(row.shipped_quantity) },
    ]),
  );
}

/** Whether a shipment has this tracking number already, in any case. */
export async function trackingNumberTaken(em: EntityManager, trackingNumber: string): Promise<boolean> {
  const rows = await em.execute<Row[]>('select 1 from shipment where lower(tracking_number) = lower(?) limit 1', [trackingNumber]);
  return rows.length > 0;
}

export interface NewShipment {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  lines: readonly { orderLineId: string; quantity: number }[];
}

/**
 * Writes a shipment (LABEL_CREATED, now), its lines, the units they take from each order line's count,
 * and its first tracking event. Three statements whatever the number of lines. The ledger's CHECK
 * (`shipped_quantity between 0 and ordered_quantity`) refuses over-shipping whatever was checked before.
 */
export async function insertShipment(em: EntityManager, input: NewShipment): Promise<{ shipment: Shipment; lines: { orderLineId: string; quantity: number }[]; event: ShipmentEvent }> {
  const [row] = await em.execute<Row[]>(
    `insert into shipment (order_id, carrier, tracking_number, status, status_at)
     values (?, ?, ?, 'LABEL_CREATED', now())
     returning *`,
    [input.orderId, input.carrier, input.trackingNumber],
  );
  const shipment = shipmentOf(row!);
  const given = input.lines.map((line, position) => ({ order_line_id: line.orderLineId, position, quantity: line.quantity }));
  // A data-modifying CTE runs to completion whether or not the main statement reads it.
  const lineRows = await em.execute<Row[]>(
    `with given as (
       select * from jsonb_to_recordset(?::jsonb) as x(order_line_id uuid, position int, quantity int)
     ),
     counted as (
       update shipment_order_line l set shipped_quantity = l.shipped_quantity + g.quantity
       from given g
       where l.order_line_id = g.order_line_id and l.order_id = ?
       returning l.order_line_id
     )
     insert into shipment_line (shipment_id, order_id, order_line_id, position, quantity)
     select ?, ?, order_line_id, position, quantity from given
     returning order_line_id, position, quantity`,
    [JSON.stringify(given), input.orderId, shipment.id, input.orderId],
  );
  const [eventRow] = await em.execute<Row[]>(
    `insert into shipment_event (shipment_id, status, occurred_at) values (?, 'LABEL_CREATED', ?) returning shipment_id, status, occurred_at, location`,
    [shipment.id, shipment.statusAt.toISOString()],
  );
  const lines = lineRows
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((line) => ({ orderLineId: String(line.order_line_id), quantity: Number(line.quantity) }));
  return { shipment, lines, event: eventOf(eventRow!) };
}

// ---- shipmentTrackingUpdate ---------------------------------------------------------------------

/** A shipment with what its events need from its order. */
export interface LockedShipment {
  shipment: Shipment;
  orderNumber: number;
  email: string | null;
}

/** The shipment with this tracking number (any case), locked until the transaction ends; null if none. */
export async function lockShipmentByTrackingNumber(em: EntityManager, trackingNumber: string): Promise<LockedShipment | null> {
  const [row] = await em.execute<Row[]>(
    `select s.*, o.order_number, o.email
     from shipment s join shipment_order o on o.order_id = s.order_id
     where lower(s.tracking_number) = lower(?)
     for update of s`,
    [trackingNumber],
  );
  return row ? { shipment: shipmentOf(row), orderNumber: Number(row.order_number), email: row.email == null ? null : String(row.email) } : null;
}

/** Appends an event to a shipment's timeline. */
export async function insertEvent(em: EntityManager, event: ShipmentEvent): Promise<void> {
  await em.execute('insert into shipment_event (shipment_id, status, occurred_at, location) values (?, ?, ?, ?)', [
    event.shipmentId,
    event.status,
    event.occurredAt.toISOString(),
    event.location,
  ]);
}

/** Sets a shipment's status (and when it was delivered); answers the row as written. */
export async function updateShipmentStatus(
  em: EntityManager,
  shipmentId: string,
  state: { status: ShipmentStatus; statusAt: Date; deliveredAt: Date | null },
): Promise<Shipment> {
  const [row] = await em.execute<Row[]>(
    'update shipment set status = ?, status_at = ?, delivered_at = ?, updated_at = now() where id = ? returning *',
    [state.status, state.statusAt.toISOString(), state.deliveredAt?.toISOString() ?? null, shipmentId],
  );
  return shipmentOf(row!);
}
