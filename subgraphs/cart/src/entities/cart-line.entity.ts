import { defineEntity, p } from '@mikro-orm/postgresql';

export const TAX_CLASSES = ['STANDARD', 'REDUCED', 'ZERO'] as const;
export type TaxClass = (typeof TAX_CLASSES)[number];
export const PRODUCT_STATUSES = ['ACTIVE', 'ARCHIVED'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/**
 * One variant in a cart: its id plus what the catalog said about it when the line last changed (price,
 * currency, weight, tax class, status, title). Totals use the snapshot; warnings compare it with what
 * product events reported since.
 */
const CartLineSchema = defineEntity({
  name: 'CartLine',
  tableName: 'cart_line',
  properties: {
    id: p.uuid().primary(),
    /** Insertion order: lines are listed in the order they were added. */
    seq: p.bigint('number'),
    cartId: p.uuid(),
    variantId: p.uuid(),
    productId: p.uuid(),
    quantity: p.integer(),
    unitPriceMinor: p.integer(),
    currencyCode: p.string().length(3),
    weightGrams: p.integer(),
    taxClass: p.enum(TAX_CLASSES),
    productStatus: p.enum(PRODUCT_STATUSES),
    productTitle: p.text(),
    snapshotAt: p.datetime(3),
    createdAt: p.datetime(3),
  },
});

export class CartLine extends CartLineSchema.class {}
CartLineSchema.setClass(CartLine);
