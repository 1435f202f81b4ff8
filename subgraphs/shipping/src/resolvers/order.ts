import { toGlobalId, tryParseGlobalId } from '#kit';
import type { OrderResolvers } from '../generated/resolvers-types.ts';

/**
 * `Order.shipments`. No check here: the gateway asks for an order's shipments only once the orders
 * subgraph has resolved the Order for the viewer (its owner or staff), so whoever sees the order sees
 * them. Every order of a request loads its shipments in one statement.
 */
export const Order: OrderResolvers = {
  __resolveReference: (ref) => {
    const orderId = tryParseGlobalId(ref.id, 'Order');
    return orderId ? { orderId } : null;
  },
  id: (order) => toGlobalId('Order', order.orderId),
  shipments: (order, _args, ctx) => ctx.loaders.shipmentsByOrderId.load(order.orderId),
};
