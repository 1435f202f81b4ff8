import { toGlobalId } from '#kit';
import type { StockReservationResolvers } from '../generated/resolvers-types.ts';

export const StockReservation: StockReservationResolvers = {
  id: (reservation) => toGlobalId('StockReservation', reservation.id),
  orderId: (reservation) => toGlobalId('Order', reservation.orderId),
  variantId: (reservation) => toGlobalId('ProductVariant', reservation.variantId),
  locationId: (reservation) => toGlobalId('Location', reservation.locationId),
};
