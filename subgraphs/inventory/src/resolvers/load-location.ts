import type { Location } from '../entities/location.entity.ts';
import type { InventoryContext } from '../context.ts';

/** The location a stock row points at; the foreign key guarantees it exists. */
export async function loadLocation(ctx: InventoryContext, id: string): Promise<Location> {
  const location = await ctx.loaders.locationById.load(id);
  if (!location) throw new Error(`Location ${id} referenced by stock is missing`);
  return location;
}
