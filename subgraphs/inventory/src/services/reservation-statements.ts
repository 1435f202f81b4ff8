import type { EntityManager } from '@mikro-orm/postgresql';
import { StockReservation, type ReleaseReason } from '../entities/stock-reservation.entity.ts';
import type { CandidateLevel, Take } from './allocation.ts';

/**
 * The SQL behind reservations, one named statement each. Every statement that changes a reservation's
 * status changes `stock_level.reserved` (and `on_hand`) with it, so the two never disagree.
 *
 * Locks are always taken in the same order, so concurrent orders wait for each other and never deadlock:
 * the order's advisory lock, then its reservation rows (by id), then stock levels (by id).
 */

/** A reservation row as read back, with whether this statement changed it. */
export interface ReservationRow {
  reservation: StockReservation;
  changed: boolean;
}

/** The advisory lock key of an order; the expiry worker's SQL builds the same text. */
const orderLockKey = (orderId: string) => `inventory.stock_reservation:${orderId}`;

/**
 * Serialises everything done to one order (reserve, commit, release, expiry) until the transaction ends:
 * two reserve calls for a new order have no row to lock yet, so the lock is on the order id itself.
 */
export async function lockOrder(em: EntityManager, orderId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?::text, 0))', [orderLockKey(orderId)]);
}

