/**
 * The product listing: search, category filter, sort, and cursor paging. Everything is in the URL, so
 * the browser's back button and a shared link give the same page. The API pages forward only (`after`),
 * so the URL also carries the trail of earlier pages' cursors that "Previous" walks back.
 */
import { navigate } from '../../../app-kit/src/router.ts';
import { StorefrontListingDocument } from '../../generated/graphql.ts';
import { usePageTitle } from '../components/page-title.ts';
import { ProductGrid } from '../components/product-tile.tsx';
import { useQuery } from '../components/use-query.ts';
import { UserErrors } from '../components/user-errors.tsx';
import type { PageProps } from '../routes.ts';
import { ListingFilters, SORTS } from './listing-filters.tsx';


const PAGE_SIZE = 12;
/** Stands for the first page (no cursor) in the trail. */
const FIRST = '-';

export function ListingPage({ params }: PageProps) {
  const query = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const sort = SORTS[params.get('sort') ?? ''] ? params.get('sort')! : 'relevance';
  const after = params.get('after') ?? '';
  const trail = (params.get('trail') ?? '').split('.').filter(Boolean);
  const { sortKey, reverse } = SORTS[sort]!;
  const { data, error, loading } = useQuery(StorefrontListingDocument, {
    query: query || null,
    categoryHandle: category || null,
    first: PAGE_SIZE,
    after: after || null,
    sortKey,
    reverse,
  });
  const categoryTitle = data?.categories.nodes.find((node) => node.handle === category)?.title;
  const heading = query ? `Results for “${query}”` : (categoryTitle ?? 'All products');
  usePageTitle(heading);

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams({ q: query, category, sort, after, trail: trail.join('.'), ...changes });
    for (const [key, value] of [...next]) if (!value || (key === 'sort' && value === 'relevance')) next.delete(key);
    navigate(`/products?${next}`);
  };
  const nextPage = (cursor: string) => go({ after: cursor, trail: [...trail, after || FIRST].join('.') });
  const previousPage = () => {
    const previous = trail[trail.length - 1] ?? FIRST;
    go({ after: previous === FIRST ? '' : previous, trail: trail.slice(0, -1).join('.') });
  };
  const products = data?.products.nodes ?? [];
  const pageNumber = trail.length + 1;

  return (
    <>
      <h1>{heading}</h1>
      <ListingFilters
        query={query}
        category={category}
        sort={sort}
        categories={data?.categories.nodes ?? []}
        onChange={(changes) => go({ ...changes, after: '', trail: '' })}
      />
      <UserErrors errors={error} />
      <div aria-live="polite" aria-busy={loading}>
        {/* While the next page loads the old one stays, dimmed; the summary says so rather than mislabel it. */}
        {loading ? (
          <p class="loading">Loading…</p>
        ) : (
          <p class="result-summary">
            {products.length === 0 ? 'No products match.' : `Page ${pageNumber}: ${products.length} ${products.length === 1 ? 'product' : 'products'}.`}
          </p>
        )}
      </div>
      <h2 class="visually-hidden">Products</h2>
      <div class={loading ? 'stale' : undefined}>
        <ProductGrid products={products} />
      </div>
      <nav class="pager" aria-label="Pagination">
        <button type="button" onClick={previousPage} disabled={trail.length === 0}>
          Previous page
        </button>
        <span>Page {pageNumber}</span>
        <button type="button" onClick={() => data?.products.pageInfo.endCursor && nextPage(data.products.pageInfo.endCursor)} disabled={!data?.products.pageInfo.hasNextPage}>
          Next page
        </button>
      </nav>
    </>
  );
}
