import { allow, defineSubgraph } from '#kit';
import { migrations } from '../migrations/index.ts';
import { InventoryItem } from './entities/inventory-item.entity.ts';
import { Location } from './entities/location.entity.ts';
import { StockLevel } from './entities/stock-level.entity.ts';
import { StockMovement } from './entities/stock-movement.entity.ts';
import { createLoaders, type InventoryLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { seedInventory } from './seed.ts';
import { onVariantsCreated } from './subscribers/variants-created.ts';

/** Stock per variant per location, the stock ledger, and the availability fields of ProductVariant. */
export const inventory = defineSubgraph<InventoryLoaders>({
  name: 'inventory',
  port: 4002,
  schemaPath: new URL('../schema.graphql', import.meta.url),
  entities: [Location, InventoryItem, StockLevel, StockMovement],
  migrations,
  createLoaders,
  resolvers,
  permissions: {
    Query: { locations: allow.anyone, location: allow.anyone, stockMovements: allow.staff },
    Mutation: { inventoryAdjustQuantity: allow.staff },
  },
  subscribers: { 'products.variants.created': onVariantsCreated },
  seed: (ctx) => seedInventory(ctx),
  codegen: {
    contextType: '../context.ts#InventoryContext',
    mappers: {
      ProductVariant: '../variant-ref.ts#VariantRef',
      Location: '../entities/location.entity.ts#Location',
      StockLevel: '../entities/stock-level.entity.ts#StockLevel',
      StockMovement: '../entities/stock-movement.entity.ts#StockMovement',
    },
  },
});
