import { parseGlobalId } from '#kit';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { listLocations } from '../services/location.service.ts';
import { listStockMovements } from '../services/stock-movement.service.ts';

export const Query: QueryResolvers = {
  locations: (_root, args, ctx) => listLocations(ctx.em, args),
  location: (_root, args, ctx) => ctx.loaders.locationById.load(parseGlobalId(args.id, 'Location')),
  stockMovements: (_root, args, ctx) => listStockMovements(ctx, args),
};
