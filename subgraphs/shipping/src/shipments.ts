/**
 * Shipments as the services and resolvers hold them, read from shipments.sql (services/shipment-statements.ts).
 * Ids are bare uuids inside; resolvers make them global ids.
 */

/** Where a shipment stands; the schema's ShipmentStatus (and the tables' CHECKs). */
export const SHIPMENT_STATUSES = ['LABEL_CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** The order statuses from which an order may ship (orders' OrderStatus). */
export const FULFILLABLE_ORDER_STATUSES: readonly string[] = ['PAID', 'PARTIALLY_FULFILLED'];

export interface Shipment {
  id: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatus;
  /** When the event the status comes from happened. */
  statusAt: Date;
  /** Set once, when the shipment first became DELIVERED. */
  deliveredAt: Date | null;
  createdAt: Date;
}

/** Some units of an order line in a shipment, with the line's title as orders answered it. */
export interface ShipmentLine {
  shipmentId: string;
  orderLineId: string;
  title: string;
  quantity: number;
}

/** One step of a shipment's tracking timeline. */
export interface ShipmentEvent {
  shipmentId: string;
  status: ShipmentStatus;
  occurredAt: Date;
  location: string | null;
}
