import { defineEntity, p } from '@mikro-orm/postgresql';
import { ORDER_STATUSES } from '../services/order-state-machine.ts';

/** An order: who placed it, its status, its totals snapshotted from the cart, and its PaymentIntent. */
const OrderSchema = defineEntity({
  name: 'Order',
  tableName: 'customer_order',
  properties: {
    id: p.uuid().primary(),
    number: p.integer(),
    status: p.enum(ORDER_STATUSES),
    customerId: p.uuid().nullable(),
    cartId: p.uuid(),
    email: p.text().nullable(),
    currencyCode: p.string().length(3),
    subtotalMinor: p.integer(),
    discountsMinor: p.integer(),
    shippingMinor: p.integer(),
    taxMinor: p.integer(),
    totalMinor: p.integer(),
    stripePaymentIntentId: p.text(),
    createdAt: p.datetime(3),
    updatedAt: p.datetime(3),
  },
});

export class Order extends OrderSchema.class {}
OrderSchema.setClass(Order);
