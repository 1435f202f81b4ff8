import { ServiceCallError, toGlobalId, tryParseGlobalId } from '#kit';
import type { ShippingContext } from '../context.ts';
import type { OrderSnapshot } from './shipment-statements.ts';

/** An order as orders answers shipping: enough to decide whether it may ship, and what its events say. */
export interface OrderFulfilment extends OrderSnapshot {
  status: string;
  held: boolean;
}

// orders' internal `orderFulfilment` (@inaccessible, allowed to the shipping service only).
const ORDER_FULFILMENT = `query ($orderId: ID!) {
  orderFulfilment(orderId: $orderId) { id number status email held lines { id variantId title quantity } }
}`;

interface Answer {
  orderFulfilment: {
    id: string;
    number: number;
    status: string;
    email: string | null;
    held: boolean;
    lines: { id: string; variantId: string; title: string; quantity: number }[];
  } | null;
}

/** Asks orders about an order; null when it does not exist. Throws ServiceCallError when orders fails or answers nonsense. */
export async function fetchOrderFulfilment(ctx: ShippingContext, orderId: string): Promise<OrderFulfilment | null> {
  const answer = await ctx.services.query<Answer>('orders', ORDER_FULFILMENT, { orderId: toGlobalId('Order', orderId) });
  const order = answer.orderFulfilment;
  if (!order) return null;
  if (tryParseGlobalId(order.id, 'Order') !== orderId) throw badAnswer('answered another order');
  const lines = order.lines.map((line) => {
    const orderLineId = tryParseGlobalId(line.id, 'OrderLine');
    if (!orderLineId) throw badAnswer(`answered a line id that is not an OrderLine id: ${line.id}`);
    return { orderLineId, title: line.title, quantity: line.quantity };
  });
  return { orderId, number: order.number, status: order.status, email: order.email, held: order.held, lines };
}

const badAnswer = (message: string) => new ServiceCallError('orders', 'BAD_RESPONSE', message);
