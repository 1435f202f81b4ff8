import { defineEntity, p } from '@mikro-orm/postgresql';

/** A code entered on a cart, known or not (unknown codes are kept and reported, as Shopify does). */
const CartDiscountCodeSchema = defineEntity({
  name: 'CartDiscountCode',
  tableName: 'cart_discount_code',
  properties: {
    cartId: p.uuid().primary(),
    code: p.text().primary(),
    position: p.smallint(),
  },
});

export class CartDiscountCode extends CartDiscountCodeSchema.class {}
CartDiscountCodeSchema.setClass(CartDiscountCode);
