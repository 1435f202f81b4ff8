import type { DomainEvent, RequestContext } from '#kit';
import { NotificationKind, queueNotification } from './outbox.ts';
import { readOrderPaid, readOrderRefunded, readShipmentDelivered, readShipmentShipped, readShipmentTrackingUpdated } from './payloads.ts';
import { renderDelivered, renderOrderConfirmed, renderOutForDelivery, renderRefunded, renderShipped, type RenderedMessage } from './render.ts';

/**
 * One message per event at most, queued in the transaction the kit opens to apply the event (which also
 * records it as applied): the message exists exactly when the event was consumed. The sender runs after
 * that transaction commits.
 */

/** One address, nothing that could add a recipient or a header: a list or a display name is not an address. */
const SINGLE_ADDRESS = /^[^\s@<>,;:"()\\[\]]+@[^\s@<>,;:"()\\[\]]+\.[^\s@<>,;:"()\\[\]]+$/;

interface Draft {
  kind: NotificationKind;
  sourceId: string;
  orderId: string;
  orderNumber: number;
  email: string | null;
  render(): RenderedMessage;
}

async function queue(ctx: RequestContext<unknown>, event: DomainEvent<unknown>, draft: Draft): Promise<void> {
  const fields = { eventId: event.id, type: event.type, kind: draft.kind, orderId: draft.orderId };
  if (draft.email === null) {
    ctx.log.info(fields, 'no email address; no notification');
    return;
  }
  if (draft.email.length > 254 || !SINGLE_ADDRESS.test(draft.email)) {
    ctx.log.warn(fields, 'email address not usable; no notification');
    return;
  }
  const id = await queueNotification(ctx, {
    kind: draft.kind,
    sourceId: draft.sourceId,
    eventId: event.id,
    orderId: draft.orderId,
    orderNumber: draft.orderNumber,
    recipient: draft.email,
    message: draft.render(),
  });
  if (id) ctx.log.info({ ...fields, notificationId: id }, 'notification queued');
  else ctx.log.info(fields, 'notification already queued; skipped');
}

/** `orders.order.paid` → "order confirmed". */
export async function onOrderPaidNotify(ctx: RequestContext<unknown>, event: DomainEvent<unknown>): Promise<void> {
  const order = readOrderPaid(event);
  await queue(ctx, event, {
    kind: NotificationKind.ORDER_CONFIRMED,
    sourceId: order.orderId,
    orderId: order.orderId,
    orderNumber: order.number,
    email: order.email,
    render: () => renderOrderConfirmed(order),
  });
}

/** `orders.order.refunded` → "refunded", one per refund. */
export async function onOrderRefundedNotify(ctx: RequestContext<unknown>, event: DomainEvent<unknown>): Promise<void> {
  const refund = readOrderRefunded(event);
  await queue(ctx, event, {
    kind: NotificationKind.REFUNDED,
    sourceId: refund.refundId,
    orderId: refund.orderId,
    orderNumber: refund.number,
    email: refund.email,
    render: () => renderRefunded(refund),
  });
}

/** `shipping.shipment.shipped` → "shipped", one per shipment. */
export async function onShipmentShippedNotify(ctx: RequestContext<unknown>, event: DomainEvent<unknown>): Promise<void> {
  const shipment = readShipmentShipped(event);
  await queue(ctx, event, {
    kind: NotificationKind.SHIPPED,
    sourceId: shipment.shipmentId,
    orderId: shipment.orderId,
    orderNumber: shipment.orderNumber,
    email: shipment.email,
    render: () => renderShipped(shipment),
  });
}

/** Older than this, "out for delivery today" is no longer true: not sent. */
const OUT_FOR_DELIVERY_FRESH_MS = 24 * 60 * 60 * 1000;

/**
 * `shipping.shipment.tracking_updated` → "out for delivery" when that is the event's status, once per
 * shipment (a carrier reporting it again, or a second delivery attempt, does not mail again). Every other
 * status tells the customer nothing new and is not even read further. The event is sent for every
 * tracking event recorded, late ones included, so an OUT_FOR_DELIVERY arriving after the shipment's
 * "delivered" was queued, or more than a day after it happened, is old news and sends nothing.
 */
export async function onShipmentTrackingUpdatedNotify(ctx: RequestContext<unknown>, event: DomainEvent<unknown>): Promise<void> {
  const status = (event.payload as { status?: unknown } | null)?.status;
  if (status !== 'OUT_FOR_DELIVERY') return;
  const update = readShipmentTrackingUpdated(event);
  const fields = { eventId: event.id, shipmentId: update.shipmentId, occurredAt: update.occurredAt };
  if (Date.now() - Date.parse(update.occurredAt) > OUT_FOR_DELIVERY_FRESH_MS) {
    ctx.log.info(fields, 'out for delivery more than a day ago; no notification');
    return;
  }
  const delivered = await ctx.em.execute(`select 1 from notification where kind = ? and source_id = ?`, [NotificationKind.DELIVERED, update.shipmentId]);
  if (delivered.length > 0) {
    ctx.log.info(fields, 'out for delivery reported after delivery; no notification');
    return;
  }
  await queue(ctx, event, {
    kind: NotificationKind.OUT_FOR_DELIVERY,
    sourceId: update.shipmentId,
    orderId: update.orderId,
    orderNumber: update.orderNumber,
    email: update.email,
    render: () => renderOutForDelivery(update),
  });
}

/** `shipping.shipment.delivered` → "delivered", one per shipment. */
export async function onShipmentDeliveredNotify(ctx: RequestContext<unknown>, event: DomainEvent<unknown>): Promise<void> {
  const delivery = readShipmentDelivered(event);
  await queue(ctx, event, {
    kind: NotificationKind.DELIVERED,
    sourceId: delivery.shipmentId,
    orderId: delivery.orderId,
    orderNumber: delivery.orderNumber,
    email: delivery.email,
    render: () => renderDelivered(delivery),
  });
}
