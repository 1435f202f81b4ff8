import { DomainError, InputErrors, assertNoInputErrors, tryParseGlobalId, userError, type UserError } from '#kit';

/** How long unpaid reservations last when the caller does not say (the orders issue's 30 minutes). */
export const DEFAULT_RESERVATION_SECONDS = 1800;
/** The expiry worker runs every minute, so a shorter hold would not be honoured any more precisely. */
export const MIN_RESERVATION_SECONDS = 60;
/** Long enough for slow payment methods (bank transfers), short enough that forgotten stock comes back. */
export const MAX_RESERVATION_SECONDS = 7 * 24 * 3600;
/** Above any cart (cart allows 100 lines); keeps one order's statement parameters small. */
export const MAX_RESERVE_LINES = 250;
/** Matches the `stock_reservation_quantity_bounded` constraint. */
export const MAX_RESERVE_QUANTITY = 1_000_000;

export const ReservationErrorCode = {
  INVALID: 'INVALID',
  NOT_FOUND: 'NOT_FOUND',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  ALREADY_RESERVED: 'ALREADY_RESERVED',
  ALREADY_COMMITTED: 'ALREADY_COMMITTED',
  RESERVATION_RELEASED: 'RESERVATION_RELEASED',
} as const;

/** A user error that can say how much stock there is (`INSUFFICIENT_STOCK`). */
export interface ReservationUserError extends UserError {
  quantityAvailable?: number;
}

export interface ReserveInput {
  orderId: string;
  lines: readonly { variantId: string; quantity: number }[];
  expiresInSeconds?: number | null;
  /** Take every line from this location only (a point-of-sale sale); online locations when absent. */
  locationId?: string | null;
}

/** A reserve request once checked: uuids, lines in request order (`line` is the input index). */
export interface ReserveRequest {
  orderId: string;
  lines: { line: number; variantId: string; quantity: number }[];
  expiresInSeconds: number;
  /** The one location to take from (uuid), or null: the open locations that fulfil online orders. */
  locationId: string | null;
}

/** The order's uuid from its global id; `field` names where it came from. */
export function parseOrderId(id: string, field: readonly string[]): string {
  const orderId = tryParseGlobalId(id, 'Order');
  if (!orderId) throw new DomainError(ReservationErrorCode.INVALID, 'Not an Order id.', field);
  return orderId;
}

/** Checks a reserve request without touching the database, reporting every bad field at once. */
export function parseReserveInput(input: ReserveInput): ReserveRequest {
  const errors: UserError[] = [];
  const orderId = tryParseGlobalId(input.orderId, 'Order');
  if (!orderId) errors.push(userError(ReservationErrorCode.INVALID, 'Not an Order id.', ['input', 'orderId']));
  if (input.lines.length === 0 || input.lines.length > MAX_RESERVE_LINES) {
    errors.push(userError(ReservationErrorCode.INVALID, `An order reserves 1 to ${MAX_RESERVE_LINES} lines.`, ['input', 'lines']));
  }
  const seen = new Set<string>();
  const lines: ReserveRequest['lines'] = [];
  input.lines.forEach((line, index) => {
    const at = ['input', 'lines', String(index)];
    const variantId = tryParseGlobalId(line.variantId, 'ProductVariant');
    if (!variantId) errors.push(userError(ReservationErrorCode.INVALID, 'Not a ProductVariant id.', [...at, 'variantId']));
    // One line per variant keeps "how much of this variant does the order hold" a single number.
    else if (seen.has(variantId)) {
      errors.push(userError(ReservationErrorCode.INVALID, 'The variant is on another line already: merge the lines.', [...at, 'variantId']));
    } else seen.add(variantId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_RESERVE_QUANTITY) {
      errors.push(userError(ReservationErrorCode.INVALID, `The quantity must be a whole number from 1 to ${MAX_RESERVE_QUANTITY}.`, [...at, 'quantity']));
    }
    if (variantId) lines.push({ line: index, variantId, quantity: line.quantity });
  });
  const seconds = input.expiresInSeconds ?? DEFAULT_RESERVATION_SECONDS;
  if (!Number.isInteger(seconds) || seconds < MIN_RESERVATION_SECONDS || seconds > MAX_RESERVATION_SECONDS) {
    errors.push(
      userError(
        ReservationErrorCode.INVALID,
        `The expiry must be from ${MIN_RESERVATION_SECONDS} to ${MAX_RESERVATION_SECONDS} seconds.`,
        ['input', 'expiresInSeconds'],
      ),
    );
  }
  let locationId: string | null = null;
  if (input.locationId !== undefined && input.locationId !== null) {
    locationId = tryParseGlobalId(input.locationId, 'Location');
    if (!locationId) errors.push(userError(ReservationErrorCode.INVALID, 'Not a Location id.', ['input', 'locationId']));
  }
  assertNoInputErrors(errors);
  return { orderId: orderId!, lines, expiresInSeconds: seconds, locationId };
}

/** Every short line at once, so the caller can tell the buyer about all of them in one round trip. */
export function insufficientStock(shortages: readonly { line: number; available: number }[]): InputErrors {
  return new InputErrors(
    shortages.map(
      ({ line, available }): ReservationUserError => ({
        ...userError(
          ReservationErrorCode.INSUFFICIENT_STOCK,
          available > 0 ? `Only ${available} available.` : 'Out of stock.',
          ['input', 'lines', String(line), 'quantity'],
        ),
        quantityAvailable: available,
      }),
    ),
  );
}
