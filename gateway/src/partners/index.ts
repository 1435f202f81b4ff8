export { API_KEY_HEADER, createPartnerKeys, DEFAULT_PARTNER_KEY_CACHE_SECONDS, fingerprintOf, readPartnerKeyCacheSeconds, type PartnerKeyCheck, type PartnerKeys, type PartnerKeysOptions, type PartnerViewer } from './api-keys.ts';
export { createPartnerContract, INTERNAL_TAG, partnerSchemaOf, taggedCoordinatesOf, type PartnerContract } from './contract.ts';
export { apiKeyOf, partnerKeyAdmission, PartnerKeyCode, partnerViewerOf } from './guard.ts';
