import type { EntityManager } from '@mikro-orm/postgresql';
import { toConnection, type Connection } from '#kit';
import type { ProductVariant } from '../entities/product-variant.entity.ts';
import type { Product } from '../entities/product.entity.ts';
import { PRODUCT_COLUMNS, productFromRow, variantsFromJson } from './catalog-rows.ts';
import { cursorValueOf, ORDERS, productCursor, type ProductPage } from './product-page.ts';

/**
 * Product lists as keyset pages. SQL is assembled from fixed fragments only; every value a client sent
 * (search terms, handles, cursor values) is a `?` parameter, which MikroORM escapes with PostgreSQL's
 * literal rules. Values are never concatenated into the SQL here.
 */

// The writes select the same columns for `em.map(Product, row)`.
export { PRODUCT_COLUMNS };

interface PageRow extends Record<string, unknown> {
  sort_value: unknown;
}

interface Fragment {
  sql: string;
  params: unknown[];
}

/** The page's `select … order by … limit` over `product p`, filtered by `scope` (SQL with its params). */
function pageQuery(page: ProductPage, scope: Fragment | null): Fragment {
  const spec = ORDERS[page.order];
  const direction = page.descending ? 'desc' : 'asc';
  const params: unknown[] = [];
  // Archived products leave every storefront list; the keyset and search indexes are partial on this.
  const where: string[] = [`p.status = 'ACTIVE'`];
  let from = 'product p';
  if (page.query !== null) {
    from += ` cross join websearch_to_tsquery('english', ?) q`;
    params.push(page.query);
    where.push('p.search @@ q');
  }
  if (scope) {
    where.push(scope.sql);
    params.push(...scope.params);
  }
  if (page.after) {
    where.push(`(${spec.expression}, p.id) ${page.descending ? '<' : '>'} (?::${spec.cast}, ?::uuid)`);
    params.push(page.after.value, page.after.id);
  }
  params.push(page.limit + 1);
  return {
    sql: `select ${PRODUCT_COLUMNS}, ${spec.expression} as sort_value
      from ${from}
      where ${where.join(' and ')}
      order by ${spec.expression} ${direction}, p.id ${direction}
      limit ?`,
    params,
  };
}

/** Rows become plain snapshots, not managed entities: a page is only serialised (catalog-rows.ts). */
function toProductConnection(page: ProductPage, rows: PageRow[]): Connection<Product> {
  const items = rows.map((row) => {
    const product = productFromRow(row);
    return { product, value: cursorValueOf(page.order, row.sort_value, product.createdAt) };
  });
  const connection = toConnection(
    items,
    page.limit,
    (item) => productCursor(page.order, item.value, item.product.id),
    page.after !== null,
  );
  return {
    ...connection,
    edges: connection.edges.map(({ node, cursor }) => ({ node: node.product, cursor })),
    nodes: connection.nodes.map((item) => item.product),
  };
}

/** A page of products and, when asked for, every variant of each (by product id, in position order). */
export type ProductListing = Connection<Product> & { variants?: ReadonlyMap<string, ProductVariant[]> };

/**
 * The page's rows with each product's variants as a JSON array, in the same statement: a listing that
 * shows variants then costs one statement instead of two. Computed over the page only (the outer query),
 * so a search that sorts many matches does not aggregate variants for rows past the limit.
 */
function withVariants(inner: Fragment, page: ProductPage): Fragment {
  const direction = page.descending ? 'desc' : 'asc';
  return {
    sql: `select x.*, (select json_agg(v order by v.position) from product_variant v where v.product_id = x.id) as variants
      from (${inner.sql}) x
      order by x.sort_value ${direction}, x.id ${direction}`,
    params: inner.params,
  };
}

/**
 * One page of the whole catalog, or of one category named by handle; with `withVariants`, each product's
 * variants too (the caller primes its loader with them).
 */
export async function listProducts(
  em: EntityManager,
  page: ProductPage,
  filter: { categoryHandle?: string | null } = {},
  options: { withVariants?: boolean } = {},
): Promise<ProductListing> {
  const scope =
    filter.categoryHandle == null
      ? null
      : {
          sql: `exists (select 1 from product_category pc join category c on c.id = pc.category_id
                 where pc.product_id = p.id and c.handle = ?)`,
          params: [filter.categoryHandle],
        };
  const query = pageQuery(page, scope);
  const { sql, params } = options.withVariants ? withVariants(query, page) : query;
  const rows = await em.execute<PageRow[]>(sql, params);
  const connection = toProductConnection(page, rows);
  if (!options.withVariants) return connection;
  const variants = new Map(rows.map((row) => [row.id as string, variantsFromJson(row.variants)]));
  return { ...connection, variants };
}

/**
 * The same page for several categories in one statement (a lateral subquery per category), so a list of
 * categories with their products costs one statement however many categories it shows.
 */
export async function listProductsOfCategories(
  em: EntityManager,
  page: ProductPage,
  categoryIds: readonly string[],
): Promise<Map<string, Connection<Product>>> {
  const inner = pageQuery(page, {
    sql: `exists (select 1 from product_category pc where pc.product_id = p.id and pc.category_id = c.category_id)`,
    params: [],
  });
  const rows = await em.execute<PageRow[]>(
    `select c.category_id, x.* from unnest(array[?]::uuid[]) as c(category_id) cross join lateral (${inner.sql}) x`,
    [categoryIds, ...inner.params],
  );
  const byCategory = new Map<string, PageRow[]>(categoryIds.map((id) => [id, []]));
  for (const row of rows) byCategory.get(row.category_id as string)?.push(row);
  return new Map([...byCategory].map(([id, categoryRows]) => [id, toProductConnection(page, categoryRows)]));
}
