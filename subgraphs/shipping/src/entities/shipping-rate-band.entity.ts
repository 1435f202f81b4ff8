import { defineEntity, p } from '@mikro-orm/postgresql';

/**
 * A weight band of a WEIGHT_BANDS rate, priced in the rate's currency. A parcel pays the price of the
 * lightest band whose `maxWeightGrams` it does not exceed. A composite foreign key to (rate, kind) keeps
 * bands off rates of other kinds.
 */
const ShippingRateBandSchema = defineEntity({
  name: 'ShippingRateBand',
  tableName: 'shipping_rate_band',
  properties: {
    id: p.uuid().primary(),
    rateId: p.uuid(),
    maxWeightGrams: p.integer(),
    priceMinor: p.integer(),
  },
});

export class ShippingRateBand extends ShippingRateBandSchema.class {}
ShippingRateBandSchema.setClass(ShippingRateBand);
