import { defineEntity, p } from '@mikro-orm/postgresql';

/** A named set of destinations (its regions) sharing the same rates, e.g. "United States". */
const ShippingZoneSchema = defineEntity({
  name: 'ShippingZone',
  tableName: 'shipping_zone',
  properties: {
    id: p.uuid().primary(),
    name: p.text().unique(),
    createdAt: p.datetime(3).onCreate(() => new Date()),
  },
});

export class ShippingZone extends ShippingZoneSchema.class {}
ShippingZoneSchema.setClass(ShippingZone);
