import { toGlobalId } from '#kit';
import type { StockMovementResolvers } from '../generated/resolvers-types.ts';
import { loadLocation } from './load-location.ts';

export const StockMovement: StockMovementResolvers = {
  id: (movement) => toGlobalId('StockMovement', movement.id),
  variant: (movement) => ({ variantId: movement.variantId }),
  location: (movement, _args, ctx) => loadLocation(ctx, movement.locationId),
  actor: (movement) => (movement.actorCustomerId ? { id: toGlobalId('Customer', movement.actorCustomerId) } : null),
};
