import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  ClientErrorCode,
  clientError,
  decodeCursor,
  parseGlobalId,
  readPageSize,
  toConnection,
  type Connection,
  type Viewer,
} from '#kit';
import { StockMovement } from '../entities/stock-movement.entity.ts';

export interface ListStockMovementsArgs {
  variantId: string;
  locationId?: string | null;
  first?: number | null;
  after?: string | null;
}

/**
 * A variant's ledger, newest first. Staff only: movement notes and who made them are internal, and stock
 * history tells competitors how a product sells.
 */
export async function listStockMovements(
  em: EntityManager,
  viewer: Viewer,
  args: ListStockMovementsArgs,
): Promise<Connection<StockMovement>> {
  if (viewer.role !== 'staff') {
    throw clientError(ClientErrorCode.FORBIDDEN, 'Only staff can read the stock ledger.');
  }
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
  const rows = await em.find(StockMovement, where, { orderBy: { seq: 'desc' }, limit: limit + 1 });
  return toConnection(rows, limit, (row) => [row.seq], Boolean(args.after));
}
