import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { ClientErrorCode, clientError, decodeCursor, isUuid, readPageSize, toConnection, type Connection } from '#kit';
import { Location } from '../entities/location.entity.ts';

export interface ListLocationsArgs {
  first?: number | null;
  after?: string | null;
  includeInactive?: boolean | null;
}

/** Locations by name (id breaks ties), one keyset page at a time. */
export async function listLocations(em: EntityManager, args: ListLocationsArgs): Promise<Connection<Location>> {
  const limit = readPageSize(args.first);
  const conditions: FilterQuery<Location>[] = [];
  if (!args.includeInactive) conditions.push({ active: true });
  if (args.after) {
    const [name, id] = decodeCursor(args.after, 2);
    // Well-formed base64 JSON that is not one of our cursors is still the client's mistake, not a 500.
    if (typeof name !== 'string' || typeof id !== 'string' || !isUuid(id)) {
      throw clientError(ClientErrorCode.BAD_USER_INPUT, '`after` is not a valid cursor.', ['after']);
    }
    conditions.push({ $or: [{ name: { $gt: name } }, { name, id: { $gt: id } }] });
  }
  const rows = await em.find(Location, conditions.length > 0 ? { $and: conditions } : {}, {
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    limit: limit + 1,
  });
  return toConnection(rows, limit, (row) => [row.name, row.id], Boolean(args.after));
}
