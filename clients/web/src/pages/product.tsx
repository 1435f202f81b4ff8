/**
 * A product: options, the chosen variant's price and live stock, and add to cart. Stock is polled (a
 * lean stock-only query) while the page is visible, and refreshed when the shopper comes back to the tab.
 */
import { useEffect, useState } from 'preact/hooks';
import { Link } from '../../../app-kit/src/router.ts';
import { StorefrontProductDocument, StorefrontProductStockDocument, type StorefrontProductQuery } from '../../generated/graphql.ts';
import { api, type UserErrorShape } from '../api.ts';
import { usePageTitle } from '../components/page-title.ts';
import { Price } from '../components/price.tsx';
import { ImagePlaceholder } from '../components/product-tile.tsx';
import { useQuery } from '../components/use-query.ts';
import { UserErrors } from '../components/user-errors.tsx';
import type { PageProps } from '../routes.ts';
import { addToCart } from '../state/cart.ts';
import { VariantPicker } from './variant-picker.tsx';

type Product = NonNullable<StorefrontProductQuery['product']>;
type Variant = Product['variants']['nodes'][number];
/** Null: stock could not be read just now (the API answers the rest of the page without it). */
type Stock = Record<string, { availableForSale: boolean | null; quantityAvailable: number | null }>;

const STOCK_POLL_MS = 20_000;

export default function ProductPage({ id: handle }: PageProps) {
  const { data, error, loading } = useQuery(StorefrontProductDocument, { handle });
  const product = data?.product ?? null;
  usePageTitle(product?.title ?? (loading ? null : 'Product not found'));
  if (error) return <UserErrors errors={error} />;
  if (!product) return loading ? <p class="loading">Loading…</p> : <NoSuchProduct />;
  return <ProductDetails product={product} />;
}

function NoSuchProduct() {
  return (
    <>
      <h1>Product not found</h1>
      <p>
        It may have been removed. <Link href="/products">Browse the shop</Link>.
      </p>
    </>
  );
}

function ProductDetails({ product }: { product: Product }) {
  const variants = product.variants.nodes;
  const [selected, setSelected] = useState<Variant>(variants.find((variant) => variant.availableForSale) ?? variants[0]!);
  const stock = useLiveStock(product.handle, variants);
  const live = stock[selected.id] ?? selected;
  return (
    <article class="product-page">
      <ImagePlaceholder title={product.title} />
      <div class="product-info">
        <h1>{product.title}</h1>
        <p class="product-price">
          <Price money={selected.price} />
        </p>
        <VariantPicker variants={variants.map((variant) => ({ ...variant, ...stock[variant.id] }))} selected={selected} onSelect={(variant) => setSelected(variant)} />
        <p class={live.availableForSale === null ? 'stock' : live.availableForSale ? 'stock in-stock' : 'stock sold-out'} aria-live="polite">
          {live.availableForSale === null ? 'Stock information is unavailable right now' : live.availableForSale ? `In stock: ${live.quantityAvailable} available` : 'Sold out'}
        </p>
        <AddToCartForm key={selected.id} variant={selected} available={live.availableForSale === null ? null : live.availableForSale ? (live.quantityAvailable ?? 0) : 0} />
        <p class="description">{product.description}</p>
      </div>
    </article>
  );
}

function useLiveStock(handle: string, initial: readonly Variant[]): Stock {
  const [stock, setStock] = useState<Stock>(() => Object.fromEntries(initial.map((variant) => [variant.id, variant])));
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      api.query(StorefrontProductStockDocument, { handle }).then(
        (data) => data.product && setStock(Object.fromEntries(data.product.variants.nodes.map((variant) => [variant.id, variant]))),
        () => undefined, // Keep showing the last known stock; the next poll tries again.
      );
    };
    const timer = setInterval(refresh, STOCK_POLL_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [handle]);
  return stock;
}

/** `available` null: unknown just now; the cart checks stock when the line is added. */
function AddToCartForm({ variant, available }: { variant: Variant; available: number | null }) {
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<readonly UserErrorShape[]>([]);
  const [added, setAdded] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setAdded(false);
    const result = await addToCart(variant.id, quantity);
    setErrors(result);
    setAdded(result.length === 0);
    setBusy(false);
  };
  return (
    <form class="add-to-cart" onSubmit={submit}>
      <div class="field quantity">
        <label for="quantity">Quantity</label>
        <input
          id="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          {...(available === null ? {} : { max: Math.max(available, 1) })}
          value={quantity}
          onInput={(event) => setQuantity(Math.max(1, Number(event.currentTarget.value) || 1))}
        />
      </div>
      <button type="submit" class="primary" disabled={busy || available === 0}>
        {available === 0 ? 'Sold out' : busy ? 'Adding…' : 'Add to cart'}
      </button>
      <UserErrors errors={errors} />
      {added && (
        <p class="notice" role="status">
          Added to your cart. <Link href="/cart">View cart</Link>
        </p>
      )}
    </form>
  );
}
