import type { Location } from '../entities/location.entity.ts';
import type { StockLevel } from '../entities/stock-level.entity.ts';
import type { InventoryLoaders } from '../loaders.ts';

export interface StockAtLocation {
  level: StockLevel;
  location: Location;
}

/** Units of a stock level that can still be promised to a buyer. */
export function availableUnits(level: Pick<StockLevel, 'onHand' | 'reserved'>): number {
  return level.onHand - level.reserved;
}

/** What can be sold online: only stock at open locations that ship online orders counts. */
export function quantityAvailableOnline(stock: readonly StockAtLocation[]): number {
  let total = 0;
  for (const { level, location } of stock) {
    if (location.active && location.fulfillsOnlineOrders) total += availableUnits(level);
  }
  return total;
}

/**
 * A variant's stock at each open location, by location name. Two batched loads (levels, then their
 * locations) however many variants a request asks about.
 */
export async function stockAtActiveLocations(loaders: InventoryLoaders, variantId: string): Promise<StockAtLocation[]> {
  const levels = await loaders.stockLevelsByVariantId.load(variantId);
  if (levels.length === 0) return [];
  const locations = await loaders.locationById.loadMany(levels.map((level) => level.locationId));
  const stock: StockAtLocation[] = [];
  levels.forEach((level, i) => {
    const location = locations[i];
    if (location instanceof Error) throw location;
    if (location?.active) stock.push({ level, location });
  });
  return stock.sort(
    (a, b) => compareText(a.location.name, b.location.name) || compareText(a.location.id, b.location.id),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
