import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { listPartnerApiKeys, partnerByApiKey } from '../services/partner-api-key.service.ts';

export const Query: QueryResolvers = {
  me: (_parent, _args, { viewer, loaders }) =>
    viewer.role === 'anonymous' || !viewer.customerId ? null : loaders.customerById.load(viewer.customerId),
  partnerApiKeys: (_parent, { first, after }, ctx) => listPartnerApiKeys(ctx, first, after),
  partnerByApiKey: (_parent, { secret }, ctx) => partnerByApiKey(ctx, secret),
};
