import { defineEntity, p } from '@mikro-orm/postgresql';

/** One use of a discount by a paid order (written by the `orders.order.paid` subscriber); usage limits count these. */
const DiscountRedemptionSchema = defineEntity({
  name: 'DiscountRedemption',
  tableName: 'discount_redemption',
  properties: {
    id: p.uuid().primary(),
    discountId: p.uuid(),
    orderId: p.uuid(),
    cartId: p.uuid().nullable(),
    customerId: p.uuid().nullable(),
    email: p.text().nullable(),
    amountMinor: p.integer(),
    currencyCode: p.string().length(3),
    redeemedAt: p.datetime(3).onCreate(() => new Date()),
  },
});

export class DiscountRedemption extends DiscountRedemptionSchema.class {}
DiscountRedemptionSchema.setClass(DiscountRedemption);
