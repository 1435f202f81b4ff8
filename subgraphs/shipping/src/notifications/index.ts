import type { Subscriber, Worker } from '#kit';
import { MAIL_ENV, sendDueNotifications } from './mailer.ts';
import { SEND_NOTIFICATIONS_WORKER } from './outbox.ts';
import {
  onOrderPaidNotify,
  onOrderRefundedNotify,
  onShipmentDeliveredNotify,
  onShipmentShippedNotify,
  onShipmentTrackingUpdatedNotify,
} from './subscribers.ts';

/**
 * Customer emails: the events that queue them, the worker that sends them, the variables it reads.
 * Wired into the shipping subgraph's definition (subgraph.ts); see the README's Notifications section.
 */
export const notificationSubscribers: Record<string, Subscriber> = {
  'orders.order.paid': onOrderPaidNotify,
  'orders.order.refunded': onOrderRefundedNotify,
  'shipping.shipment.shipped': onShipmentShippedNotify,
  'shipping.shipment.tracking_updated': onShipmentTrackingUpdatedNotify,
  'shipping.shipment.delivered': onShipmentDeliveredNotify,
};

/** Every 5 s in each process, and at once after a transaction that queued a message commits. */
export const notificationWorker: Worker = { everySeconds: 5, run: async (ctx) => void (await sendDueNotifications(ctx)) };

export { MAIL_ENV, SEND_NOTIFICATIONS_WORKER };
