import { DateTimeScalar as DateTime, money, mutationPayload, parseGlobalId, toGlobalId, tryParseGlobalId } from '#kit';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { checkoutComplete } from '../services/checkout.service.ts';
import { orderFulfilment } from '../services/fulfilment.service.ts';
import { allOrders, ordersOf, seesOrdersOf, visibleOrder, visibleOrderByNumber } from '../services/order-read.service.ts';
import { orderMutations } from './order-mutations.ts';

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    order: (_root, { id }, ctx) => visibleOrder(ctx, parseGlobalId(id, 'Order')),
    orderByNumber: (_root, { number }, ctx) => visibleOrderByNumber(ctx, number),
    orders: (_root, { first, after, status }, ctx) => allOrders(ctx, first, after, status ?? null),
    orderFulfilment: (_root, { orderId }, ctx) => orderFulfilment(ctx, orderId),
  },
  Mutation: {
    checkoutComplete: (_root, { cartId, idempotencyKey }, ctx) =>
      mutationPayload(() => checkoutComplete(ctx, cartId, idempotencyKey), { order: null, paymentIntentClientSecret: null }),
    ...orderMutations,
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
    location: (order) => (order.locationId ? { id: toGlobalId('Location', order.locationId) } : null),
    shippingAddress: (order) => order.shippingAddress ?? null,
    payment: (order) => ({
      method: order.paymentMethod,
      tendered: order.tenderedMinor == null ? null : money(order.tenderedMinor, order.currencyCode),
      changeDue: order.tenderedMinor == null ? null : money(order.tenderedMinor - order.totalMinor, order.currencyCode),
      captured: money(order.capturedMinor, order.currencyCode),
      refunded: money(order.refundedMinor, order.currencyCode),
      refundable: money(order.capturedMinor - order.refundedMinor, order.currencyCode),
    }),
    refunds: (order, _args, ctx) => ctx.loaders.refundsByOrderId.load(order.id),
    returns: (order, _args, ctx) => ctx.loaders.returnsByOrderId.load(order.id),
    risk: async (order, _args, ctx) => {
      const risk = await ctx.loaders.riskByOrderId.load(order.id);
      return risk ? { level: risk.level, recommendation: risk.recommendation, reasons: risk.reasons.map((finding) => finding.reason) } : null;
    },
    held: (order) => order.held,
    history: async (order, _args, ctx) => {
      if (ctx.viewer.role !== 'staff') return null;
      const rows = await ctx.loaders.historyByOrderId.load(order.id);
      return rows.map((row) => ({ from: row.from_status as any, to: row.to_status as any, actor: row.actor, reason: row.reason, at: new Date(row.created_at) }));
    },
  },
  OrderLine: {
    id: (line) => toGlobalId('OrderLine', line.id),
    merchandise: (line) => ({ id: toGlobalId('ProductVariant', line.variantId) }),
    unitPrice: (line, _args, ctx) => lineMoney(ctx, line.orderId, line.unitPriceMinor),
    total: (line, _args, ctx) => lineMoney(ctx, line.orderId, line.totalMinor),
  },
  OrderRefund: {
    id: (refund) => toGlobalId('OrderRefund', refund.id),
    amount: (refund) => money(refund.amount_minor, refund.currency_code),
    createdAt: (refund) => new Date(refund.created_at),
  },
  OrderReturn: {
    id: (ret) => toGlobalId('OrderReturn', ret.id),
    lines: (ret, _args, ctx) => ctx.loaders.returnLinesByReturnId.load(ret.id),
    declineReason: (ret) => ret.decline_reason,
    refund: (ret, _args, ctx) => (ret.refund_id ? ctx.loaders.refundById.load(ret.refund_id) : null),
    createdAt: (ret) => new Date(ret.created_at),
  },
  OrderReturnLine: {
    orderLine: async (line, _args, ctx) => (await ctx.loaders.lineById.load(line.order_line_id))!,
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

/** A line's amount in its order's currency (the order is in the request's loader already). */
async function lineMoney(ctx: { loaders: { orderById: { load(id: string): Promise<{ currencyCode: string } | null> } } }, orderId: string, minor: number) {
  const order = await ctx.loaders.orderById.load(orderId);
  return money(minor, order!.currencyCode);
}


