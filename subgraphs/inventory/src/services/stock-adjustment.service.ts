import { DomainError, tryParseGlobalId, type RequestContext } from '#kit';
import { StockLevel } from '../entities/stock-level.entity.ts';
import type { AdjustmentReason } from '../entities/stock-movement.entity.ts';
import { StockEvent } from './stock-reservation.service.ts';

/** Larger single changes are almost certainly typos (an extra zero or three), not deliveries. */
export const MAX_ADJUSTMENT = 1_000_000;
/** Matches the `stock_level_on_hand_bounded` constraint. */
export const MAX_ON_HAND = 1_000_000_000;
export const MAX_NOTE_LENGTH = 500;

export interface AdjustQuantityInput {
  variantId: string;
  locationId: string;
  delta: number;
  reason: AdjustmentReason;
  note?: string | null;
}

export const AdjustmentErrorCode = {
  INVALID: 'INVALID',
  NOT_FOUND: 'NOT_FOUND',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
} as const;

/**
 * Changes a variant's on-hand stock at one location by `delta` and records it in the ledger, in one
 * transaction. The change itself is a single conditional statement, so concurrent adjustments serialise
 * on the row and none is lost, and stock can never drop below zero or below what is reserved. Who may
 * adjust is the permission table's business (staff); the ledger records who did.
 */
export async function adjustQuantity(ctx: RequestContext, input: AdjustQuantityInput): Promise<StockLevel> {
  const variantId = tryParseGlobalId(input.variantId, 'ProductVariant');
  if (!variantId) {
    throw new DomainError(AdjustmentErrorCode.INVALID, 'Not a ProductVariant id.', ['input', 'variantId']);
  }
  const locationId = tryParseGlobalId(input.locationId, 'Location');
  if (!locationId) {
    throw new DomainError(AdjustmentErrorCode.INVALID, 'Not a Location id.', ['input', 'locationId']);
  }
  const { delta } = input;
  if (!Number.isInteger(delta) || delta === 0 || Math.abs(delta) > MAX_ADJUSTMENT) {
    throw new DomainError(
      AdjustmentErrorCode.INVALID,
      `The change must be a non-zero whole number of at most ${MAX_ADJUSTMENT} units either way.`,
      ['input', 'delta'],
    );
  }
  const note = input.note?.trim() || null;
  if (note !== null && note.length > MAX_NOTE_LENGTH) {
    throw new DomainError(AdjustmentErrorCode.INVALID, `The note must be at most ${MAX_NOTE_LENGTH} characters.`, ['input', 'note']);
  }
  return ctx.transaction(async ({ em: tx, emit }) => {
    const [known] = await tx.execute<{ location_active: boolean | null; item_known: boolean }[]>(
      `select (select active from location where id = ?) as location_active,
              exists (select 1 from inventory_item where variant_id = ?) as item_known`,
      [locationId, variantId],
    );
    if (!known || known.location_active === null) {
      throw new DomainError(AdjustmentErrorCode.NOT_FOUND, 'No such location.', ['input', 'locationId']);
    }
    if (!known.location_active) {
      throw new DomainError(AdjustmentErrorCode.INVALID, 'The location is closed.', ['input', 'locationId']);
    }
    if (!known.item_known) {
      throw new DomainError(AdjustmentErrorCode.NOT_FOUND, 'Inventory does not know this variant.', ['input', 'variantId']);
    }

    const [row] =
      delta > 0
        ? // A location may not hold the variant yet: receiving creates its stock level.
          await tx.execute<Record<string, unknown>[]>(
            `insert into stock_level as stock_level (variant_id, location_id, on_hand, reserved) values (?, ?, ?, 0)
             on conflict (variant_id, location_id) do update
               set on_hand = stock_level.on_hand + excluded.on_hand, updated_at = now()
               where stock_level.on_hand + excluded.on_hand <= ?
             returning *`,
            [variantId, locationId, delta, MAX_ON_HAND],
          )
        : await tx.execute<Record<string, unknown>[]>(
            `update stock_level set on_hand = on_hand + ?, updated_at = now()
             where variant_id = ? and location_id = ? and on_hand + ? >= reserved
             returning *`,
            [delta, variantId, locationId, delta],
          );
    if (!row) {
      throw delta > 0
        ? new DomainError(AdjustmentErrorCode.INVALID, `Stock at a location cannot exceed ${MAX_ON_HAND} units.`, ['input', 'delta'])
        : new DomainError(
            AdjustmentErrorCode.INSUFFICIENT_STOCK,
            'Not enough stock: the result would be negative or below the units reserved for orders.',
            ['input', 'delta'],
          );
    }
    const level = tx.map(StockLevel, row);
    await tx.execute(
      `insert into stock_movement (variant_id, location_id, delta, reason, note, actor_customer_id, on_hand_after)
       values (?, ?, ?, ?, ?, ?, ?)`,
      [variantId, locationId, delta, input.reason, note, ctx.viewer.customerId, level.onHand],
    );
    // What the storefront may show changed: caches of this variant's stock (the gateway's) learn of it.
    await emit(StockEvent.ADJUSTED, { reason: input.reason, lines: [{ variantId, locationId, delta, onHandAfter: level.onHand }] });
    return level;
  });
}
