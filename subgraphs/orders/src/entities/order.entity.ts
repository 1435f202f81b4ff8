import { defineEntity, p } from '@mikro-orm/postgresql';
import type { AddressFields } from '#kit';
import { ORDER_STATUSES } from '../services/order-state-machine.ts';

/** The cart's shipping address, as it was at checkout (validated by the cart with the kit's rules). */
export type OrderAddress = AddressFields;

/** Where an order was sold: the storefront (paid through Stripe) or a store's till (point of sale). */
export const ORDER_CHANNELS = ['ONLINE', 'POS'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];
/** How it was paid: its PaymentIntent (online), or at the till in cash or by a card present (simulated). */
export const PAYMENT_METHODS = ['STRIPE', 'CASH', 'CARD_PRESENT'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** An order: who placed it, its status, its totals snapshotted from the cart, and its payment. */
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
    /** Null exactly for a point-of-sale order (paid at the till). */
    stripePaymentIntentId: p.text().nullable(),
    channel: p.enum(ORDER_CHANNELS),
    paymentMethod: p.enum(PAYMENT_METHODS),
    /** Cash handed over at the till (CASH only); the change was this minus the total. */
    tenderedMinor: p.integer().nullable(),
    /** The store (an inventory Location uuid) where the order was handed over: a POS sale's, or an online order's pickup. */
    locationId: p.uuid().nullable(),
    handedOverAt: p.datetime(3).nullable(),
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
