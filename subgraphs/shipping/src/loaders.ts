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
   * The whole rate table, read once per request: four statements however many carts the gateway asks
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

async function loadRateTable(em: EntityManager): Promise<RateTable> {
  // One after the other: a request's EntityManager holds one connection at a time.
  const zones = await em.find(ShippingZone, {}, { orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  const regions = await em.find(ShippingZoneRegion, {}, { orderBy: [{ countryCode: 'asc' }, { provinceCode: 'asc nulls first' }] });
  const rates = await em.find(ShippingRate, {}, { orderBy: [{ title: 'asc' }, { currencyCode: 'asc' }, { id: 'asc' }] });
  const bands = await em.find(ShippingRateBand, {}, { orderBy: [{ rateId: 'asc' }, { maxWeightGrams: 'asc' }] });
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
