import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { assertNoInputErrors, DomainError, userError, type UserError } from '#kit';
import type { ShippingContext } from '../context.ts';
import { FULFILLABLE_ORDER_STATUSES, type Shipment } from '../shipments.ts';
import { fetchOrderFulfilment, type OrderFulfilment } from './order-fulfilment.ts';
import { asUnavailable, orderNotFound, ShipmentErrorCode, trackingNumberTaken as taken } from './shipment-errors.ts';
import { readShipmentCreateInput, type ShipmentRequest } from './shipment-input.ts';
import { insertShipment, lockOrder, readLedger, trackingNumberTaken, type LedgerLine } from './shipment-statements.ts';

/** `shipping.shipment.shipped`: ids are bare uuids. Orders counts the lines as shipped. */
export interface ShipmentShippedPayload {
  shipmentId: string;
  orderId: string;
  orderNumber: number;
  email: string | null;
  carrier: string;
  trackingNumber: string;
  lines: { orderLineId: string; title: string; quantity: number }[];
}

/**
 * `shipmentCreate`: ships units of a paid order's lines in one parcel. The input is checked first, then
 * orders is asked about the order (outside any transaction: a slow orders holds no lock). Under the
 * order's lock, the lines are checked against what has shipped so far and the tracking number against
 * every shipment; then the shipment, its lines, its first event and `shipping.shipment.shipped` are
 * written together. Any refusal writes nothing.
 */
export async function createShipment(
  ctx: ShippingContext,
  input: Parameters<typeof readShipmentCreateInput>[0],
): Promise<Shipment> {
  const request = readShipmentCreateInput(input);
  let order: OrderFulfilment | null;
  try {
    order = await fetchOrderFulfilment(ctx, request.orderId);
  } catch (error) {
    throw asUnavailable(error);
  }
  if (!order) throw orderNotFound();
  if (!FULFILLABLE_ORDER_STATUSES.includes(order.status)) {
    throw new DomainError(
      ShipmentErrorCode.ORDER_NOT_FULFILLABLE,
      `Order ${order.number} cannot ship: it is ${order.status}, and only PAID or PARTIALLY_FULFILLED orders ship.`,
      ['input', 'orderId'],
    );
  }
  if (order.held) {
    throw new DomainError(ShipmentErrorCode.ORDER_ON_HOLD, `Order ${order.number} is on hold until staff approve it.`, ['input', 'orderId']);
  }
  const paid = order;
  try {
    const written = await ctx.transaction(async (tx) => {
      await lockOrder(tx.em, paid);
      const ledger = await readLedger(tx.em, paid);
      const errors = checkLines(request, paid, ledger);
      if (await trackingNumberTaken(tx.em, request.trackingNumber)) errors.push(taken().toUserError());
      assertNoInputErrors(errors);
      const result = await insertShipment(tx.em, { orderId: paid.orderId, carrier: request.carrier, trackingNumber: request.trackingNumber, lines: request.lines });
      const titles = new Map(paid.lines.map((line) => [line.orderLineId, line.title]));
      const payload: ShipmentShippedPayload = {
        shipmentId: result.shipment.id,
        orderId: paid.orderId,
        orderNumber: paid.number,
        email: paid.email,
        carrier: result.shipment.carrier,
        trackingNumber: result.shipment.trackingNumber,
        lines: result.lines.map((line) => ({ orderLineId: line.orderLineId, title: titles.get(line.orderLineId)!, quantity: line.quantity })),
      };
      await tx.emit('shipping.shipment.shipped', payload);
      return { ...result, lines: payload.lines };
    });
    // The payload reads what was written, not a second copy from the database.
    const { shipment } = written;
    ctx.loaders.linesByShipmentId.prime(shipment.id, written.lines.map((line) => ({ shipmentId: shipment.id, ...line })));
    ctx.loaders.eventsByShipmentId.prime(shipment.id, [written.event]);
    return shipment;
  } catch (error) {
    // Another order's shipment took the number between the check and the insert.
    if (error instanceof UniqueConstraintViolationException && constraintOf(error) === 'shipment_tracking_number_unique') throw taken();
    throw error;
  }
}

/** Each line of the request against the order and what it has shipped: every problem at once. */
function checkLines(request: ShipmentRequest, order: OrderFulfilment, ledger: ReadonlyMap<string, LedgerLine>): UserError[] {
  const errors: UserError[] = [];
  const inOrder = new Set(order.lines.map((line) => line.orderLineId));
  for (const line of request.lines) {
    const counted = ledger.get(line.orderLineId);
    if (!inOrder.has(line.orderLineId) || !counted) {
      errors.push(userError(ShipmentErrorCode.NOT_FOUND, 'The order has no such line.', [...line.field, 'orderLineId']));
      continue;
    }
    const left = counted.orderedQuantity - counted.shippedQuantity;
    if (line.quantity > left) {
      const message = left === 0 ? 'This line has shipped in full.' : `Only ${left} of this line's ${counted.orderedQuantity} units are left to ship.`;
      errors.push(userError(ShipmentErrorCode.INVALID_QUANTITY, message, [...line.field, 'quantity']));
    }
  }
  return errors;
}

// The driver copies PostgreSQL's error fields (constraint) onto MikroORM's exception.
const constraintOf = (error: UniqueConstraintViolationException) => (error as { constraint?: string }).constraint;
