import { defineEntity, p } from '@mikro-orm/postgresql';

export const LOCATION_KINDS = ['WAREHOUSE', 'STORE'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

const LocationSchema = defineEntity({
  name: 'Location',
  tableName: 'location',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    /** Stable, URL-safe and unique: what scripts and POS configuration refer to a location by. */
    handle: p.text().unique(),
    kind: p.enum(LOCATION_KINDS),
    /** Only stock at locations that ship online orders counts toward a variant's `quantityAvailable`. */
    fulfillsOnlineOrders: p.boolean(),
    address1: p.text().nullable(),
    address2: p.text().nullable(),
    city: p.text().nullable(),
    provinceCode: p.text().nullable(),
    zip: p.text().nullable(),
    countryCode: p.text().nullable(),
    /** A closed location keeps its history but neither sells nor takes adjustments. */
    active: p.boolean(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Location extends LocationSchema.class {}
LocationSchema.setClass(Location);
