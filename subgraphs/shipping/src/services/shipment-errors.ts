import { DomainError, ServiceCallError } from '#kit';

/** Every userError code the shipment mutations answer with (besides the kit's UNAUTHENTICATED/FORBIDDEN). */
export const ShipmentErrorCode = {
  /** No such order, no such line in the order, or no shipment with the tracking number. */
  NOT_FOUND: 'NOT_FOUND',
  /** The order is not PAID or PARTIALLY_FULFILLED (not paid yet, fulfilled, cancelled, refunded…). */
  ORDER_NOT_FULFILLABLE: 'ORDER_NOT_FULFILLABLE',
  /** A risk check holds the order until staff approve it. */
  ORDER_ON_HOLD: 'ORDER_ON_HOLD',
  /** Below 1, or more units than the line has left to ship. */
  INVALID_QUANTITY: 'INVALID_QUANTITY',
  /** Malformed input: blank or too long text, no lines, a line twice, a malformed id, a time in the future. */
  INVALID: 'INVALID',
  /** The tracking number belongs to another shipment. */
  TAKEN: 'TAKEN',
  /** The orders subgraph did not answer; nothing was written. */
  ORDERS_UNAVAILABLE: 'ORDERS_UNAVAILABLE',
} as const;

export const orderNotFound = () => new DomainError(ShipmentErrorCode.NOT_FOUND, 'No such order.', ['input', 'orderId']);

export const trackingNumberTaken = () =>
  new DomainError(ShipmentErrorCode.TAKEN, 'Another shipment has this tracking number.', ['input', 'trackingNumber']);

/** A call to orders that failed becomes ORDERS_UNAVAILABLE; anything else stays as it was. */
export function asUnavailable(error: unknown): unknown {
  if (error instanceof ServiceCallError && error.service === 'orders') {
    return new DomainError(ShipmentErrorCode.ORDERS_UNAVAILABLE, 'The order cannot be read right now; nothing was shipped. Try again.');
  }
  return error;
}
