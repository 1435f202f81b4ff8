import { toGlobalId } from '#kit';
import { availableUnits } from '../services/stock-availability.service.ts';
import type { StockLevelResolvers } from '../generated/resolvers-types.ts';
import { loadLocation } from './load-location.ts';

export const StockLevel: StockLevelResolvers = {
  id: (level) => toGlobalId('StockLevel', level.id),
  variant: (level) => ({ variantId: level.variantId }),
  location: (level, _args, ctx) => loadLocation(ctx, level.locationId),
  available: (level) => availableUnits(level),
};
