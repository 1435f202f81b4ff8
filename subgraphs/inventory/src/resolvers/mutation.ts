import { mutationPayload } from '#kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { adjustQuantity } from '../services/stock-adjustment.service.ts';

export const Mutation: MutationResolvers = {
  inventoryAdjustQuantity: (_root, { input }, ctx) =>
    mutationPayload(async () => ({ stockLevel: await adjustQuantity(ctx, input) }), { stockLevel: null }),
};
