import { allow, defineSubgraph } from '#kit';
import { migrations } from '../migrations/index.ts';
import { InventoryItem } from './entities/inventory-item.entity.ts';
import { Location } from './entities/location.entity.ts';
import { StockLevel } from './entities/stock-level.entity.ts';
import { StockMovement } from './entities/stock-movement.entity.ts';
import { StockReservation } from './entities/stock-reservation.entity.ts';
import { createLoaders, type InventoryLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { seedInventory } from './seed.ts';
import { expireReservations } from './services/reservation-expiry.service.ts';
import { onOrderCancelled, onOrderPaid, onReturnReceived } from './subscribers/order-events.ts';
import { onVariantsCreated } from './subscribers/variants-created.ts';

/** Stock per variant per location, the stock ledger, the availability fields of ProductVariant, and stock reserved for orders. */
export const inventory = defineSubgraph<InventoryLoaders>({
  name: 'inventory',
  port: 4002,
  schemaPath: new URL('../schema.graphql', import.meta.url),
  entities: [Location, InventoryItem, StockLevel, StockMovement, StockReservation],
  migrations,
  createLoaders,
  resolvers,
  // Reservations are the orders service's alone (checkout, payment, cancellation); never people's.
  permissions: {
    Query: { locations: allow.anyone, location: allow.anyone, stockMovements: allow.staff, stockAtLocation: allow.services('cart') },
    Mutation: {
      inventoryAdjustQuantity: allow.staff,
      inventoryReserve: allow.services('orders'),
      inventoryCommit: allow.services('orders'),
      inventoryRelease: allow.services('orders'),
    },
  },
  subscribers: {
    'products.variants.created': onVariantsCreated,
    'orders.order.paid': onOrderPaid,
    'orders.order.cancelled': onOrderCancelled,
    'orders.return.received': onReturnReceived,
  },
  workers: {
    'expire-reservations': { cron: '* * * * *', run: async (ctx) => void (await expireReservations(ctx)) },
  },
  seed: (ctx) => seedInventory(ctx),
  codegen: {
    contextType: '../context.ts#InventoryContext',
    mappers: {
      ProductVariant: '../variant-ref.ts#VariantRef',
      Location: '../entities/location.entity.ts#Location',
      StockLevel: '../entities/stock-level.entity.ts#StockLevel',
      StockMovement: '../entities/stock-movement.entity.ts#StockMovement',
      StockReservation: '../entities/stock-reservation.entity.ts#StockReservation',
    },
  },
});
