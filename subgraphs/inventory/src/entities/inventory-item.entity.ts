import { defineEntity, p } from '@mikro-orm/postgresql';

/**
 * A variant inventory knows of. The variant itself lives in the products subgraph; this row is keyed by
 * its uuid only (no foreign key across domains), and stock levels hang off it.
 */
const InventoryItemSchema = defineEntity({
  name: 'InventoryItem',
  tableName: 'inventory_item',
  properties: {
    variantId: p.uuid().primary(),
    tracked: p.boolean(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class InventoryItem extends InventoryItemSchema.class {}
InventoryItemSchema.setClass(InventoryItem);