/** The order's live reservations (RESERVED or COMMITTED): what a repeated reserve call answers with. */
export async function liveReservations(em: EntityManager, orderId: string): Promise<StockReservation[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select * from stock_reservation where order_id = ? and status <> 'RELEASED'`,
    [orderId],
  );
  return sortReservations(rows.map((row) => em.map(StockReservation, row)));
}

/**
 * Locks every stock level at an open location that fulfils online orders for these variants, in id order,
 * and reads what each can still promise. Locked, the numbers cannot change before this transaction takes
 * from them, so the split is computed on current stock and a buyer is never refused while stock exists.
 */
export async function lockCandidateLevels(em: EntityManager, variantIds: readonly string[], locationId: string | null = null): Promise<CandidateLevel[]> {
  // With a location (a point-of-sale sale): that location's levels only, whatever it ships. Its being
  // open is checked by the caller (locationState), before this.
  const rows = await em.execute<{ id: string; variant_id: string; location_id: string; available: number }[]>(
    `select s.id, s.variant_id, s.location_id, s.on_hand - s.reserved as available
     from stock_level s join location l on l.id = s.location_id
     where s.variant_id = any(?::uuid[]) and l.active and (case when ?::uuid is null then l.fulfills_online_orders else l.id = ?::uuid end)
     order by s.id
     for update of s`,
    [pgArray(variantIds), locationId, locationId],
  );
  return rows.map((row) => ({ id: row.id, variantId: row.variant_id, locationId: row.location_id, available: row.available }));
}

/** Whether a location exists and is open: null when there is no such location. */
export async function locationState(em: EntityManager, locationId: string): Promise<{ active: boolean } | null> {
  const [row] = await em.execute<{ active: boolean }[]>('select active from location where id = ?', [locationId]);
  return row ?? null;
}

/**
 * Takes every planned quantity in one statement: each level is incremented only where
 * `on_hand - reserved >= quantity` still holds (the guard that makes overselling impossible, whatever
 * planned it), and a reservation row is written for each level taken. Returns the rows written.
 */
export async function takeStock(em: EntityManager, orderId: string, takes: readonly Take[], expiresInSeconds: number): Promise<StockReservation[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `with take as (
       select * from unnest(?::uuid[], ?::int[]) as t(level_id, quantity)
     ),
     taken as (
       update stock_level s set reserved = s.reserved + t.quantity, updated_at = now()
       from take t
       where s.id = t.level_id and s.on_hand - s.reserved >= t.quantity
       returning s.variant_id, s.location_id, t.quantity
     )
     insert into stock_reservation (order_id, variant_id, location_id, quantity, expires_at)
     select ?, variant_id, location_id, quantity, now() + make_interval(secs => ?) from taken
     returning *`,
    [pgArray(takes.map((t) => t.levelId)), pgArray(takes.map((t) => t.quantity)), orderId, expiresInSeconds],
  );
  return sortReservations(rows.map((row) => em.map(StockReservation, row)));
}

/**
 * The paid order's RESERVED units leave the shelf: on_hand and reserved drop together at each level
 * (so availability is unchanged), a SALE movement records each with the on-hand it left, and the
 * reservations become COMMITTED. The CHECKs on stock_level are the backstop should `reserved` ever
 * disagree with the reservations. Answers with every reservation of the order as it now stands.
 */
export async function commitOrder(em: EntityManager, orderId: string, note: string): Promise<ReservationRow[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `with held as (
       select id, variant_id, location_id, quantity from stock_reservation
       where order_id = ? and status = 'RESERVED' order by id for update
     ),
     levels as (
       select s.id, h.id as reservation_id, h.quantity from stock_level s
       join held h on h.variant_id = s.variant_id and h.location_id = s.location_id
       order by s.id for update of s
     ),
     sold as (
       update stock_level s set on_hand = s.on_hand - l.quantity, reserved = s.reserved - l.quantity, updated_at = now()
       from levels l where s.id = l.id
       returning s.variant_id, s.location_id, s.on_hand, l.reservation_id, l.quantity
     ),
     ledger as (
       insert into stock_movement (variant_id, location_id, delta, reason, note, reservation_id, on_hand_after)
       select variant_id, location_id, -quantity, 'SALE', ?, reservation_id, on_hand from sold
       order by variant_id, location_id
     ),
     committed as (
       update stock_reservation r set status = 'COMMITTED', updated_at = now()
       from sold where r.id = sold.reservation_id
       returning r.*
     )
     select committed.*, true as changed from committed
     union all
     select r.*, false as changed from stock_reservation r where r.order_id = ? and r.status <> 'RESERVED'`,
    [orderId, note, orderId],
  );
  return toReservationRows(em, rows);
}

/**
 * Gives back the RESERVED units of these orders: `reserved` drops at each level by what they held, and
 * the reservations become RELEASED with the reason. With `expiredOnly`, only reservations already past
 * their expiry (the worker: an order may have reserved afresh since it looked). Answers with every
 * reservation of these orders as it now stands.
 */
export async function releaseOrders(
  em: EntityManager,
  orderIds: readonly string[],
  reason: ReleaseReason,
  options: { expiredOnly?: boolean } = {},
): Promise<ReservationRow[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `with held as (
       select id, variant_id, location_id, quantity from stock_reservation
       where order_id = any(?::uuid[]) and status = 'RESERVED' and (not ? or expires_at <= now())
       order by id for update
     ),
     per_level as (
       select variant_id, location_id, sum(quantity)::int as quantity from held group by variant_id, location_id
     ),
     levels as (
       select s.id, p.quantity from stock_level s
       join per_level p on p.variant_id = s.variant_id and p.location_id = s.location_id
       order by s.id for update of s
     ),
     freed as (
       update stock_level s set reserved = s.reserved - l.quantity, updated_at = now()
       from levels l where s.id = l.id
       returning s.id
     ),
     released as (
       update stock_reservation r set status = 'RELEASED', release_reason = ?, updated_at = now()
       from held where r.id = held.id
       returning r.*
     )
     select released.*, true as changed from released
     union all
     select r.*, false as changed from stock_reservation r
     where r.order_id = any(?::uuid[]) and r.id not in (select id from held)`,
    [pgArray(orderIds), Boolean(options.expiredOnly), reason, pgArray(orderIds)],
  );
  return toReservationRows(em, rows);
}

/**
 * Up to `limit` orders holding reservations past their expiry, each locked with its advisory lock. An
 * order busy elsewhere (being paid or cancelled right now) is skipped, not waited for: the order-level
 * `skip locked`. Row-level `for update skip locked` could take part of an order's rows while a commit
 * holds the rest, and split the order between sold and released; the order lock cannot.
 */
export async function lockExpiredOrders(em: EntityManager, limit: number): Promise<{ found: number; locked: string[] }> {
  const rows = await em.execute<{ order_id: string; locked: boolean }[]>(
    `select order_id, pg_try_advisory_xact_lock(hashtextextended('inventory.stock_reservation:' || order_id::text, 0)) as locked
     from (
       select distinct order_id from stock_reservation
       where status = 'RESERVED' and expires_at <= now()
       limit ?
     ) expired`,
    [limit],
  );
  return { found: rows.length, locked: rows.filter((row) => row.locked).map((row) => row.order_id) };
}

function toReservationRows(em: EntityManager, rows: Record<string, unknown>[]): ReservationRow[] {
  const mapped = rows.map(({ changed, ...row }) => ({ reservation: em.map(StockReservation, row), changed: changed === true }));
  return mapped.sort((a, b) => compareReservations(a.reservation, b.reservation));
}

/** Answers list reservations by variant, then location: the same order on every call. */
export function sortReservations(reservations: StockReservation[]): StockReservation[] {
  return reservations.sort(compareReservations);
}

function compareReservations(a: StockReservation, b: StockReservation): number {
  return compareText(a.orderId, b.orderId) || compareText(a.variantId, b.variantId) || compareText(a.locationId, b.locationId) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A PostgreSQL array literal of uuids or integers (validated before they get here; no quoting needed). */
function pgArray(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}
