import type { RequestContext, SeedOptions } from '#kit';
import { Category } from './entities/category.entity.ts';
import { ProductCategory } from './entities/product-category.entity.ts';
import { ProductVariant } from './entities/product-variant.entity.ts';
import { Product } from './entities/product.entity.ts';
import { buildDemoCatalog, SEED_SIZES, type DemoCatalog } from './seed-catalog.ts';
import { CatalogEvent, variantsPayload } from './services/catalog-events.ts';

/**
 * Seeds the demo catalog when the catalog is empty; otherwise leaves it alone. `full` is 1,200 products
 * in 7 categories, `small` 42 in the same categories. Either way returns every variant's uuid.
 *
 * It emits exactly the events staff creating the same categories and products would
 * (products.category.created, products.product.created, products.variants.created): other subgraphs
 * (inventory) learn of the catalog from events only. Each table is one multi-row INSERT, inside one
 * transaction holding an advisory lock, so two processes seeding at once cannot both see an empty
 * catalog, and the events commit with the rows or not at all.
 */
export async function seedProducts(
  ctx: RequestContext,
  options: Pick<SeedOptions, 'size'>,
): Promise<{ created: boolean; variantIds: string[] }> {
  return ctx.transaction(async (tx) => {
    await tx.em.execute(`select pg_advisory_xact_lock(hashtext('products.seed'))`);
    const [state] = await tx.em.execute<{ occupied: boolean }[]>(
      `select exists (select 1 from product) or exists (select 1 from category) as occupied`,
    );
    if (state?.occupied) {
      const rows = await tx.em.execute<{ id: string }[]>(`select id from product_variant order by sku`);
      return { created: false, variantIds: rows.map((row) => row.id) };
    }
    const catalog = buildDemoCatalog(SEED_SIZES[options.size]);
    await tx.em.insertMany(Category, catalog.categories);
    await tx.em.insertMany(Product, catalog.products);
    await tx.em.insertMany(ProductVariant, catalog.variants);
    await tx.em.insertMany(ProductCategory, catalog.memberships);
    await tx.emitMany(catalogEvents(catalog));
    return { created: true, variantIds: catalog.variants.map((variant) => variant.id) };
  });
}

/** The events of creating the catalog through the API: categories first, then each product and its variants. */
function catalogEvents(catalog: DemoCatalog): { type: string; payload: object }[] {
  const variantsOf = new Map<string, { id: string; sku: string }[]>(catalog.products.map((product) => [product.id, []]));
  for (const variant of catalog.variants) variantsOf.get(variant.product)!.push(variant);
  return [
    ...catalog.categories.map((category) => ({ type: CatalogEvent.CATEGORY_CREATED, payload: { categoryId: category.id } })),
    ...catalog.products.flatMap((product) => [
      { type: CatalogEvent.PRODUCT_CREATED, payload: { productId: product.id, handle: product.handle } },
      { type: CatalogEvent.VARIANTS_CREATED, payload: variantsPayload(product.id, variantsOf.get(product.id)!) },
    ]),
  ];
}
