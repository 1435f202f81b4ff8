import { defineEntity, p } from '@mikro-orm/postgresql';

export const RESERVATION_STATUSES = ['RESERVED', 'COMMITTED', 'RELEASED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export const RELEASE_REASONS = ['CANCELLED', 'PAYMENT_FAILED', 'EXPIRED'] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

/**
 * Units of one stock level held for one order. RESERVED counts in `stock_level.reserved` until it becomes
 * COMMITTED (sold: on hand drops, a SALE movement records it) or RELEASED (back to available). Both are
 * final; a trigger refuses any other change, and deleting a reservation that still holds stock.
 */
const StockReservationSchema = defineEntity({
  name: 'StockReservation',
  tableName: 'stock_reservation',
  properties: {
    id: p.uuid().primary(),
    /** The orders subgraph's order uuid; inventory never reads orders, so there is no foreign key. */
    orderId: p.uuid(),
    variantId: p.uuid(),
    locationId: p.uuid(),
    quantity: p.integer(),
    status: p.enum(RESERVATION_STATUSES),
    releaseReason: p.enum(RELEASE_REASONS).nullable(),
    expiresAt: p.datetime(),
    /** Of a COMMITTED (sold) reservation, units put back since (cancellation, returns); never above `quantity`. */
    restockedQuantity: p.integer(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export class StockReservation extends StockReservationSchema.class {}
StockReservationSchema.setClass(StockReservation);
