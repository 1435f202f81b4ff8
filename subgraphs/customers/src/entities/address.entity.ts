import { defineEntity, p } from '@mikro-orm/postgresql';

const AddressSchema = defineEntity({
  name: 'Address',
  tableName: 'address',
  properties: {
    id: p.uuid().primary(),
    // A plain column rather than a relation: loaders fetch addresses by owner in one statement.
    customerId: p.uuid(),
    firstName: p.text().nullable(),
    lastName: p.text().nullable(),
    address1: p.text(),
    address2: p.text().nullable(),
    city: p.text(),
    provinceCode: p.text().nullable(),
    zip: p.text().nullable(),
    countryCode: p.string().length(2),
    phone: p.text().nullable(),
    /** Set in JavaScript (millisecond precision) so keyset cursors round-trip exactly. */
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Address extends AddressSchema.class {}
AddressSchema.setClass(Address);
