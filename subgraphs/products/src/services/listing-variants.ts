import type { ProductVariant } from '../entities/product-variant.entity.ts';
import { VARIANT_COLUMNS, variantFromValues } from './catalog-rows.ts';

/**
 * A listing's variants come in the page's own statement, one JSON array of arrays per product
 * (product-listing.service.ts): every column, or only what a product card shows (`card`), when the
 * operation asks nothing else of any variant (resolvers/variant-selection.ts).
 *
 * Why (issue 11): turning rows into JSON was most of PostgreSQL's work for a listing. Against
 * `json_agg(v)` (an object per row, every column), on the bench's catalog, one client repeating the
 * statement: arrays of every column 0.71 → 0.56-0.61 ms a statement, the card's columns 0.36-0.43 ms
 * (the page alone is 0.13). Timestamps and the options' jsonb cost the most to write out, and the
 * products service then parses less.
 */
export type ListingVariantColumns = 'all' | 'card';

const CARD_COLUMNS = 'v.id, v.product_id, v.title, v.price_minor, v.currency_code, v.position';

/** The aggregate over `product_variant v` that gives one product's variants, in position order. */
export function listingVariantsSql(columns: ListingVariantColumns): string {
  return `json_agg(json_build_array(${columns === 'card' ? CARD_COLUMNS : VARIANT_COLUMNS}) order by v.position)`;
}

/**
 * What a product card reads of a variant. Only an operation that asks for nothing more gets these
 * (variant-selection.ts), so no resolver of that request reads a property it lacks.
 */
class CardVariantRow {
  readonly id: string;
  readonly product: { id: string };
  readonly title: string;
  readonly priceMinor: number;
  readonly currencyCode: string;
  readonly position: number;

  constructor(v: readonly unknown[]) {
    this.id = v[0] as string;
    this.product = { id: v[1] as string };
    this.title = v[2] as string;
    this.priceMinor = v[3] as number;
    this.currencyCode = v[4] as string;
    this.position = v[5] as number;
  }
}

/** One product's variants from its `listingVariantsSql` value (null when it has none). */
export function listingVariantsFromJson(json: unknown, columns: ListingVariantColumns): ProductVariant[] {
  if (json == null) return [];
  const arrays = json as unknown[][];
  return columns === 'card' ? arrays.map((v) => new CardVariantRow(v) as unknown as ProductVariant) : arrays.map(variantFromValues);
}
