import { parseGlobalId } from '#kit';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { listLocations } from '../services/location.service.ts';
import { stockAtLocation } from '../services/location-stock.service.ts';
import { listStockMovements } from '../services/stock-movement.service.ts';

export const Query: QueryResolvers = {
  locations: (_root, args, ctx) => listLocations(ctx.em, args),
  location: (_root, args, ctx) => ctx.loaders.locationById.load(parseGlobalId(args.id, 'Location')),
  stockMovements: (_root, args, ctx) => listStockMovements(ctx, args),
  stockAtLocation: (_root, args, ctx) => stockAtLocation(ctx, args.locationId, args.variantIds),
};
