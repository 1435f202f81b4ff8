import { defineEntity, p } from '@mikro-orm/postgresql';

export const CUSTOMER_ROLES = ['customer', 'staff'] as const;
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];

const CustomerSchema = defineEntity({
  name: 'Customer',
  tableName: 'customer',
  properties: {
    id: p.uuid().primary(),
    /** Stored trimmed and lower-cased, so the unique constraint is case-insensitive. */
    email: p.text(),
    firstName: p.text().nullable(),
    lastName: p.text().nullable(),
    /** `scrypt$N$r$p$salt$hash`; never leaves this subgraph. */
    passwordHash: p.text().hidden(),
    role: p.enum(CUSTOMER_ROLES),
    defaultAddressId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export class Customer extends CustomerSchema.class {}
CustomerSchema.setClass(Customer);
