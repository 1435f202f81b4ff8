import type { RequestContext } from '#kit';
import type { OrderLine } from '../entities/order-line.entity.ts';
import type { Order } from '../entities/order.entity.ts';

/** The events orders emits; payloads in subgraphs/orders/README.md. */
export const OrderEvent = {
  PLACED: 'orders.order.placed',
  PAID: 'orders.order.paid',
  CANCELLED: 'orders.order.cancelled',
  REFUNDED: 'orders.order.refunded',
  RETURN_RECEIVED: 'orders.return.received',
  /** A checkout that detached its cart failed before its order existed, and cart could not be told at once. */
  CHECKOUT_ABANDONED: 'orders.checkout.abandoned',
} as const;

type OrderFields = Pick<
  Order,
  'id' | 'number' | 'cartId' | 'customerId' | 'email' | 'currencyCode' | 'subtotalMinor' | 'discountsMinor' | 'shippingMinor' | 'taxMinor' | 'totalMinor' | 'shippingAddress'
>;
type LineFields = Pick<OrderLine, 'id' | 'variantId' | 'title' | 'quantity' | 'unitPriceMinor' | 'totalMinor'>;

/** `OrderSummary`: what consumers of placed and paid need, so none of them has to call back. */
export function orderSummary(order: OrderFields, lines: readonly LineFields[]) {
  return {
    orderId: order.id,
    number: order.number,
    cartId: order.cartId,
    customerId: order.customerId ?? null,
    email: order.email ?? null,
    currencyCode: order.currencyCode,
    totals: {
      subtotalMinor: order.subtotalMinor,
      discountsMinor: order.discountsMinor,
      shippingMinor: order.shippingMinor,
      taxMinor: order.taxMinor,
      totalMinor: order.totalMinor,
    },
    lines: lines.map((line) => ({
      orderLineId: line.id,
      variantId: line.variantId,
      title: line.title,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      totalMinor: line.totalMinor,
    })),
    shippingAddress: order.shippingAddress ?? null,
  };
}

/** An order's row and lines read inside a transaction (fresh, not from the request's loaders). */
export async function readOrderWithLines(tx: RequestContext<unknown>, orderId: string): Promise<{ order: OrderFields; lines: LineFields[] }> {
  const [row] = await tx.em.execute<Record<string, any>[]>(
    `select id, number, cart_id, customer_id, email, currency_code, subtotal_minor, discounts_minor, shipping_minor, tax_minor,
            total_minor, shipping_address from customer_order where id = ?`,
    [orderId],
  );
  if (!row) throw new Error(`order ${orderId} not found`);
  const lines = await tx.em.execute<Record<string, any>[]>(
    'select id, variant_id, title, quantity, unit_price_minor, total_minor from order_line where order_id = ? order by position',
    [orderId],
  );
  return {
    order: {
      id: row.id,
      number: row.number,
      cartId: row.cart_id,
      customerId: row.customer_id,
      email: row.email,
      currencyCode: row.currency_code,
      subtotalMinor: row.subtotal_minor,
      discountsMinor: row.discounts_minor,
      shippingMinor: row.shipping_minor,
      taxMinor: row.tax_minor,
      totalMinor: row.total_minor,
      shippingAddress: row.shipping_address,
    },
    lines: lines.map((line) => ({
      id: line.id,
      variantId: line.variant_id,
      title: line.title,
      quantity: line.quantity,
      unitPriceMinor: line.unit_price_minor,
      totalMinor: line.total_minor,
    })),
  };
}
