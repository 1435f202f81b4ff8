import type { SqlRead } from '#kit';
import type { Product, ProductStatus } from '../entities/product.entity.ts';
import type { ProductVariant, SelectedOptionValue, TaxClass } from '../entities/product-variant.entity.ts';

/**
 * Storefront reads as plain rows. A listing only serialises what it reads, so it skips the ORM's identity
 * map and hydration (registering and proxying each entity was a fifth of the products process's CPU per
 * listing). The objects have the entities' property names and types, so resolvers read them alike; they
 * are snapshots, never flushed: writes still load managed entities (services/*-write.service.ts).
 * Every value is a `$n` parameter, bound by PostgreSQL (kit's SqlRead); none is written into the SQL text.
 */

/** A product row from `product p`, in the order productFromRow reads it. */
export const PRODUCT_COLUMNS = `p.id, p.handle, p.title, p.description, p.price_min_minor, p.price_max_minor,
  p.currency_code, p.status, p.created_at, p.updated_at`;

/** Every column of a variant, in the order VariantRow takes them. */
export const VARIANT_COLUMNS = `v.id, v.product_id, v.sku, v.title, v.price_minor, v.currency_code, v.weight_grams,
  v.selected_options, v.tax_class, v.position, v.created_at, v.updated_at`;

/**
 * MikroORM has pg return timestamps as PostgreSQL's text (`2026-11-24 01:18:06.969+00`), em.map parsed them
 * so; inside JSON they are ISO 8601 text. Both parse as Date.
 */
function dateOf(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * A row's snapshot whose timestamps stay text until read: a listing never asks them, and parsing two per row
 * was a noticeable share of the products process's CPU per listing. Read once, they keep the Date.
 */
class TimestampedRow {
  #createdAt: Date | string;
  #updatedAt: Date | string;

  constructor(createdAt: unknown, updatedAt: unknown) {
    this.#createdAt = createdAt as Date | string;
    this.#updatedAt = updatedAt as Date | string;
  }

  get createdAt(): Date {
    return (this.#createdAt = dateOf(this.#createdAt));
  }

  get updatedAt(): Date {
    return (this.#updatedAt = dateOf(this.#updatedAt));
  }
}

/** A product row's snapshot (the entity's properties, timestamps parsed when read). */
class ProductRow extends TimestampedRow {
  readonly id: string;
  readonly handle: string;
  readonly title: string;
  readonly description: string;
  readonly priceMinMinor: number;
  readonly priceMaxMinor: number;
  readonly currencyCode: string;
  readonly status: ProductStatus;

  constructor(row: Record<string, unknown>) {
    super(row.created_at, row.updated_at);
    this.id = row.id as string;
    this.handle = row.handle as string;
    this.title = row.title as string;
    this.description = row.description as string;
    this.priceMinMinor = row.price_min_minor as number;
    this.priceMaxMinor = row.price_max_minor as number;
    this.currencyCode = row.currency_code as string;
    this.status = row.status as ProductStatus;
  }
}

/** A variant row's snapshot (the entity's properties, timestamps parsed when read). */
class VariantRow extends TimestampedRow {
  readonly id: string;
  // Resolvers only follow `variant.product.id` (to the productById loader), as they do on a Ref.
  readonly product: { id: string };
  readonly sku: string;
  readonly title: string;
  readonly priceMinor: number;
  readonly currencyCode: string;
  readonly weightGrams: number;
  readonly selectedOptions: SelectedOptionValue[];
  readonly taxClass: TaxClass;
  readonly position: number;

  // Positional, in VARIANT_COLUMNS' order: a row of a statement and an array of a listing's JSON both map here.
  constructor(
    id: unknown,
    productId: unknown,
    sku: unknown,
    title: unknown,
    priceMinor: unknown,
    currencyCode: unknown,
    weightGrams: unknown,
    selectedOptions: unknown,
    taxClass: unknown,
    position: unknown,
    createdAt: unknown,
    updatedAt: unknown,
  ) {
    super(createdAt, updatedAt);
    this.id = id as string;
    this.product = { id: productId as string };
    this.sku = sku as string;
    this.title = title as string;
    this.priceMinor = priceMinor as number;
    this.currencyCode = currencyCode as string;
    this.weightGrams = weightGrams as number;
    this.selectedOptions = selectedOptions as SelectedOptionValue[];
    this.taxClass = taxClass as TaxClass;
    this.position = position as number;
  }
}

export function productFromRow(row: Record<string, unknown>): Product {
  // Same properties as the entity; only the ORM's internals (which a read never uses) are absent.
  return new ProductRow(row) as unknown as Product;
}

function variantFromRow(row: Record<string, unknown>): ProductVariant {
  const { id, product_id, sku, title, price_minor, currency_code, weight_grams, selected_options, tax_class, position, created_at, updated_at } = row;
  return new VariantRow(id, product_id, sku, title, price_minor, currency_code, weight_grams, selected_options, tax_class, position, created_at, updated_at) as unknown as ProductVariant;
}

/** A variant as `json_build_array(VARIANT_COLUMNS)` gives it, inside a listing's JSON (listing-variants.ts). */
export function variantFromValues(v: readonly unknown[]): ProductVariant {
  return new VariantRow(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]) as unknown as ProductVariant;
}

/**
 * The active product with this handle (its unique index), for a product page: a plain row like a listing's,
 * where `em.findOne` forked an EntityManager and hydrated a managed entity for a page that only serialises it.
 */
export async function activeProductByHandle(read: SqlRead, handle: string): Promise<Product | null> {
  const [row] = await read(`select ${PRODUCT_COLUMNS} from product p where p.handle = $1 and p.status = 'ACTIVE'`, [handle]);
  return row ? productFromRow(row) : null;
}

export async function productsByIds(read: SqlRead, ids: readonly string[]): Promise<Product[]> {
  const rows = await read(`select ${PRODUCT_COLUMNS} from product p where p.id = any($1::uuid[])`, [ids]);
  return rows.map(productFromRow);
}

/**
 * Variants by id with their products, in one statement: a variant asked by reference (a cart's lines, an
 * order's) is nearly always asked for its product too (title, handle), which the productById loader would read
 * in a second statement. The product comes as JSON (`row_to_json`), its timestamps as ISO text.
 */
export async function variantsWithProductsByIds(read: SqlRead, ids: readonly string[]): Promise<{ variants: ProductVariant[]; products: Product[] }> {
  const rows = await read(
    `select ${VARIANT_COLUMNS}, row_to_json((select x from (select ${PRODUCT_COLUMNS}) x)) as product_row
     from product_variant v join product p on p.id = v.product_id where v.id = any($1::uuid[])`,
    [ids],
  );
  return { variants: rows.map(variantFromRow), products: rows.map((row) => productFromRow(row.product_row as Record<string, unknown>)) };
}

/** Every variant of these products, by product then position (the (product_id, position) unique index). */
export async function variantsOfProducts(read: SqlRead, productIds: readonly string[]): Promise<ProductVariant[]> {
  const rows = await read(
    `select ${VARIANT_COLUMNS} from product_variant v where v.product_id = any($1::uuid[]) order by v.product_id, v.position`,
    [productIds],
  );
  return rows.map(variantFromRow);
}
