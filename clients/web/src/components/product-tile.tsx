/** A product in a grid: a neutral placeholder (the catalog has no images), its title and lowest price. */
import { Link } from '../../../app-kit/src/router.ts';
import type { StorefrontProductTileFragment } from '../../generated/graphql.ts';
import { productPath } from '../routes.ts';
import { Price } from './price.tsx';

export function ProductGrid({ products }: { products: readonly StorefrontProductTileFragment[] }) {
  return (
    <ul class="product-grid">
      {products.map((product) => (
        <li key={product.id}>
          <ProductTile product={product} />
        </li>
      ))}
    </ul>
  );
}

function ProductTile({ product }: { product: StorefrontProductTileFragment }) {
  return (
    <article class="product-tile">
      <ImagePlaceholder title={product.title} />
      <h3>
        <Link href={productPath(product.handle)}>{product.title}</Link>
      </h3>
      <p>
        <span class="from">From </span>
        <Price money={product.priceRange.minVariantPrice} />
      </p>
    </article>
  );
}

/** Drawn with CSS from the title's first letter: no image request, nothing for a screen reader to read. */
export function ImagePlaceholder({ title }: { title: string }) {
  return (
    <div class="image-placeholder" aria-hidden="true">
      <span>{title.trim().charAt(0).toUpperCase()}</span>
    </div>
  );
}
