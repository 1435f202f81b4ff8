/**
 * A ProductVariant as this subgraph resolves it: only its id. Inventory never reads the products schema;
 * everything it says about a variant comes from its own stock rows, loaded per request in batches.
 */
export interface VariantRef {
  /** The variant's uuid (the local part of `gid://commerce/ProductVariant/<uuid>`). */
  variantId: string;
  /** Units sellable online, when the reference was resolved for a request that asks it (resolvers/product-variant.ts). */
  available?: number;
}
