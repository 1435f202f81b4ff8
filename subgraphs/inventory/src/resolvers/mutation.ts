import { mutationPayload } from '#kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { adjustQuantity } from '../services/stock-adjustment.service.ts';
import { parseOrderId } from '../services/reservation-input.ts';
import { commitReservations, releaseReservations, reserveStock } from '../services/stock-reservation.service.ts';

export const Mutation: MutationResolvers = {
  inventoryAdjustQuantity: (_root, { input }, ctx) =>
    mutationPayload(async () => ({ stockLevel: await adjustQuantity(ctx, input) }), { stockLevel: null }),
  inventoryReserve: (_root, { input }, ctx) =>
    mutationPayload(async () => ({ reservations: await reserveStock(ctx, input) }), { reservations: null }),
  inventoryCommit: (_root, { orderId }, ctx) =>
    mutationPayload(async () => ({ reservations: await commitReservations(ctx, parseOrderId(orderId, ['orderId'])) }), { reservations: null }),
  inventoryRelease: (_root, { orderId, reason }, ctx) =>
    mutationPayload(async () => ({ reservations: await releaseReservations(ctx, parseOrderId(orderId, ['orderId']), reason) }), {
      reservations: null,
    }),
};
