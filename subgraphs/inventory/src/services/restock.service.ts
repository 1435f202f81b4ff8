import type { RequestContext } from '#kit';
import type { StockReservation } from '../entities/stock-reservation.entity.ts';
import { lockOrder, releaseOrders } from './reservation-statements.ts';
import { planCancellation, planReturn } from './restock-plan.ts';
import { lockLiveLevels, restockTakes, returnRestocked, type RestockedLine } from './restock-statements.ts';
import { releasedEvent, StockEvent } from './stock-reservation.service.ts';

export interface CancelledOrderStock {
  /** RESERVED units given back (the order was not paid, or its payment had not reached inventory yet). */
  released: StockReservation[];
  /** Sold units put back on hand where they were sold (a `CANCELLATION` movement per sale). */
  restocked: RestockedLine[];
}

/**
 * An order was cancelled: everything it holds comes back, once. Under the order's lock (the lock reserve,
 * commit, release and the expiry worker take), in one transaction:
 * - RESERVED units are released (reason CANCELLED), as `inventoryRelease` would;
 * - sold (COMMITTED) units that have not come back yet (a return may have brought some) are put back on
 *   hand at the location each sale was taken from, a `CANCELLATION` movement per sale.
 * A second cancellation finds nothing held and nothing left to restock (and the database refuses a second
 * CANCELLATION of a sale), so a redelivered or concurrent event changes nothing more.
 */
export async function cancelOrderStock(ctx: RequestContext, orderId: string): Promise<CancelledOrderStock> {
  return ctx.transaction(async (tx) => {
    await lockOrder(tx.em, orderId);
    const released = (await releaseOrders(tx.em, [orderId], 'CANCELLED')).filter((row) => row.changed).map((row) => row.reservation);
    if (released.length > 0) await tx.emit(StockEvent.RELEASED, releasedEvent(orderId, 'CANCELLED', released));
    const plan = planCancellation(await lockLiveLevels(tx.em, orderId));
    const restocked = sortLines(await restockTakes(tx.em, plan.takes, 'CANCELLATION', `Order ${orderId} cancelled`, null));
    if (restocked.length > 0) await tx.emit(StockEvent.RESTOCKED, restockedEvent(orderId, 'CANCELLATION', null, restocked));
    return { released, restocked };
  });
}

export interface ReceivedReturn {
  returnId: string;
  orderId: string;
  lines: readonly { variantId: string; quantity: number }[];
}

export interface ReturnRestock {
  restocked: RestockedLine[];
  /** Variants returned beyond what the order bought and has not had back: the excess was not restocked. */
  shortfalls: { variantId: string; returned: number; restockable: number }[];
  /** True when this return had been restocked before: nothing was done. */
  repeated: boolean;
}

/**
 * Returned goods were received: the units go back on hand where the order's units of each variant were
 * sold from (planReturn: split over the sales when one cannot take them all), a `RETURN` movement per
 * sale naming the return. Never more than the order bought of a variant less what already came back;
 * the excess is logged, not restocked. Once per return: under the order's lock, a return whose movements
 * exist is not applied again (and the database refuses the same return and sale twice).
 *
 * An order whose stock is still RESERVED here was paid but its payment has not reached inventory yet
 * (events travel on separate queues): that throws, so the return is retried after the sale is recorded.
 */
export async function restockReturn(ctx: RequestContext, received: ReceivedReturn): Promise<ReturnRestock> {
  const { returnId, orderId } = received;
  return ctx.transaction(async (tx) => {
    await lockOrder(tx.em, orderId);
    if (await returnRestocked(tx.em, returnId)) return { restocked: [], shortfalls: [], repeated: true };
    const levels = await lockLiveLevels(tx.em, orderId);
    if (levels.some((level) => level.status === 'RESERVED')) {
      throw new Error(`Return ${returnId}: order ${orderId} still holds RESERVED stock (its payment is not applied here yet); retry later`);
    }
    const plan = planReturn(received.lines, levels);
    const restocked = sortLines(await restockTakes(tx.em, plan.takes, 'RETURN', `Return ${returnId} of order ${orderId}`, returnId));
    if (restocked.length > 0) await tx.emit(StockEvent.RESTOCKED, restockedEvent(orderId, 'RETURN', returnId, restocked));
    return { restocked, shortfalls: plan.shortfalls, repeated: false };
  });
}

/** The `inventory.stock.restocked` payload. */
function restockedEvent(orderId: string, reason: 'CANCELLATION' | 'RETURN', returnId: string | null, lines: readonly RestockedLine[]) {
  return {
    orderId,
    reason,
    returnId,
    lines: lines.map(({ reservationId, variantId, locationId, quantity }) => ({ reservationId, variantId, locationId, quantity })),
  };
}

function sortLines(lines: RestockedLine[]): RestockedLine[] {
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return lines.sort((a, b) => text(a.variantId, b.variantId) || text(a.locationId, b.locationId));
}
