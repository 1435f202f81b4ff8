import type { DomainEvent, RequestContext } from '#kit';

/** The products subgraph's `products.variants.created` payload (ids are uuids). */
export interface VariantsCreated {
  productId: string;
  variants: { id: string; sku: string }[];
}

/**
 * New variants become inventory items with no stock anywhere: they show `quantityAvailable: 0` until
 * staff receive stock. Inventory learns of variants only this way, never from products' tables.
 * Idempotent on its own too (`on conflict do nothing`), beyond the kit's once-per-event record.
 */
export async function onVariantsCreated(ctx: RequestContext, event: DomainEvent<VariantsCreated>): Promise<void> {
  const ids = event.payload.variants.map((variant) => variant.id);
  if (ids.length === 0) return;
  await ctx.em.execute(`insert into inventory_item (variant_id) select unnest(?::uuid[]) on conflict do nothing`, [`{${ids.join(',')}}`]);
  ctx.log.info({ productId: event.payload.productId, variants: ids.length }, 'inventory items created for new variants');
}
