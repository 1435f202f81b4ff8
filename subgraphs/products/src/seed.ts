import type { EntityManager } from '@mikro-orm/postgresql';
import { Category } from './entities/category.entity.ts';
import { ProductCategory } from './entities/product-category.entity.ts';
import { ProductVariant } from './entities/product-variant.entity.ts';
import { Product } from './entities/product.entity.ts';
import { buildDemoCatalog } from './seed-catalog.ts';

/**
 * Seeds the demo catalog (1,200 products in 7 categories) when the catalog is empty; otherwise leaves it
 * alone. Either way returns every variant's uuid, which the inventory seed stocks.
 *
 * Each table is one multi-row INSERT, inside one transaction holding an advisory lock, so two processes
 * seeding at once cannot both see an empty catalog.
 */
export async function seedProducts(em: EntityManager): Promise<{ created: boolean; variantIds: string[] }> {
  return em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('products.seed'))`);
    const [state] = await tx.execute<{ occupied: boolean }[]>(
      `select exists (select 1 from product) or exists (select 1 from category) as occupied`,
    );
    if (state?.occupied) {
      const rows = await tx.execute<{ id: string }[]>(`select id from product_variant order by sku`);
      return { created: false, variantIds: rows.map((row) => row.id) };
    }
    const catalog = buildDemoCatalog();
    await tx.insertMany(Category, catalog.categories);
    await tx.insertMany(Product, catalog.products);
    await tx.insertMany(ProductVariant, catalog.variants);
    await tx.insertMany(ProductCategory, catalog.memberships);
    return { created: true, variantIds: catalog.variants.map((variant) => variant.id) };
  });
}
