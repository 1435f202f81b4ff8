import { defineEntity, p } from '@mikro-orm/postgresql';

/** Why staff may change stock by hand. */
export const ADJUSTMENT_REASONS = ['RECEIVED', 'CORRECTION', 'DAMAGED', 'SHRINKAGE', 'RETURN_RESTOCK', 'CYCLE_COUNT'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];
/**
 * Every reason a movement can have: staff adjustments; and, never by hand, a paid order's sale (`SALE`)
 * and sold units coming back for that order, a paid order cancelled (`CANCELLATION`) or a received return
 * (`RETURN`).
 */
export const STOCK_MOVEMENT_REASONS = [...ADJUSTMENT_REASONS, 'SALE', 'CANCELLATION', 'RETURN'] as const;
/** The reasons that put an order's sold units back, each naming the sale (reservation) it reverses. */
export const RESTOCK_REASONS = ['CANCELLATION', 'RETURN'] as const;
export type RestockReason = (typeof RESTOCK_REASONS)[number];
export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number];

/**
 * The append-only ledger of every change to on-hand stock: the sum of a stock level's deltas is its
 * on-hand quantity. Rows are written in the same transaction as the change; a trigger refuses edits.
 */
const StockMovementSchema = defineEntity({
  name: 'StockMovement',
  tableName: 'stock_movement',
  properties: {
    id: p.uuid().primary(),
    /** Insertion order: timestamps tie inside one transaction and lose microseconds in JavaScript. */
    seq: p.bigint('number'),
    variantId: p.uuid(),
    locationId: p.uuid(),
    delta: p.integer(),
    reason: p.enum(STOCK_MOVEMENT_REASONS),
    note: p.text().nullable(),
    /** The customer account (staff member) who made the change; null for system changes. */
    actorCustomerId: p.uuid().nullable(),
    /**
     * The reservation a SALE settles (one SALE each, by a unique index), or the sale a CANCELLATION or
     * RETURN puts back (same variant and location); null for staff adjustments.
     */
    reservationId: p.uuid().nullable(),
    /** The orders subgraph's return a RETURN movement restocks; null for every other reason. */
    returnId: p.uuid().nullable(),
    onHandAfter: p.integer(),
    createdAt: p.datetime(),
  },
});

export class StockMovement extends StockMovementSchema.class {}
StockMovementSchema.setClass(StockMovement);
