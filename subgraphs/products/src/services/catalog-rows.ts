import type { EntityManager } from '@mikro-orm/postgresql';
import type { Product, ProductStatus } from '../entities/product.entity.ts';
import type { ProductVariant, SelectedOptionValue, TaxClass } from '../entities/product-variant.entity.ts';

/**
 * Storefront reads as plain rows. A listing only serialises what it reads, so it skips the ORM's identity
 * map and hydration (registering and proxying each entity was a fifth of the products process's CPU per
 * listing). The objects have the entities' property names and types, so resolvers read them alike; they
 * are snapshots, never flushed: writes still load managed entities (services/*-write.service.ts).
 * Every value is a `?` parameter, which MikroORM escapes with PostgreSQL's literal rules.
 */

/** A product row from `product p`, in the order productFromRow reads it. */
export const PRODUCT_COLUMNS = `p.id, p.handle, p.title, p.description, p.price_min_minor, p.price_max_minor,
  p.currency_code, p.status, p.created_at, p.updated_at`;

const VARIANT_COLUMNS = `v.id, v.product_id, v.sku, v.title, v.price_minor, v.currency_code, v.weight_grams,
  v.selected_options, v.tax_class, v.position, v.created_at, v.updated_at`;

/**
 * MikroORM has pg return timestamps as PostgreSQL's text (`2026-11-24 01:18:06.969+00`), em.map parsed them
 * so; inside JSON they are ISO 8601 text. Both parse as Date.
 */
function dateOf(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string);
}

export function productFromRow(row: Record<string, unknown>): Product {
  const product = {
    id: row.id as string,
    handle: row.handle as string,
    title: row.title as string,
    description: row.description as string,
    priceMinMinor: row.price_min_minor as number,
    priceMaxMinor: row.price_max_minor as number,
    currencyCode: row.currency_code as string,
    status: row.status as ProductStatus,
    createdAt: dateOf(row.created_at),
    updatedAt: dateOf(row.updated_at),
  };
  // Same properties as the entity; only the ORM's internals (which a read never uses) are absent.
  return product as Product;
}

function variantFromRow(row: Record<string, unknown>): ProductVariant {
  const variant = {
    id: row.id as string,
    // Resolvers only follow `variant.product.id` (to the productById loader), as they do on a Ref.
    product: { id: row.product_id as string },
    sku: row.sku as string,
    title: row.title as string,
    priceMinor: row.price_minor as number,
    currencyCode: row.currency_code as string,
    weightGrams: row.weight_grams as number,
    selectedOptions: row.selected_options as SelectedOptionValue[],
    taxClass: row.tax_class as TaxClass,
    position: row.position as number,
    createdAt: dateOf(row.created_at),
    updatedAt: dateOf(row.updated_at),
  };
  return variant as unknown as ProductVariant;
}

/** A product's variants as `json_agg(v order by v.position)` gives them (null when it has none). */
export function variantsFromJson(json: unknown): ProductVariant[] {
  return json == null ? [] : (json as Record<string, unknown>[]).map(variantFromRow);
}

export async function productsByIds(em: EntityManager, ids: readonly string[]): Promise<Product[]> {
  const rows = await em.execute<Record<string, unknown>[]>(`select ${PRODUCT_COLUMNS} from product p where p.id in (?)`, [ids]);
  return rows.map(productFromRow);
}

export async function variantsByIds(em: EntityManager, ids: readonly string[]): Promise<ProductVariant[]> {
  const rows = await em.execute<Record<string, unknown>[]>(`select ${VARIANT_COLUMNS} from product_variant v where v.id in (?)`, [ids]);
  return rows.map(variantFromRow);
}

/** Every variant of these products, by product then position (the (product_id, position) unique index). */
export async function variantsOfProducts(em: EntityManager, productIds: readonly string[]): Promise<ProductVariant[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select ${VARIANT_COLUMNS} from product_variant v where v.product_id in (?) order by v.product_id, v.position`,
    [productIds],
  );
  return rows.map(variantFromRow);
}
