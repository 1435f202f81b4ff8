import type { StockLevel } from '../entities/stock-level.entity.ts';
import type { InventoryLoaders } from '../loaders.ts';
import type { StockAtLocation } from './stock-rows.ts';

export type { StockAtLocation } from './stock-rows.ts';

/** Units of a stock level that can still be promised to a buyer. */
export function availableUnits(level: Pick<StockLevel, 'onHand' | 'reserved'>): number {
  return level.onHand - level.reserved;
}

/**
 * A variant's stock at each open location, by location name. One batched statement (levels joined to
 * their locations) however many variants a request asks about.
 */
export function stockAtActiveLocations(loaders: InventoryLoaders, variantId: string): Promise<StockAtLocation[]> {
  return loaders.stockByVariantId.load(variantId);
}
