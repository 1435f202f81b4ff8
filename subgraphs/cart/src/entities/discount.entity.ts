import { defineEntity, p } from '@mikro-orm/postgresql';

export const DISCOUNT_KINDS = ['PERCENTAGE', 'FIXED_AMOUNT'] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];

/**
 * An order discount: with a `code` the shopper enters it, without one it applies by itself (automatic).
 * Percentages are basis points (1000 = 10%); amounts and minimums are minor units of `currencyCode`.
 * Usage limits count `discount_redemption` rows, written when an order using the discount is paid.
 */
const DiscountSchema = defineEntity({
  name: 'Discount',
  tableName: 'discount',
  properties: {
    id: p.uuid().primary(),
    code: p.text().nullable(),
    title: p.text(),
    kind: p.enum(DISCOUNT_KINDS),
    percentageBp: p.integer().nullable(),
    amountMinor: p.integer().nullable(),
    currencyCode: p.string().length(3).nullable(),
    minimumSubtotalMinor: p.integer().nullable(),
    startsAt: p.datetime(3),
    endsAt: p.datetime(3).nullable(),
    usageLimit: p.integer().nullable(),
    usageLimitPerCustomer: p.integer().nullable(),
    active: p.boolean(),
    createdAt: p.datetime(3).onCreate(() => new Date()),
  },
});

export class Discount extends DiscountSchema.class {}
DiscountSchema.setClass(Discount);
