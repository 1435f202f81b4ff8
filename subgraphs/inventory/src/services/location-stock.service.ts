import DataLoader from 'dataloader';
import { ClientError, tryParseGlobalId, type SqlRead } from '#kit';
import type { InventoryContext } from '../context.ts';
import type { Location } from '../entities/location.entity.ts';

/**
 * Stock at one location, for a sale at a store's till: the cart service checks a till cart's lines
 * against the shelf the clerk sells from, not against online availability (stock-availability.service.ts).
 * Kept apart from the online read path on purpose: the storefront's hot path never pays for it.
 */

/** Key of `availableAtLocation`: a location uuid and a variant uuid. */
export const locationStockKey = (locationId: string, variantId: string) => `${locationId}|${variantId}`;

/**
 * Units sellable (on hand − reserved) per location and variant, 0 where no stock level exists: one
 * statement for every key asked in a request, whatever the number of variants or locations.
 */
export function availableAtLocationLoader(read: SqlRead): DataLoader<string, number> {
  return new DataLoader(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]);
    const rows = await read<{ location_id: string; variant_id: string; available: number }>(
      `select s.location_id, s.variant_id, s.on_hand - s.reserved as available
       from stock_level s join unnest($1::uuid[], $2::uuid[]) as k(location_id, variant_id)
         on s.location_id = k.location_id and s.variant_id = k.variant_id`,
      [pairs.map(([location]) => location), pairs.map(([, variant]) => variant)],
    );
    const found = new Map(rows.map((row) => [locationStockKey(row.location_id, row.variant_id), Number(row.available)]));
    return keys.map((key) => found.get(key) ?? 0);
  });
}

/** A cart holds at most 100 lines; 250 leaves room and bounds the statement. */
const MAX_VARIANTS = 250;

export interface LocationStock {
  location: Location;
  quantitiesAvailable: number[];
}

/**
 * `stockAtLocation` (the cart service only): the location, and for each variant asked (in that order)
 * the units that can be sold there now. Null for an unknown location. Any kind of location, open or
 * closed: whether a till may sell from it is the caller's rule (cart accepts open stores only).
 */
export async function stockAtLocation(ctx: InventoryContext, locationGid: string, variantGids: readonly string[]): Promise<LocationStock | null> {
  const locationId = tryParseGlobalId(locationGid, 'Location');
  if (!locationId) throw new ClientError('BAD_USER_INPUT', 'Invalid Location id.');
  if (variantGids.length > MAX_VARIANTS) throw new ClientError('BAD_USER_INPUT', `At most ${MAX_VARIANTS} variants.`);
  const variantIds = variantGids.map((gid) => {
    const id = tryParseGlobalId(gid, 'ProductVariant');
    if (!id) throw new ClientError('BAD_USER_INPUT', `Invalid ProductVariant id: ${gid}.`);
    return id;
  });
  const [location, quantities] = await Promise.all([
    ctx.loaders.locationById.load(locationId),
    ctx.loaders.availableAtLocation.loadMany(variantIds.map((id) => locationStockKey(locationId, id))),
  ]);
  if (!location) return null;
  return {
    location,
    quantitiesAvailable: quantities.map((quantity) => {
      if (quantity instanceof Error) throw quantity;
      return quantity;
    }),
  };
}
