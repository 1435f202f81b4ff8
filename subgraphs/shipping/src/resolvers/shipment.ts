import { toGlobalId } from '#kit';
import type { ShipmentLineResolvers, ShipmentResolvers } from '../generated/resolvers-types.ts';

export const Shipment: ShipmentResolvers = {
  id: (shipment) => toGlobalId('Shipment', shipment.id),
  lines: (shipment, _args, ctx) => ctx.loaders.linesByShipmentId.load(shipment.id),
  events: (shipment, _args, ctx) => ctx.loaders.eventsByShipmentId.load(shipment.id),
};

export const ShipmentLine: ShipmentLineResolvers = {
  orderLineId: (line) => toGlobalId('OrderLine', line.orderLineId),
};
