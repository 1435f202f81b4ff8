import DataLoader from 'dataloader';
import type { Connection, LoaderScope } from '#kit';
import { Category } from './entities/category.entity.ts';
import type { ProductVariant } from './entities/product-variant.entity.ts';
import type { Product } from './entities/product.entity.ts';
import { productsByIds, variantsOfProducts, variantsWithProductsByIds } from './services/catalog-rows.ts';
import { listProductsOfCategories } from './services/product-listing.service.ts';
import type { ProductPage } from './services/product-page.ts';

/** A category's products page request: the same page arguments batch into one statement. */
export interface CategoryProductsKey {
  categoryId: string;
  page: ProductPage;
}

export interface ProductsLoaders {
  productById: DataLoader<string, Product | null>;
  variantById: DataLoader<string, ProductVariant | null>;
  /** A product's variants in position order. */
  variantsByProductId: DataLoader<string, ProductVariant[]>;
  /** A product's categories in title order. */
  categoriesByProductId: DataLoader<string, Category[]>;
  categoryById: DataLoader<string, Category | null>;
  categoryProducts: DataLoader<CategoryProductsKey, Connection<Product>, string>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): (T | null)[] {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? null);
}

/**
 * Products and variants load as plain snapshots (services/catalog-rows.ts) through `read`: requests only
 * read them, so they need no EntityManager. Categories are managed entities, mapped by the request's
 * EntityManager, forked when a batch of them first loads.
 */
export function createLoaders(scope: LoaderScope): ProductsLoaders {
  const { read } = scope;
  const productById = new DataLoader<string, Product | null>(async (ids) => byId(ids, await productsByIds(read, ids)));
  return {
    productById,
    variantById: new DataLoader(async (ids) => {
      const { variants, products } = await variantsWithProductsByIds(read, ids);
      for (const product of products) productById.prime(product.id, product);
      return byId(ids, variants);
    }),
    variantsByProductId: new DataLoader(async (productIds) => {
      const rows = await variantsOfProducts(read, productIds);
      const byProduct = new Map<string, ProductVariant[]>(productIds.map((id) => [id, []]));
      for (const row of rows) byProduct.get(row.product.id)?.push(row);
      return productIds.map((id) => byProduct.get(id)!);
    }),
    categoriesByProductId: new DataLoader(async (productIds) => categoriesOf(scope, productIds)),
    categoryById: new DataLoader(async (ids) => byId(ids, await scope.em.find(Category, { id: { $in: [...ids] } }))),
    categoryProducts: new DataLoader(
      async (keys) => {
        // Keys of one GraphQL field share their page arguments; group anyway, so mixed pages stay correct.
        const groups = new Map<string, { page: ProductPage; ids: string[] }>();
        for (const key of keys) {
          const signature = JSON.stringify(key.page);
          const group = groups.get(signature) ?? { page: key.page, ids: [] };
          group.ids.push(key.categoryId);
          groups.set(signature, group);
        }
        const pages = new Map<string, Connection<Product>>();
        for (const [signature, group] of groups) {
          const byCategory = await listProductsOfCategories(read, group.page, [...new Set(group.ids)]);
          for (const [categoryId, connection] of byCategory) {
            for (const node of connection.nodes) productById.prime(node.id, node);
            pages.set(`${signature}|${categoryId}`, connection);
          }
        }
        return keys.map((key) => pages.get(`${JSON.stringify(key.page)}|${key.categoryId}`)!);
      },
      { cacheKeyFn: (key) => `${JSON.stringify(key.page)}|${key.categoryId}` },
    ),
  };
}

async function categoriesOf({ read, em }: LoaderScope, productIds: readonly string[]): Promise<Category[][]> {
  const rows = await read(
    `select pc.product_id, c.id, c.handle, c.title, c.description, c.created_at
     from product_category pc join category c on c.id = pc.category_id
     where pc.product_id = any($1::uuid[])
     order by c.title, c.id`,
    [productIds],
  );
  const byProduct = new Map<string, Category[]>(productIds.map((id) => [id, []]));
  for (const { product_id, ...columns } of rows) byProduct.get(product_id as string)?.push(em.map(Category, columns));
  return productIds.map((id) => byProduct.get(id)!);
}
