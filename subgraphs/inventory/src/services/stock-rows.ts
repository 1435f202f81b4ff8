import type { SqlRead } from '#kit';
import type { Location, LocationKind } from '../entities/location.entity.ts';
import type { StockLevel } from '../entities/stock-level.entity.ts';

/** A variant's stock level at one open location, with that location. */
export interface StockAtLocation {
  level: StockLevel;
  location: Location;
}

/**
 * Every variant's stock at open locations, each level with its location: one statement (a join on the
 * (variant_id, location_id) unique index) where levels then their locations took two. A storefront page
 * asks this for every variant it shows and only serialises the answer, so the rows become plain
 * snapshots with the entities' property names, not managed entities: the ORM's identity map and
 * hydration were most of the inventory process's CPU per listing. Writes load managed entities themselves.
 */
export async function stockAtOpenLocations(read: SqlRead, variantIds: readonly string[]): Promise<StockAtLocation[]> {
  const rows = await read(
    `select s.id, s.variant_id, s.location_id, s.on_hand, s.reserved, s.updated_at,
       l.name, l.handle, l.kind, l.fulfills_online_orders, l.address1, l.address2, l.city, l.province_code,
       l.zip, l.country_code, l.active, l.created_at
     from stock_level s join location l on l.id = s.location_id
     where s.variant_id = any($1::uuid[]) and l.active`,
    [variantIds],
  );
  // One object per location, shared by its levels (as the identity map shared them).
  const locations = new Map<string, Location>();
  return rows.map((row) => {
    const locationId = row.location_id as string;
    let location = locations.get(locationId);
    if (!location) {
      location = locationFromRow(locationId, row);
      locations.set(locationId, location);
    }
    const level = {
      id: row.id as string,
      variantId: row.variant_id as string,
      locationId,
      onHand: row.on_hand as number,
      reserved: row.reserved as number,
      updatedAt: dateOf(row.updated_at),
    };
    return { level: level as StockLevel, location };
  });
}

/**
 * Units sellable online per variant: on hand minus reserved, summed over open locations that ship online
 * orders (stock at a store that does not ship is not for sale online). A listing only asks this; summed in the
 * statement, it reads one narrow row per variant where the full stock read parsed every level with its
 * location's address (pg's row parsing was a tenth of inventory's CPU per listing). Unknown variants: 0.
 */
export async function availableOnlineByVariant(read: SqlRead, variantIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await read<{ variant_id: string; available: number }>(
    `select s.variant_id, sum(s.on_hand - s.reserved)::int as available
     from stock_level s join location l on l.id = s.location_id
     where s.variant_id = any($1::uuid[]) and l.active and l.fulfills_online_orders
     group by s.variant_id`,
    [variantIds],
  );
  return new Map(rows.map((row) => [row.variant_id, row.available]));
}

function locationFromRow(id: string, row: Record<string, unknown>): Location {
  const location = {
    id,
    name: row.name as string,
    handle: row.handle as string,
    kind: row.kind as LocationKind,
    fulfillsOnlineOrders: row.fulfills_online_orders as boolean,
    address1: row.address1 as string | null,
    address2: row.address2 as string | null,
    city: row.city as string | null,
    provinceCode: row.province_code as string | null,
    zip: row.zip as string | null,
    countryCode: row.country_code as string | null,
    active: row.active as boolean,
    createdAt: dateOf(row.created_at),
  };
  return location as Location;
}

/** MikroORM has pg return timestamps as PostgreSQL's text (`2026-11-24 01:18:06.969+00`); em.map parsed them so. */
function dateOf(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string);
}
