import { parseGlobalId } from '#kit';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { visibleCart } from '../services/cart-read.service.ts';

export const Query: QueryResolvers = {
  cart: (_root, args, ctx) => visibleCart(ctx, parseGlobalId(args.id, 'Cart')),
};
