import DataLoader from 'dataloader';
import type { LoaderScope } from '#kit';
import { Location } from './entities/location.entity.ts';
import { availableAtLocationLoader } from './services/location-stock.service.ts';
import { availableOnlineByVariant, stockAtOpenLocations, type StockAtLocation } from './services/stock-rows.ts';

export interface InventoryLoaders {
  /**
   * A variant's stock at each open location, by location name then id; quantities, availability and POS
   * views share it. Loading it also primes `locationById` with those locations.
   */
  stockByVariantId: DataLoader<string, StockAtLocation[]>;
  /**
   * Units sellable online by variant id, summed by the database: what a listing's `quantityAvailable` and
   * `availableForSale` need, without reading every level. A request that also asks `stockLevels` takes one
   * statement more, still one per loader however many variants.
   */
  availableOnlineByVariantId: DataLoader<string, number>;
  locationById: DataLoader<string, Location | null>;
  /** Units sellable at one location, by `locationStockKey(location, variant)`: a till cart's stock (location-stock.service.ts). */
  availableAtLocation: DataLoader<string, number>;
}

/** Stock reads go through `read` (bound parameters, no EntityManager); only `locationById` forks one, when it has ids to load. */
export function createLoaders(scope: LoaderScope): InventoryLoaders {
  const { read } = scope;
  const locationById = new DataLoader<string, Location | null>(async (ids) => {
    const rows = await scope.em.find(Location, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return {
    stockByVariantId: new DataLoader(async (variantIds) => {
      const rows = await stockAtOpenLocations(read, variantIds);
      const byVariant = new Map<string, StockAtLocation[]>(variantIds.map((id) => [id, []]));
      for (const row of rows) {
        byVariant.get(row.level.variantId)?.push(row);
        // A stock level's `location` field then costs no statement.
        locationById.prime(row.location.id, row.location);
      }
      // Sorted once per variant here, not at each of the fields that read it.
      for (const stock of byVariant.values()) stock.sort(byLocationName);
      return variantIds.map((id) => byVariant.get(id)!);
    }),
    availableOnlineByVariantId: new DataLoader(async (variantIds) => {
      const available = await availableOnlineByVariant(read, variantIds);
      return variantIds.map((id) => available.get(id) ?? 0);
    }),
    locationById,
    availableAtLocation: availableAtLocationLoader(read),
  };
}

function byLocationName(a: StockAtLocation, b: StockAtLocation): number {
  return compareText(a.location.name, b.location.name) || compareText(a.location.id, b.location.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
