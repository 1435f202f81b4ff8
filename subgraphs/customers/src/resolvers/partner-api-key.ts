import type { PartnerApiKeyResolvers } from '../generated/resolvers-types.ts';
import { partnerApiKeyGlobalId } from '../services/partner-api-key.service.ts';

export const PartnerApiKey: PartnerApiKeyResolvers = {
  id: (apiKey) => partnerApiKeyGlobalId(apiKey),
  revokedAt: (apiKey) => apiKey.revokedAt ?? null,
  lastUsedAt: (apiKey) => apiKey.lastUsedAt ?? null,
};
