import { defineEntity, p } from '@mikro-orm/postgresql';

/**
 * A destination a zone covers: a whole country (`provinceCode` null) or one region of it. A destination
 * belongs to at most one zone (unique across zones), and a region's own entry beats its country's.
 */
const ShippingZoneRegionSchema = defineEntity({
  name: 'ShippingZoneRegion',
  tableName: 'shipping_zone_region',
  properties: {
    id: p.uuid().primary(),
    zoneId: p.uuid(),
    /** ISO 3166-1 alpha-2, upper case. */
    countryCode: p.string().length(2),
    /** Region code within the country (upper case), or null for the whole country. */
    provinceCode: p.text().nullable(),
  },
});

export class ShippingZoneRegion extends ShippingZoneRegionSchema.class {}
ShippingZoneRegionSchema.setClass(ShippingZoneRegion);
