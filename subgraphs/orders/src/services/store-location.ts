import { DomainError, tryParseGlobalId, type RequestContext } from '#kit';

/** A store as inventory answers it: where a POS sale is made or an online order is picked up. */
export interface StoreLocation {
  /** The location's uuid. */
  id: string;
  gid: string;
  name: string;
  countryCode: string | null;
  provinceCode: string | null;
}

interface LocationIn {
  id: string;
  name: string;
  kind: string;
  isActive: boolean;
  address: { countryCode: string | null; provinceCode: string | null } | null;
}

/**
 * The open store a Location global id names, from inventory (`_entities`, one call). `INVALID` for a
 * malformed id, a closed location or a warehouse; `NOT_FOUND` when inventory knows no such location.
 * Inventory checks again when it takes the stock, so a store closed meanwhile sells nothing.
 */
export async function storeLocation(ctx: RequestContext<unknown>, locationGid: string, field: readonly string[] = ['locationId']): Promise<StoreLocation> {
  const id = tryParseGlobalId(locationGid, 'Location');
  if (!id) throw new DomainError('INVALID', 'Invalid Location id: expected a Location global id.', field);
  const location = await ctx.services.entity<LocationIn>('inventory', 'Location', 'id name kind isActive address { countryCode provinceCode }', locationGid);
  if (!location) throw new DomainError('NOT_FOUND', 'No such location.', field);
  if (!location.isActive) throw new DomainError('INVALID', `${location.name} is closed.`, field);
  if (location.kind !== 'STORE') throw new DomainError('INVALID', `${location.name} is not a store.`, field);
  return {
    id,
    gid: locationGid,
    name: location.name,
    countryCode: location.address?.countryCode?.toUpperCase() ?? null,
    provinceCode: location.address?.provinceCode?.toUpperCase() ?? null,
  };
}
