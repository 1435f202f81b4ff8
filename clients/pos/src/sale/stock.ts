/**
 * Stock as the clerk needs it: units free at this store (what can be sold over the counter now) and at
 * the warehouses (what could be ordered in for the shopper). `available` is on hand less what is reserved.
 */
import type { Terminal } from '../session.ts';

export interface StockLevelLike {
  location: { id: string };
  available: number;
}

export interface ItemStock {
  /** Null when the store holds no stock record for the item. */
  store: number | null;
  warehouse: number | null;
  /** The API could not read stock just now (inventory unavailable): the item can still be rung up. */
  unknown?: boolean;
}

export function stockAt(levels: readonly StockLevelLike[] | null, terminal: Terminal): ItemStock {
  if (!levels) return { store: null, warehouse: null, unknown: true };
  const store = levels.find((level) => level.location.id === terminal.store.id)?.available ?? null;
  const warehouseIds = new Set(terminal.warehouses.map((warehouse) => warehouse.id));
  const inWarehouses = levels.filter((level) => warehouseIds.has(level.location.id));
  const warehouse = inWarehouses.length === 0 ? null : inWarehouses.reduce((sum, level) => sum + level.available, 0);
  return { store, warehouse };
}
