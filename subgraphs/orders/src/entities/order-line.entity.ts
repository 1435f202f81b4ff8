import { defineEntity, p } from '@mikro-orm/postgresql';

/** One variant of an order, with the title and price it was sold at. */
const OrderLineSchema = defineEntity({
  name: 'OrderLine',
  tableName: 'order_line',
  properties: {
    id: p.uuid().primary(),
    orderId: p.uuid(),
    position: p.integer(),
    variantId: p.uuid(),
    title: p.text(),
    quantity: p.integer(),
    unitPriceMinor: p.integer(),
    totalMinor: p.integer(),
    shippedQuantity: p.integer(),
    returnedQuantity: p.integer(),
  },
});

export class OrderLine extends OrderLineSchema.class {}
OrderLineSchema.setClass(OrderLine);
