import type { EntityManager } from '@mikro-orm/postgresql';
import type { RestockReason } from '../entities/stock-movement.entity.ts';
import type { ReservationStatus } from '../entities/stock-reservation.entity.ts';
import type { RestockTake, SoldLevel } from './restock-plan.ts';

/** A live reservation of an order (RESERVED or COMMITTED), with what may still come back of it when sold. */
export interface LiveLevel extends SoldLevel {
  status: Exclude<ReservationStatus, 'RELEASED'>;
}

/** One restock movement as written. */
export interface RestockedLine {
  reservationId: string;
  variantId: string;
  locationId: string;
  quantity: number;
  onHandAfter: number;
}

/**
 * The order's live reservations, locked in id order (the order of every multi-row locker, after the
 * order's advisory lock), with what each sale may still restock and whether its location is open.
 */
export async function lockLiveLevels(em: EntityManager, orderId: string): Promise<LiveLevel[]> {
  const rows = await em.execute<{ id: string; variant_id: string; location_id: string; status: LiveLevel['status']; restockable: number; active: boolean }[]>(
    `select r.id, r.variant_id, r.location_id, r.status, r.quantity - r.restocked_quantity as restockable, l.active
     from stock_reservation r join location l on l.id = r.location_id
     where r.order_id = ? and r.status <> 'RELEASED'
     order by r.id
     for update of r`,
    [orderId],
  );
  return rows.map((row) => ({
    reservationId: row.id,
    variantId: row.variant_id,
    locationId: row.location_id,
    status: row.status,
    restockable: row.status === 'COMMITTED' ? row.restockable : 0,
    locationActive: row.active,
  }));
}

/** Whether a return's units were already put back (its movements exist): a return is restocked once. */
export async function returnRestocked(em: EntityManager, returnId: string): Promise<boolean> {
  const [row] = await em.execute<{ done: boolean }[]>(
    `select exists (select 1 from stock_movement where reason = 'RETURN' and return_id = ?) as done`,
    [returnId],
  );
  return row?.done === true;
}

/**
 * Puts sold units back, one statement for every take: `on_hand` grows at the level each sale was taken
 * from (levels locked in id order) and a movement per take records it, naming the sale (and the return).
 * The movement's trigger counts it on the reservation, whose CHECK refuses more than was sold there, so
 * even a wrong plan cannot restock what was not sold; the partial unique indexes refuse a second
 * CANCELLATION of a sale, or the same return twice.
 */
export async function restockTakes(
  em: EntityManager,
  takes: readonly RestockTake[],
  reason: RestockReason,
  note: string,
  returnId: string | null,
): Promise<RestockedLine[]> {
  if (takes.length === 0) return [];
  const rows = await em.execute<{ reservation_id: string; variant_id: string; location_id: string; delta: number; on_hand_after: number }[]>(
    `with plan as (
       select * from unnest(?::uuid[], ?::int[]) as p(reservation_id, quantity)
     ),
     levels as (
       select s.id, p.reservation_id, p.quantity from plan p
       join stock_reservation r on r.id = p.reservation_id
       join stock_level s on s.variant_id = r.variant_id and s.location_id = r.location_id
       order by s.id for update of s
     ),
     restocked as (
       update stock_level s set on_hand = s.on_hand + l.quantity, updated_at = now()
       from levels l where s.id = l.id
       returning s.variant_id, s.location_id, s.on_hand, l.reservation_id, l.quantity
     )
     insert into stock_movement (variant_id, location_id, delta, reason, note, reservation_id, return_id, on_hand_after)
     select variant_id, location_id, quantity, ?, ?, reservation_id, ?::uuid, on_hand from restocked
     order by variant_id, location_id
     returning reservation_id, variant_id, location_id, delta, on_hand_after`,
    [pgArray(takes.map((take) => take.reservationId)), pgArray(takes.map((take) => take.quantity)), reason, note, returnId],
  );
  if (rows.length !== takes.length) throw new Error(`Restocked ${rows.length} of ${takes.length} planned sales`);
  return rows.map((row) => ({
    reservationId: row.reservation_id,
    variantId: row.variant_id,
    locationId: row.location_id,
    quantity: row.delta,
    onHandAfter: row.on_hand_after,
  }));
}

/** A PostgreSQL array literal of uuids or integers (validated before they get here; no quoting needed). */
function pgArray(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}
