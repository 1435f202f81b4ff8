import { DomainError, type RequestContext } from '#kit';
import type { ReleaseReason, StockReservation } from '../entities/stock-reservation.entity.ts';
import { allocate } from './allocation.ts';
import { insufficientStock, parseReserveInput, ReservationErrorCode, type ReserveInput, type ReserveRequest } from './reservation-input.ts';
import { commitOrder, liveReservations, locationState, lockCandidateLevels, lockOrder, releaseOrders, takeStock } from './reservation-statements.ts';

/** Events inventory emits about reservations; payload shapes in subgraphs/inventory/README.md. */
export const StockEvent = {
  RESERVED: 'inventory.stock.reserved',
  COMMITTED: 'inventory.stock.committed',
  RELEASED: 'inventory.stock.released',
  /** A staff adjustment (inventoryAdjustQuantity). */
  ADJUSTED: 'inventory.stock.adjusted',
  /** Sold units put back: a paid order cancelled, or a return received (services/restock.service.ts). */
  RESTOCKED: 'inventory.stock.restocked',
} as const;

/**
 * Holds stock for an order, every line or none (what the orders service calls at checkout). Under the
 * order's lock: an order that already holds reservations gets them back unchanged; otherwise the
 * candidate levels are locked, split by `allocate`, and taken in one conditional statement. A short
 * line refuses the whole order with `INSUFFICIENT_STOCK` per short line; nothing is written then.
 * With a location (a point-of-sale sale) only that open location's levels are candidates.
 */
export async function reserveStock(ctx: RequestContext, input: ReserveInput): Promise<StockReservation[]> {
  const request = parseReserveInput(input);
  return ctx.transaction(async (tx) => {
    if (request.locationId) {
      const location = await locationState(tx.em, request.locationId);
      if (!location) throw new DomainError(ReservationErrorCode.NOT_FOUND, 'No such location.', ['input', 'locationId']);
      if (!location.active) throw new DomainError(ReservationErrorCode.INVALID, 'The location is closed.', ['input', 'locationId']);
    }
    await lockOrder(tx.em, request.orderId);
    const existing = await liveReservations(tx.em, request.orderId);
    if (existing.length > 0) {
      if (!holdsExactly(existing, request)) {
        throw new DomainError(
          ReservationErrorCode.ALREADY_RESERVED,
          'This order already holds reservations for other lines or at another location: release them before reserving again.',
          ['input', 'lines'],
        );
      }
      return existing;
    }
    const levels = await lockCandidateLevels(tx.em, request.lines.map((line) => line.variantId), request.locationId);
    const { takes, shortages } = allocate(request.lines, levels);
    if (shortages.length > 0) throw insufficientStock(shortages);
    const reservations = await takeStock(tx.em, request.orderId, takes, request.expiresInSeconds);
    // The levels are locked since they were read, so every guarded update must have applied.
    if (reservations.length !== takes.length) throw new Error(`Reserved ${reservations.length} of ${takes.length} planned levels`);
    await tx.emit(StockEvent.RESERVED, {
      orderId: request.orderId,
      expiresAt: reservations[0]!.expiresAt.toISOString(),
      lines: eventLines(reservations),
    });
    return reservations;
  });
}

/**
 * The order was paid: its RESERVED units are sold (COMMITTED, a SALE movement each). Idempotent: once
 * committed, a call changes nothing and answers the same reservations. `NOT_FOUND` when the order never
 * reserved anything; `RESERVATION_RELEASED` when what it reserved was given back (expired, cancelled).
 */
export async function commitReservations(ctx: RequestContext, orderId: string): Promise<StockReservation[]> {
  return ctx.transaction(async (tx) => {
    await lockOrder(tx.em, orderId);
    const rows = await commitOrder(tx.em, orderId, `Order ${orderId}`);
    const committed = rows.filter((row) => row.reservation.status === 'COMMITTED').map((row) => row.reservation);
    if (committed.length === 0) {
      throw rows.length === 0
        ? new DomainError(ReservationErrorCode.NOT_FOUND, 'This order has no reservations.', ['orderId'])
        : new DomainError(
            ReservationErrorCode.RESERVATION_RELEASED,
            'The reservations of this order were released (expired or cancelled); reserve again.',
            ['orderId'],
          );
    }
    const changed = rows.filter((row) => row.changed).map((row) => row.reservation);
    if (changed.length > 0) await tx.emit(StockEvent.COMMITTED, { orderId, lines: eventLines(changed) });
    return committed;
  });
}

/**
 * The order will not be paid: its RESERVED units become available again. Idempotent, and harmless for an
 * order that never reserved (a checkout compensating a failed step): both answer with an empty list.
 * Sold units are not released (that is a restock, with its own ledger movement): `ALREADY_COMMITTED`.
 */
export async function releaseReservations(ctx: RequestContext, orderId: string, reason: ReleaseReason): Promise<StockReservation[]> {
  return ctx.transaction(async (tx) => {
    await lockOrder(tx.em, orderId);
    const rows = await releaseOrders(tx.em, [orderId], reason);
    if (rows.some((row) => row.reservation.status === 'COMMITTED')) {
      throw new DomainError(
        ReservationErrorCode.ALREADY_COMMITTED,
        'This order\'s stock was sold; returning it to stock is a restock, not a release.',
        ['orderId'],
      );
    }
    const released = rows.filter((row) => row.changed).map((row) => row.reservation);
    if (released.length > 0) await tx.emit(StockEvent.RELEASED, releasedEvent(orderId, reason, released));
    return released;
  });
}

/** The `inventory.stock.released` payload (also the expiry worker's). */
export function releasedEvent(orderId: string, reason: ReleaseReason, reservations: readonly StockReservation[]) {
  return { orderId, reason, lines: eventLines(reservations) };
}

function eventLines(reservations: readonly StockReservation[]) {
  return reservations.map((r) => ({ reservationId: r.id, variantId: r.variantId, locationId: r.locationId, quantity: r.quantity }));
}

/**
 * Whether what the order holds is, per variant, exactly what is asked again (a retry, not a new order),
 * and, when the request names a location, held there.
 */
function holdsExactly(reservations: readonly StockReservation[], request: ReserveRequest): boolean {
  if (request.locationId && reservations.some((r) => r.locationId !== request.locationId)) return false;
  const held = new Map<string, number>();
  for (const r of reservations) held.set(r.variantId, (held.get(r.variantId) ?? 0) + r.quantity);
  return held.size === request.lines.length && request.lines.every((line) => held.get(line.variantId) === line.quantity);
}
