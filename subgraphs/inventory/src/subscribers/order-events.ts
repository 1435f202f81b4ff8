import { DomainError, isUuid, type DomainEvent, type RequestContext } from '#kit';
import { ReservationErrorCode } from '../services/reservation-input.ts';
import { cancelOrderStock, restockReturn } from '../services/restock.service.ts';
import { commitReservations } from '../services/stock-reservation.service.ts';

/** What inventory reads of `orders.order.paid` (an OrderSummary; the rest is ignored). */
export interface OrderEvent {
  orderId: string;
}

/** What inventory reads of `orders.order.cancelled` (`{ orderId, number, cartId, customerId, email, reason, wasPaid }`). */
export interface OrderCancelledEvent extends OrderEvent {
  wasPaid?: boolean;
}

/** What inventory reads of `orders.return.received`. */
export interface ReturnReceivedEvent {
  returnId: string;
  orderId: string;
  lines: { orderLineId?: string; variantId: string; quantity: number }[];
}

/** Above any order line (reservations are at most this many units). */
const MAX_RETURN_QUANTITY = 1_000_000;

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

/**
 * `orders.order.cancelled`: what the order held comes back, once: RESERVED units are released (reason
 * CANCELLED); units it bought (a paid order: COMMITTED) go back on hand where they were sold, with a
 * `CANCELLATION` movement per sale. `wasPaid` is only compared with what inventory recorded.
 */
export async function onOrderCancelled(ctx: RequestContext, event: DomainEvent<OrderCancelledEvent>): Promise<void> {
  const orderId = orderIdOf(event);
  const wasPaid = event.payload.wasPaid;
  if (wasPaid !== undefined && typeof wasPaid !== 'boolean') throw new Error(`${event.type} ${event.id}: payload.wasPaid is not a boolean`);
  const { released, restocked } = await cancelOrderStock(ctx, orderId);
  const log = { orderId, eventId: event.id, wasPaid, released: released.length, restocked: restocked.reduce((sum, line) => sum + line.quantity, 0) };
  if (wasPaid === false && restocked.length > 0) ctx.log.warn(log, 'cancelled order said unpaid, but inventory had sold its stock; restocked');
  else ctx.log.info(log, 'cancelled order stock returned');
}

/**
 * `orders.return.received`: the returned units go back on hand where the order's units were sold from,
 * a `RETURN` movement per sale, once per return, never more than the order bought less what came back.
 */
export async function onReturnReceived(ctx: RequestContext, event: DomainEvent<ReturnReceivedEvent>): Promise<void> {
  const received = returnOf(event);
  const result = await restockReturn(ctx, received);
  const log = { returnId: received.returnId, orderId: received.orderId, eventId: event.id };
  if (result.repeated) {
    ctx.log.info(log, 'return already restocked; nothing to do');
    return;
  }
  if (result.shortfalls.length > 0) {
    ctx.log.warn({ ...log, shortfalls: result.shortfalls }, 'return has more units than the order bought and has not had back; the excess was not restocked');
  }
  ctx.log.info({ ...log, restocked: result.restocked.reduce((sum, line) => sum + line.quantity, 0) }, 'return restocked');
}

/** A malformed payload is the producer's bug: thrown, it retries and lands in the dead-letter queue, visible. */
function orderIdOf(event: DomainEvent<{ orderId: string }>): string {
  const orderId = uuidOf(event.payload?.orderId);
  if (!orderId) throw new Error(`${event.type} ${event.id}: payload.orderId is not a uuid`);
  return orderId;
}

function returnOf(event: DomainEvent<ReturnReceivedEvent>): { returnId: string; orderId: string; lines: { variantId: string; quantity: number }[] } {
  const payload = event.payload;
  const problems: string[] = [];
  const returnId = uuidOf(payload?.returnId);
  if (!returnId) problems.push('returnId is not a uuid');
  const orderId = uuidOf(payload?.orderId);
  if (!orderId) problems.push('orderId is not a uuid');
  const lines: { variantId: string; quantity: number }[] = [];
  if (!Array.isArray(payload?.lines)) problems.push('lines is not a list');
  else {
    payload.lines.forEach((line, index) => {
      const variantId = uuidOf(line?.variantId);
      if (!variantId) problems.push(`lines[${index}].variantId is not a uuid`);
      const quantity = line?.quantity;
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_RETURN_QUANTITY) {
        problems.push(`lines[${index}].quantity is not a whole number from 1 to ${MAX_RETURN_QUANTITY}`);
      }
      if (variantId && problems.length === 0) lines.push({ variantId, quantity });
    });
  }
  if (problems.length > 0) throw new Error(`${event.type} ${event.id}: malformed payload: ${problems.join('; ')}`);
  return { returnId: returnId!, orderId: orderId!, lines };
}

function uuidOf(value: unknown): string | null {
  return typeof value === 'string' && isUuid(value.toLowerCase()) ? value.toLowerCase() : null;
}
