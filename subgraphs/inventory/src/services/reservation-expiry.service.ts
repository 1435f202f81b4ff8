import type { RequestContext } from '#kit';
import type { StockReservation } from '../entities/stock-reservation.entity.ts';
import { lockExpiredOrders, releaseOrders } from './reservation-statements.ts';
import { releasedEvent, StockEvent } from './stock-reservation.service.ts';

/** Orders released per transaction: short transactions, so checkouts never queue behind the worker for long. */
export const EXPIRY_BATCH_ORDERS = 100;
/** A run stops after this many batches; the next minute's run goes on, so one run never hogs the queue. */
const MAX_BATCHES_PER_RUN = 50;

/**
 * The every-minute worker: gives back the stock of orders whose reservations expired unpaid, whole
 * orders at a time, a batch per transaction, each with its `inventory.stock.released` event (reason
 * EXPIRED). Only RESERVED reservations past `expires_at` are touched; sold ones never are.
 */
export async function expireReservations(ctx: RequestContext, batchSize = EXPIRY_BATCH_ORDERS): Promise<{ orders: number }> {
  let orders = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    const result = await ctx.transaction(async (tx) => {
      const { found, locked } = await lockExpiredOrders(tx.em, batchSize);
      if (locked.length === 0) return { found, released: 0 };
      const rows = await releaseOrders(tx.em, locked, 'EXPIRED', { expiredOnly: true });
      const byOrder = new Map<string, StockReservation[]>();
      for (const { reservation, changed } of rows) {
        if (changed) byOrder.set(reservation.orderId, [...(byOrder.get(reservation.orderId) ?? []), reservation]);
      }
      await tx.emitMany([...byOrder].map(([orderId, released]) => ({ type: StockEvent.RELEASED, payload: releasedEvent(orderId, 'EXPIRED', released) })));
      return { found, released: byOrder.size };
    });
    orders += result.released;
    // Fewer than a batch means none are left; none released means the rest are busy (paid or cancelled right now).
    if (result.found < batchSize || result.released === 0) break;
  }
  if (orders > 0) ctx.log.info({ orders }, 'released expired stock reservations');
  return { orders };
}
