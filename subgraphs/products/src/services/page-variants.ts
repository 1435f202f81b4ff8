import type { ProductVariant } from '../entities/product-variant.entity.ts';
import type { Product } from '../entities/product.entity.ts';

/**
 * The variants a listing's own statement brought with each product of the page, keyed by the product's row
 * object: rows are made for one request, so an entry lives as long as the request's products do.
 *
 * Why (issue 11): `Product.variants` answers from here synchronously. Through the loader (primed with the same
 * arrays) it returned a promise per product, and graphql-jit then resolved each product's variants, and
 * every field below them, in a continuation of its own.
 */
const pageVariants = new WeakMap<Product, ProductVariant[]>();

export function rememberPageVariants(product: Product, variants: ProductVariant[]): void {
  pageVariants.set(product, variants);
}

export function pageVariantsOf(product: Product): ProductVariant[] | undefined {
  return pageVariants.get(product);
}
