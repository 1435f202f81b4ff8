import { defineEntity, p } from '@mikro-orm/postgresql';
import { PRODUCT_STATUSES } from './cart-line.entity.ts';

/**
 * What products said about a variant when it last emitted an event for it, kept only for variants in
 * some open cart: warnings compare each line's snapshot with it, so reading a cart never calls products.
 */
const VariantStateSchema = defineEntity({
  name: 'VariantState',
  tableName: 'variant_state',
  properties: {
    variantId: p.uuid().primary(),
    productId: p.uuid(),
    priceMinor: p.integer(),
    currencyCode: p.string().length(3),
    productStatus: p.enum(PRODUCT_STATUSES),
    observedAt: p.datetime(3),
  },
});

export class VariantState extends VariantStateSchema.class {}
VariantStateSchema.setClass(VariantState);
