/** The home page: the categories to browse and the newest products, in one request. */
import { Link } from '../../../app-kit/src/router.ts';
import { StorefrontHomeDocument } from '../../generated/graphql.ts';
import { usePageTitle } from '../components/page-title.ts';
import { ProductGrid } from '../components/product-tile.tsx';
import { useQuery } from '../components/use-query.ts';
import { UserErrors } from '../components/user-errors.tsx';

export function HomePage() {
  usePageTitle('Home');
  const { data, error, loading } = useQuery(StorefrontHomeDocument, { featured: 8 });
  return (
    <>
      <section class="hero">
        <h1>Everything for everyday, shipped fast</h1>
        <p>
          <Link href="/products" class="button">
            Shop all products
          </Link>
        </p>
      </section>
      <UserErrors errors={error} />
      {loading && !data && <p class="loading">Loading…</p>}
      {data && (
        <>
          <section aria-labelledby="categories-heading">
            <h2 id="categories-heading">Shop by category</h2>
            <ul class="category-list">
              {data.categories.nodes.map((category) => (
                <li key={category.id}>
                  <Link href={`/products?category=${encodeURIComponent(category.handle)}`}>{category.title}</Link>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="featured-heading">
            <h2 id="featured-heading">New arrivals</h2>
            <ProductGrid products={data.products.nodes} />
          </section>
        </>
      )}
    </>
  );
}
