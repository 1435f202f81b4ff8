import { mutationPayload } from '#kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { createShipment } from '../services/shipment-create.service.ts';
import { recordTrackingEvent } from '../services/shipment-tracking.service.ts';

const NO_SHIPMENT = { shipment: null };

export const Mutation: MutationResolvers = {
  shipmentCreate: (_root, { input }, ctx) => mutationPayload(async () => ({ shipment: await createShipment(ctx, input) }), NO_SHIPMENT),
  shipmentTrackingUpdate: (_root, { input }, ctx) => mutationPayload(async () => ({ shipment: await recordTrackingEvent(ctx, input) }), NO_SHIPMENT),
};
