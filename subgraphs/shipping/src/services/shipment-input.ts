import { assertNoInputErrors, tryParseGlobalId, userError, type UserError } from '#kit';
import type { ShipmentStatus } from '../shipments.ts';
import { orderNotFound, ShipmentErrorCode } from './shipment-errors.ts';

/** Limits of the shipment mutations' input; the text limits are CHECK constraints too. */
export const MAX_CARRIER_LENGTH = 100;
export const MAX_TRACKING_NUMBER_LENGTH = 64;
export const MAX_LOCATION_LENGTH = 255;
export const MAX_SHIPMENT_LINES = 250;
/** How far ahead of this server's clock a tracking event may be dated (carriers' clocks and time zones). */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

const CONTROL = /[\u0000-\u001f\u007f]/;

const invalid = (message: string, field: string[]) => userError(ShipmentErrorCode.INVALID, message, field);

/** A text field trimmed, or an INVALID error when it is blank, too long or holds control characters. */
function readText(value: string, name: string, max: number, field: string[], errors: UserError[]): string {
  const text = value.trim();
  if (text.length === 0) errors.push(invalid(`${name} cannot be blank.`, field));
  else if (text.length > max) errors.push(invalid(`${name} is at most ${max} characters.`, field));
  else if (CONTROL.test(text)) errors.push(invalid(`${name} cannot hold control characters.`, field));
  return text;
}

export interface ShipmentRequest {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  lines: { orderLineId: string; quantity: number; field: string[] }[];
}

/**
 * `shipmentCreate`'s input, checked before anything is asked or locked: every problem at once, except
 * that a malformed order id is simply an order that does not exist.
 */
export function readShipmentCreateInput(input: {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  lines: readonly { orderLineId: string; quantity: number }[];
}): ShipmentRequest {
  const orderId = tryParseGlobalId(input.orderId, 'Order');
  if (!orderId) throw orderNotFound();
  const errors: UserError[] = [];
  const carrier = readText(input.carrier, 'The carrier', MAX_CARRIER_LENGTH, ['input', 'carrier'], errors);
  const trackingNumber = readText(input.trackingNumber, 'The tracking number', MAX_TRACKING_NUMBER_LENGTH, ['input', 'trackingNumber'], errors);
  if (input.lines.length === 0 || input.lines.length > MAX_SHIPMENT_LINES) {
    errors.push(invalid(`Give 1 to ${MAX_SHIPMENT_LINES} lines.`, ['input', 'lines']));
  }
  const seen = new Set<string>();
  const lines: ShipmentRequest['lines'] = [];
  input.lines.forEach((line, index) => {
    const field = ['input', 'lines', String(index)];
    const orderLineId = tryParseGlobalId(line.orderLineId, 'OrderLine');
    if (!orderLineId) errors.push(invalid('Not an OrderLine id.', [...field, 'orderLineId']));
    else if (seen.has(orderLineId)) errors.push(invalid('This line appears twice; give each line once with its whole quantity.', [...field, 'orderLineId']));
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      errors.push(userError(ShipmentErrorCode.INVALID_QUANTITY, 'Ship at least 1 unit.', [...field, 'quantity']));
    }
    if (orderLineId && !seen.has(orderLineId)) lines.push({ orderLineId, quantity: line.quantity, field });
    if (orderLineId) seen.add(orderLineId);
  });
  assertNoInputErrors(errors);
  return { orderId, carrier, trackingNumber, lines };
}

export interface TrackingRequest {
  trackingNumber: string;
  status: ShipmentStatus;
  occurredAt: Date;
  location: string | null;
}

/** `shipmentTrackingUpdate`'s input: `occurredAt` defaults to `now`; every problem at once. */
export function readTrackingUpdateInput(
  input: { trackingNumber: string; status: ShipmentStatus; occurredAt?: Date | null; location?: string | null },
  now: Date,
): TrackingRequest {
  const errors: UserError[] = [];
  const trackingNumber = readText(input.trackingNumber, 'The tracking number', MAX_TRACKING_NUMBER_LENGTH, ['input', 'trackingNumber'], errors);
  const location = input.location == null ? null : readText(input.location, 'The location', MAX_LOCATION_LENGTH, ['input', 'location'], errors);
  const occurredAt = input.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + MAX_FUTURE_MS) {
    errors.push(invalid('An event cannot be dated more than a day ahead.', ['input', 'occurredAt']));
  }
  assertNoInputErrors(errors);
  return { trackingNumber, status: input.status, occurredAt, location };
}
