import { defineEntity, p } from '@mikro-orm/postgresql';
import type { AddressFields } from '#kit';
import { ORDER_STATUSES } from '../services/order-state-machine.ts';

/** The cart's shipping address, as it was at checkout (validated by the cart with the kit's rules). */
export type OrderAddress = AddressFields;

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
    shippingAddress: p.json<OrderAddress>().nullable(),
    /** What the payment captured; zero until paid. */
    capturedMinor: p.integer(),
    /** Refunds succeeded or in flight; never above capturedMinor. */
    refundedMinor: p.integer(),
    /** A HIGH risk assessment holds the order: it cannot ship until staff approve it. */
    held: p.boolean(),
    createdAt: p.datetime(3),
    updatedAt: p.datetime(3),
  },
});

export class Order extends OrderSchema.class {}
OrderSchema.setClass(Order);
