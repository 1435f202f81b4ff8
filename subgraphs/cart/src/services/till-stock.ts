import DataLoader from 'dataloader';
import { DomainError, ServiceCallError, toGlobalId, tryParseGlobalId, type RequestContext, type ServiceClient } from '#kit';
import { CartErrorCode } from './cart-errors.ts';

/**
 * A till cart's stock: what its store can sell (on hand − reserved there, inventory's internal
 * `stockAtLocation`), in place of online availability (catalog.ts). Clerks sell from the shelf in front
 * of them; what the warehouses hold says nothing about it.
 */

const STOCK_AT = `query ($locationId: ID!, $variantIds: [ID!]!) {
  stockAtLocation(locationId: $locationId, variantIds: $variantIds) { quantitiesAvailable }
}`;

// One loader per request (its service client): the ask before the lock, the one under it and the
// warnings of the payload share one call per location.
const loaders = new WeakMap<ServiceClient, DataLoader<string, number>>();

function loaderOf(ctx: RequestContext<unknown>): DataLoader<string, number> {
  let loader = loaders.get(ctx.services);
  if (!loader) {
    loader = new DataLoader(async (keys) => {
      const byLocation = new Map<string, string[]>();
      for (const key of keys) {
        const [locationId, variantId] = key.split('|') as [string, string];
        byLocation.set(locationId, [...(byLocation.get(locationId) ?? []), variantId]);
      }
      const found = new Map<string, number>();
      await Promise.all([...byLocation].map(async ([locationId, variantIds]) => {
        const data = await ctx.services.query<{ stockAtLocation: { quantitiesAvailable: number[] } | null }>('inventory', STOCK_AT, {
          locationId: toGlobalId('Location', locationId),
          variantIds: variantIds.map((id) => toGlobalId('ProductVariant', id)),
        });
        const quantities = data.stockAtLocation?.quantitiesAvailable;
        if (!quantities || quantities.length !== variantIds.length) {
          throw new ServiceCallError('inventory', 'BAD_RESPONSE', `stockAtLocation answered no quantities for location ${locationId}`);
        }
        variantIds.forEach((variantId, index) => found.set(`${locationId}|${variantId}`, quantities[index]!));
      }));
      return keys.map((key) => found.get(key) ?? 0);
    });
    loaders.set(ctx.services, loader);
  }
  return loader;
}

/**
 * Units the store `locationId` can sell now, per variant (0 for one it holds none of), in one inventory
 * call per request however many lines. Throws ServiceCallError when inventory does not answer.
 */
export async function fetchQuantitiesAtLocation(ctx: RequestContext<unknown>, locationId: string, variantIds: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(variantIds)];
  const answers = await loaderOf(ctx).loadMany(unique.map((id) => `${locationId}|${id}`));
  return new Map(unique.map((id, index) => {
    const answer = answers[index];
    if (answer instanceof Error) throw answer;
    return [id, answer ?? 0];
  }));
}

/**
 * `CartInput.locationId`: staff only (anyone else FORBIDDEN, nothing written), an open STORE that inventory
 * knows (INVALID for a malformed id, a warehouse or a closed store; NOT_FOUND for none), on `field`.
 * Returns the location's uuid. Throws ServiceCallError when inventory does not answer.
 */
export async function readTillLocation(ctx: RequestContext<unknown>, locationGid: string, field: readonly string[]): Promise<string> {
  if (ctx.viewer.role !== 'staff') {
    throw new DomainError('FORBIDDEN', 'Only staff ring up a cart at a store (locationId).', field);
  }
  const locationId = tryParseGlobalId(locationGid, 'Location');
  if (!locationId) throw new DomainError(CartErrorCode.INVALID, 'Invalid Location id: expected a Location global id.', field);
  const location = await ctx.services.entity<{ kind?: string; isActive?: boolean }>('inventory', 'Location', 'kind isActive', toGlobalId('Location', locationId));
  if (!location) throw new DomainError(CartErrorCode.NOT_FOUND, 'No such location.', field);
  if (location.kind !== 'STORE') throw new DomainError(CartErrorCode.INVALID, 'A till cart is sold at a store, not at a warehouse.', field);
  if (!location.isActive) throw new DomainError(CartErrorCode.INVALID, 'This store is closed.', field);
  return locationId;
}
