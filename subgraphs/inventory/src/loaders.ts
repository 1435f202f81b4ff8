import DataLoader from 'dataloader';
import type { LoaderScope } from '#kit';
import { Location } from './entities/location.entity.ts';
import { StockLevel } from './entities/stock-level.entity.ts';

export interface InventoryLoaders {
  /** Every stock level of a variant, at any location; quantities, availability and POS views share it. */
  stockLevelsByVariantId: DataLoader<string, StockLevel[]>;
  locationById: DataLoader<string, Location | null>;
}

export function createLoaders({ em }: LoaderScope): InventoryLoaders {
  return {
    stockLevelsByVariantId: new DataLoader(async (variantIds) => {
      const rows = await em.find(StockLevel, { variantId: { $in: [...variantIds] } });
      const byVariant = new Map<string, StockLevel[]>(variantIds.map((id) => [id, []]));
      for (const row of rows) byVariant.get(row.variantId)?.push(row);
      return variantIds.map((id) => byVariant.get(id) ?? []);
    }),
    locationById: new DataLoader(async (ids) => {
      const rows = await em.find(Location, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
