import { toConnection, type Connection, type SqlRead } from '#kit';
import type { ProductVariant } from '../entities/product-variant.entity.ts';
import type { Product } from '../entities/product.entity.ts';
import { PRODUCT_COLUMNS, productFromRow } from './catalog-rows.ts';
import { listingVariantsFromJson, listingVariantsSql, type ListingVariantColumns } from './listing-variants.ts';
import { cursorValueOf, ORDERS, productCursor, type ProductPage } from './product-page.ts';

/**
 * Product lists as keyset pages. SQL is assembled from fixed fragments only; every value a client sent
 * (search terms, handles, cursor values) is bound as a `$n` parameter by PostgreSQL. Values are never
 * concatenated into the SQL here: `bind` adds a value and returns only its placeholder. The page size alone
 * is written in, as a checked integer (limitLiteral).
 */

// The writes select the same columns for `em.map(Product, row)`.
export { PRODUCT_COLUMNS };

interface PageRow extends Record<string, unknown> {
  sort_value: unknown;
}

/** A statement's values, numbered in the order they are bound. */
interface Params {
  values: unknown[];
  /** Adds `value` and returns its placeholder (`$1`, `$2`, …), the only thing written into the SQL. */
  bind(value: unknown): string;
}

function params(): Params {
  const values: unknown[] = [];
  return {
    values,
    bind(value) {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** The page's `select … order by … limit` over `product p`, filtered by `scope` (SQL whose values are already bound). */
function pageQuery(page: ProductPage, { bind }: Params, scope: string | null): string {
  const spec = ORDERS[page.order];
  const direction = page.descending ? 'desc' : 'asc';
  // Archived products leave every storefront list; the keyset and search indexes are partial on this.
  const where: string[] = [`p.status = 'ACTIVE'`];
  let from = 'product p';
  if (page.query !== null) {
    from += ` cross join websearch_to_tsquery('english', ${bind(page.query)}) q`;
    where.push('p.search @@ q');
  }
  if (scope) where.push(scope);
  if (page.after) {
    where.push(`(${spec.expression}, p.id) ${page.descending ? '<' : '>'} (${bind(page.after.value)}::${spec.cast}, ${bind(page.after.id)}::uuid)`);
  }
  return `select ${PRODUCT_COLUMNS}, ${spec.expression} as sort_value
      from ${from}
      where ${where.join(' and ')}
      order by ${spec.expression} ${direction}, p.id ${direction}
      limit ${limitLiteral(page.limit + 1)}`;
}

/**
 * The one value written into the text rather than bound. Bound (`limit $n`), PostgreSQL's generic plan cannot
 * know how few rows a page takes (it estimated 333 where 25 came), so it costs far more than each custom
 * plan and PostgreSQL kept planning every execution anew: 0.16-0.23 ms a listing, half its execution time.
 * Written in, the prepared statement runs its generic plan from the sixth execution on (0.007 ms to plan).
 * A statement text per page size, then; readPageSize bounds those, and this checks it is a plain integer.
 */
function limitLiteral(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`A page's limit must be a positive integer (was ${limit})`);
  return String(limit);
}

/** Rows become plain snapshots, not managed entities: a page is only serialised (catalog-rows.ts). */
function toProductConnection(page: ProductPage, rows: PageRow[]): Connection<Product> {
  return toConnection(
    rows.map(productFromRow),
    page.limit,
    (product, index) => productCursor(page.order, cursorValueOf(page.order, rows[index]!.sort_value, product), product.id),
    page.after !== null,
  );
}

/** A page of products and, when asked for, every variant of each (by product id, in position order). */
export type ProductListing = Connection<Product> & { variants?: ReadonlyMap<string, ProductVariant[]> };

/**
 * The page's rows with each product's variants as a JSON array, in the same statement: a listing that
 * shows variants then costs one statement instead of two. Computed over the page only (the outer query),
 * so a search that sorts many matches does not aggregate variants for rows past the limit.
 */
function withVariants(inner: string, page: ProductPage, columns: ListingVariantColumns): string {
  const direction = page.descending ? 'desc' : 'asc';
  return `select x.*, (select ${listingVariantsSql(columns)} from product_variant v where v.product_id = x.id) as variants
      from (${inner}) x
      order by x.sort_value ${direction}, x.id ${direction}`;
}

/**
 * One page of the whole catalog, or of one category named by handle; with `variants`, each product's
 * variants too, with those columns (the caller primes its loader with them). Read with `ctx.read`: no EntityManager is forked.
 */
export async function listProducts(
  read: SqlRead,
  page: ProductPage,
  filter: { categoryHandle?: string | null } = {},
  options: { variants?: ListingVariantColumns } = {},
): Promise<ProductListing> {
  const statement = params();
  const scope =
    filter.categoryHandle == null
      ? null
      : `exists (select 1 from product_category pc join category c on c.id = pc.category_id
                 where pc.product_id = p.id and c.handle = ${statement.bind(filter.categoryHandle)})`;
  const query = pageQuery(page, statement, scope);
  const columns = options.variants;
  const rows = await read<PageRow>(columns ? withVariants(query, page, columns) : query, statement.values);
  const connection = toProductConnection(page, rows);
  if (!columns) return connection;
  const variants = new Map(rows.map((row) => [row.id as string, listingVariantsFromJson(row.variants, columns)]));
  // Assigned, not spread: a spread would read the connection's lazy cursors (kit/pagination.ts).
  return Object.assign(connection, { variants });
}

/**
 * The same page for several categories in one statement (a lateral subquery per category), so a list of
 * categories with their products costs one statement however many categories it shows.
 */
export async function listProductsOfCategories(
  read: SqlRead,
  page: ProductPage,
  categoryIds: readonly string[],
): Promise<Map<string, Connection<Product>>> {
  const statement = params();
  const categories = statement.bind(categoryIds);
  const inner = pageQuery(page, statement, `exists (select 1 from product_category pc where pc.product_id = p.id and pc.category_id = c.category_id)`);
  const rows = await read<PageRow>(
    `select c.category_id, x.* from unnest(${categories}::uuid[]) as c(category_id) cross join lateral (${inner}) x`,
    statement.values,
  );
  const byCategory = new Map<string, PageRow[]>(categoryIds.map((id) => [id, []]));
  for (const row of rows) byCategory.get(row.category_id as string)?.push(row);
  return new Map([...byCategory].map(([id, categoryRows]) => [id, toProductConnection(page, categoryRows)]));
}
