import { DateTimeScalar as DateTime, money, mutationPayload, parseGlobalId, toGlobalId, tryParseGlobalId } from '#kit';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { checkoutComplete } from '../services/checkout.service.ts';
import { ordersOf, seesOrdersOf, visibleOrder } from '../services/order-read.service.ts';

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    order: (_root, { id }, ctx) => visibleOrder(ctx, parseGlobalId(id, 'Order')),
  },
  Mutation: {
    checkoutComplete: (_root, { cartId, idempotencyKey }, ctx) =>
      mutationPayload(() => checkoutComplete(ctx, cartId, idempotencyKey), { order: null, paymentIntentClientSecret: null }),
  },
  Order: {
    __resolveReference: async (ref, ctx) => {
      const orderId = tryParseGlobalId(ref.id, 'Order');
      if (!orderId) return null;
      if (ctx.viewer.role === 'service') return ctx.loaders.orderById.load(orderId);
      return visibleOrder(ctx, orderId);
    },
    id: (order) => toGlobalId('Order', order.id),
    lines: (order, _args, ctx) => ctx.loaders.linesByOrderId.load(order.id),
    totals: (order) => ({
      subtotal: money(order.subtotalMinor, order.currencyCode),
      discounts: money(order.discountsMinor, order.currencyCode),
      shipping: money(order.shippingMinor, order.currencyCode),
      tax: money(order.taxMinor, order.currencyCode),
      total: money(order.totalMinor, order.currencyCode),
    }),
    customer: (order) => (order.customerId ? { customerId: order.customerId } : null),
  },
  OrderLine: {
    id: (line) => toGlobalId('OrderLine', line.id),
    merchandise: (line) => ({ id: toGlobalId('ProductVariant', line.variantId) }),
  },
  Customer: {
    __resolveReference: (ref) => {
      const customerId = tryParseGlobalId(ref.id, 'Customer');
      return customerId ? { customerId } : null;
    },
    id: (customer) => toGlobalId('Customer', customer.customerId),
    orders: (customer, { first, after }, ctx) => (seesOrdersOf(ctx.viewer, customer.customerId) ? ordersOf(ctx, customer.customerId, first, after) : null),
  },
};
