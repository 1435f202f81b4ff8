import { defineEntity, p } from '@mikro-orm/postgresql';

const PartnerApiKeySchema = defineEntity({
  name: 'PartnerApiKey',
  tableName: 'partner_api_key',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    /** Lower-case hex SHA-256 of the whole secret (`sgc_…`); the secret itself is never stored. */
    secretHash: p.text().hidden(),
    /** The staff member who created the key, for the record (a plain id, no foreign key). */
    createdBy: p.uuid().nullable(),
    /** Set in JavaScript (millisecond precision) so keyset cursors round-trip exactly. */
    createdAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
    lastUsedAt: p.datetime().nullable(),
  },
});

export class PartnerApiKey extends PartnerApiKeySchema.class {}
PartnerApiKeySchema.setClass(PartnerApiKey);
