import { DomainError, isUuid, type DomainEvent, type RequestContext } from '#kit';
import { ReservationErrorCode } from '../services/reservation-input.ts';
import { commitReservations, releaseReservations } from '../services/stock-reservation.service.ts';

/** The orders subgraph's `orders.order.paid` and `orders.order.cancelled` payloads (the order's uuid). */
export interface OrderEvent {
  orderId: string;
}

/** `orders.order.paid`: the reserved stock is sold. */
export async function onOrderPaid(ctx: RequestContext, event: DomainEvent<OrderEvent>): Promise<void> {
  const orderId = orderIdOf(event);
  try {
    await commitReservations(ctx, orderId);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Paid, but its stock went back (it expired first): orders must re-reserve or refund. Retrying cannot help.
    const level = error.code === ReservationErrorCode.RESERVATION_RELEASED ? 'error' : 'warn';
    ctx.log[level]({ orderId, code: error.code, eventId: event.id }, 'paid order has no reserved stock to commit');
  }
}

/** `orders.order.cancelled`: the reserved stock is available again. */
export async function onOrderCancelled(ctx: RequestContext, event: DomainEvent<OrderEvent>): Promise<void> {
  const orderId = orderIdOf(event);
  try {
    await releaseReservations(ctx, orderId, 'CANCELLED');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // A paid order cancelled: its units were sold, and come back only by a restock (the refund flow's).
    ctx.log.info({ orderId, code: error.code, eventId: event.id }, 'cancelled order had sold stock; nothing released');
  }
}

/** A malformed payload is the producer's bug: thrown, it retries and lands in the dead-letter queue, visible. */
function orderIdOf(event: DomainEvent<OrderEvent>): string {
  const orderId = event.payload?.orderId;
  if (typeof orderId !== 'string' || !isUuid(orderId.toLowerCase())) {
    throw new Error(`${event.type} ${event.id}: payload.orderId is not a uuid`);
  }
  return orderId.toLowerCase();
}
