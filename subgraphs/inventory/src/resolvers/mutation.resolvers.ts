import { DomainError } from '#kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { adjustQuantity } from '../services/stock-adjustment.service.ts';

export const Mutation: MutationResolvers = {
  inventoryAdjustQuantity: async (_root, { input }, ctx) => {
    try {
      return { stockLevel: await adjustQuantity(ctx.em, ctx.viewer, input), userErrors: [] };
    } catch (error) {
      if (error instanceof DomainError) return { stockLevel: null, userErrors: [error.toUserError()] };
      throw error;
    }
  },
};
