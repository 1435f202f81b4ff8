import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { LoaderScope } from '#kit';
import { ShippingRateBand } from './entities/shipping-rate-band.entity.ts';
import { ShippingRate } from './entities/shipping-rate.entity.ts';
import { ShippingZoneRegion } from './entities/shipping-zone-region.entity.ts';
import { ShippingZone } from './entities/shipping-zone.entity.ts';
import { eventsOfShipments, linesOfShipments, shipmentsOfOrders } from './services/shipment-statements.ts';
import type { Shipment, ShipmentEvent, ShipmentLine } from './shipments.ts';

/** Every zone, region, rate and band, indexed the ways pricing and `shippingZones` read them. */
export interface RateTable {
  /** By name. */
  zones: ShippingZone[];
  /** Per zone, by country then region (the whole country first). */
  regionsByZone: ReadonlyMap<string, ShippingZoneRegion[]>;
  /** Per zone, by title then currency. */
  ratesByZone: ReadonlyMap<string, ShippingRate[]>;
  /** Per WEIGHT_BANDS rate, lightest band first. */
  bandsByRate: ReadonlyMap<string, ShippingRateBand[]>;
  /** Destination key (`US` or `US/HI`, see destinationKey) → zone id. */
  zoneByDestination: ReadonlyMap<string, string>;
}

export interface ShippingLoaders {
  /**
   * The whole rate table, read once per request: one statement however many carts the gateway asks
   * about. A DataLoader keyed by cart or country would batch to the same statements, since a shop's rate
   * table is small (zones × rates × bands, tens of rows); read per request, so a rate change shows at once.
   */
  rateTable(): Promise<RateTable>;
  /** An order's shipments, oldest first: one statement for every order of the request (`Order.shipments`). */
  shipmentsByOrderId: DataLoader<string, Shipment[]>;
  /** A shipment's lines, with titles: one statement for every shipment of the request. */
  linesByShipmentId: DataLoader<string, ShipmentLine[]>;
  /** A shipment's tracking timeline: one statement for every shipment of the request. */
  eventsByShipmentId: DataLoader<string, ShipmentEvent[]>;
}

export function createLoaders({ em }: LoaderScope): ShippingLoaders {
  let table: Promise<RateTable> | undefined;
  return {
    rateTable: () => (table ??= loadRateTable(em)),
    shipmentsByOrderId: new DataLoader(async (ids) => groupedBy(ids, await shipmentsOfOrders(em, ids), (row) => row.orderId)),
    linesByShipmentId: new DataLoader(async (ids) => groupedBy(ids, await linesOfShipments(em, ids), (row) => row.shipmentId)),
    eventsByShipmentId: new DataLoader(async (ids) => groupedBy(ids, await eventsOfShipments(em, ids), (row) => row.shipmentId)),
  };
}

/** `US` for a whole country, `US/HI` for one of its regions. */
export function destinationKey(countryCode: string, provinceCode: string | null): string {
  return provinceCode === null ? countryCode : `${countryCode}/${provinceCode}`;
}

// The whole table in one statement (one round trip instead of four), each table as a JSON array in
// the order pricing and `shippingZones` read it. JSON carries timestamps as text: `fieldsOf` restores them.
const RATE_TABLE_SQL = `select
  coalesce((select json_agg(z order by z.name, z.id) from shipping_zone z), '[]') as zones,
  coalesce((select json_agg(r order by r.country_code, r.province_code nulls first) from shipping_zone_region r), '[]') as regions,
  coalesce((select json_agg(s order by s.title, s.currency_code, s.id) from shipping_rate s), '[]') as rates,
  coalesce((select json_agg(b order by b.rate_id, b.max_weight_grams) from shipping_rate_band b), '[]') as bands`;

type Row = Record<string, any>;

/** A row's columns as the entity's properties (`zone_id` → `zoneId`), timestamps as Dates. */
function fieldsOf(row: Row): Row {
  const fields: Row = {};
  for (const column in row) {
    const value = row[column];
    fields[column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())] = column.endsWith('_at') && typeof value === 'string' ? new Date(value) : value;
  }
  return fields;
}

/**
 * The table is read on every request that prices a cart and only read: its rows become unmanaged instances
 * of the entities rather than going through `em.map`, whose identity map, hydration and bookkeeping were a third
 * of the shipping service's CPU under add-to-cart (MikroORM 34% of its profile) for tens of rows per request.
 */
async function loadRateTable(em: EntityManager): Promise<RateTable> {
  const [table] = await em.execute<Row[]>(RATE_TABLE_SQL);
  const zones = (table!.zones as Row[]).map((row) => Object.assign(new ShippingZone(), fieldsOf(row)));
  const regions = (table!.regions as Row[]).map((row) => Object.assign(new ShippingZoneRegion(), fieldsOf(row)));
  const rates = (table!.rates as Row[]).map((row) => Object.assign(new ShippingRate(), fieldsOf(row)));
  const bands = (table!.bands as Row[]).map((row) => Object.assign(new ShippingRateBand(), fieldsOf(row)));
  return {
    zones,
    regionsByZone: groupBy(regions, (region) => region.zoneId),
    ratesByZone: groupBy(rates, (rate) => rate.zoneId),
    bandsByRate: groupBy(bands, (band) => band.rateId),
    zoneByDestination: new Map(regions.map((region) => [destinationKey(region.countryCode, region.provinceCode ?? null), region.zoneId])),
  };
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Rows per key, in the order of `keys` (DataLoader's contract), each group in the rows' order. */
function groupedBy<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const groups = groupBy(rows, keyOf);
  return keys.map((key) => groups.get(key) ?? []);
}
