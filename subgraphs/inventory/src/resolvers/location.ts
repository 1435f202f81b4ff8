import { toGlobalId, tryParseGlobalId } from '#kit';
import type { LocationResolvers } from '../generated/resolvers-types.ts';

export const Location: LocationResolvers = {
  __resolveReference: (ref, ctx) => {
    const id = tryParseGlobalId(ref.id, 'Location');
    return id ? ctx.loaders.locationById.load(id) : null;
  },
  id: (location) => toGlobalId('Location', location.id),
  isActive: (location) => location.active,
  address: (location) => {
    const { address1, address2, city, provinceCode, zip, countryCode } = location;
    const address = { address1, address2, city, provinceCode, zip, countryCode };
    return Object.values(address).some((value) => value !== null && value !== undefined) ? address : null;
  },
};
