import { DomainError } from '#kit';
import type { ShippingContext } from '../context.ts';
import type { Shipment, ShipmentStatus } from '../shipments.ts';
import { ShipmentErrorCode } from './shipment-errors.ts';
import { readTrackingUpdateInput } from './shipment-input.ts';
import { insertEvent, lockShipmentByTrackingNumber, updateShipmentStatus } from './shipment-statements.ts';

/** `shipping.shipment.tracking_updated`: every recorded event. Ids are bare uuids, times ISO-8601. */
export interface ShipmentTrackingUpdatedPayload {
  shipmentId: string;
  orderId: string;
  orderNumber: number;
  email: string | null;
  carrier: string;
  trackingNumber: string;
  /** The event's status (not necessarily the shipment's: a late event does not move it). */
  status: ShipmentStatus;
  occurredAt: string;
  location: string | null;
}

/** `shipping.shipment.delivered`: once per shipment, the first time it becomes DELIVERED. */
export interface ShipmentDeliveredPayload {
  shipmentId: string;
  orderId: string;
  orderNumber: number;
  email: string | null;
  carrier: string;
  trackingNumber: string;
  deliveredAt: string;
}

export interface ShipmentState {
  status: ShipmentStatus;
  statusAt: Date;
  deliveredAt: Date | null;
}

/**
 * A shipment's state after one more event. The status is that of the latest event by time (a tie goes to
 * the one recorded last, as the timeline sorts them); an older event arriving late changes nothing.
 * DELIVERED is final: once delivered nothing moves the status, and a DELIVERED event delivers the
 * shipment whenever it is dated (a carrier's delivery scan is the fact; a later-dated scan before it is
 * the carrier's clock, not a parcel back on the road).
 */
export function nextState(current: ShipmentState, event: { status: ShipmentStatus; occurredAt: Date }): ShipmentState {
  if (current.status === 'DELIVERED') return current;
  const latest = event.occurredAt.getTime() >= current.statusAt.getTime();
  if (event.status === 'DELIVERED') {
    return { status: 'DELIVERED', statusAt: latest ? event.occurredAt : current.statusAt, deliveredAt: event.occurredAt };
  }
  return latest ? { status: event.status, statusAt: event.occurredAt, deliveredAt: null } : current;
}

/**
 * `shipmentTrackingUpdate`: appends the event to the timeline of the shipment with the tracking number,
 * moves its status by nextState, and emits `shipping.shipment.tracking_updated` (and, the first time it
 * is delivered, `shipping.shipment.delivered`) in the same transaction. The shipment's row is locked
 * first, so concurrent updates of one shipment take turns and every event is applied to the state the
 * previous one left.
 */
export async function recordTrackingEvent(
  ctx: ShippingContext,
  input: Parameters<typeof readTrackingUpdateInput>[0],
): Promise<Shipment> {
  const request = readTrackingUpdateInput(input, new Date());
  const shipment = await ctx.transaction(async (tx) => {
    const locked = await lockShipmentByTrackingNumber(tx.em, request.trackingNumber);
    if (!locked) throw new DomainError(ShipmentErrorCode.NOT_FOUND, 'No shipment has this tracking number.', ['input', 'trackingNumber']);
    const { shipment: before, orderNumber, email } = locked;
    await insertEvent(tx.em, { shipmentId: before.id, status: request.status, occurredAt: request.occurredAt, location: request.location });
    const state = nextState(before, request);
    const after = await updateShipmentStatus(tx.em, before.id, state);
    const about = { shipmentId: after.id, orderId: after.orderId, orderNumber, email, carrier: after.carrier, trackingNumber: after.trackingNumber };
    const updated: ShipmentTrackingUpdatedPayload = {
      ...about,
      status: request.status,
      occurredAt: request.occurredAt.toISOString(),
      location: request.location,
    };
    const events: { type: string; payload: object }[] = [{ type: 'shipping.shipment.tracking_updated', payload: updated }];
    if (before.deliveredAt === null && after.deliveredAt !== null) {
      const delivered: ShipmentDeliveredPayload = { ...about, deliveredAt: after.deliveredAt.toISOString() };
      events.push({ type: 'shipping.shipment.delivered', payload: delivered });
    }
    await tx.emitMany(events);
    return after;
  });
  // The timeline changed: the payload reads it afresh.
  ctx.loaders.eventsByShipmentId.clear(shipment.id);
  return shipment;
}
