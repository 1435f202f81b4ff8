import { defineEntity, p } from '@mikro-orm/postgresql';

/** How a rate is priced; the schema's ShippingRateKind. */
export const SHIPPING_RATE_KINDS = ['FLAT', 'WEIGHT_BANDS', 'FREE_OVER'] as const;
export type ShippingRateKind = (typeof SHIPPING_RATE_KINDS)[number];

/** The carrier implementation that prices a rate (carriers/); `carrier` is only the name shoppers see. */
export const CARRIER_CODES = ['manual', 'table'] as const;
export type CarrierCode = (typeof CARRIER_CODES)[number];

/**
 * One shipping option of a zone, in one currency. Its kind says which price column applies: a FLAT rate
 * has `priceMinor`, a FREE_OVER rate `minimumSubtotalMinor`, a WEIGHT_BANDS rate its bands (CHECK
 * constraints hold the shape). Its id is the id of the ShippingOption it prices.
 */
const ShippingRateSchema = defineEntity({
  name: 'ShippingRate',
  tableName: 'shipping_rate',
  properties: {
    id: p.uuid().primary(),
    zoneId: p.uuid(),
    title: p.text(),
    /** Who carries it, as shoppers see it ("USPS", "Manual"). */
    carrier: p.text(),
    carrierCode: p.enum(CARRIER_CODES),
    kind: p.enum(SHIPPING_RATE_KINDS),
    currencyCode: p.string().length(3),
    /** FLAT only, in minor units. */
    priceMinor: p.integer().nullable(),
    /** FREE_OVER only: the subtotal after discounts, in minor units, from which it is offered. */
    minimumSubtotalMinor: p.integer().nullable(),
    estimatedDays: p.integer().nullable(),
    createdAt: p.datetime(3).onCreate(() => new Date()),
  },
});

export class ShippingRate extends ShippingRateSchema.class {}
ShippingRateSchema.setClass(ShippingRate);
