import type { FilterQuery } from '@mikro-orm/postgresql';
import {
  ClientErrorCode,
  clientError,
  decodeCursor,
  parseGlobalId,
  readPageSize,
  toConnection,
  type Connection,
  type RequestContext,
} from '#kit';
import { StockMovement } from '../entities/stock-movement.entity.ts';

export interface ListStockMovementsArgs {
  variantId: string;
  locationId?: string | null;
  first?: number | null;
  after?: string | null;
}

/**
 * A variant's ledger, newest first. Staff only (the permission table): movement notes and who made them
 * are internal, and stock history tells competitors how a product sells.
 */
export async function listStockMovements(ctx: RequestContext, args: ListStockMovementsArgs): Promise<Connection<StockMovement>> {
  const variantId = parseGlobalId(args.variantId, 'ProductVariant', ['variantId']);
  const locationId = args.locationId ? parseGlobalId(args.locationId, 'Location', ['locationId']) : null;
  const limit = readPageSize(args.first);

  const where: FilterQuery<StockMovement> = { variantId };
  if (locationId) where.locationId = locationId;
  if (args.after) {
    const [seq] = decodeCursor(args.after, 1);
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq)) {
      throw clientError(ClientErrorCode.BAD_USER_INPUT, '`after` is not a valid cursor.', ['after']);
    }
    where.seq = { $lt: seq };
  }
  const rows = await ctx.em.find(StockMovement, where, { orderBy: { seq: 'desc' }, limit: limit + 1 });
  return toConnection(rows, limit, (row) => [row.seq], Boolean(args.after));
}
