import type { QueryResolvers } from '../generated/resolvers-types.ts';

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) =>
    viewer.role === 'anonymous' || !viewer.customerId ? null : loaders.customerById.load(viewer.customerId),
};
