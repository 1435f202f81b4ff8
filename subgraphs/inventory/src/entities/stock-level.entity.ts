import { defineEntity, p } from '@mikro-orm/postgresql';

/**
 * How many units of one variant one location holds. `reserved` units are promised to unpaid orders and
 * cannot be sold again; `on_hand - reserved` is what is available. The database refuses negative stock
 * and reservations above stock (CHECK constraints), whatever the code does.
 */
const StockLevelSchema = defineEntity({
  name: 'StockLevel',
  tableName: 'stock_level',
  properties: {
    id: p.uuid().primary(),
    variantId: p.uuid(),
    locationId: p.uuid(),
    onHand: p.integer(),
    reserved: p.integer(),
    updatedAt: p.datetime(),
  },
});

export class StockLevel extends StockLevelSchema.class {}
StockLevelSchema.setClass(StockLevel);
