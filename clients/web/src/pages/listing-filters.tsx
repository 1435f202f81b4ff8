/** The listing's search box, category and sort: search on submit; category and sort apply on change. */
import { useEffect, useState } from 'preact/hooks';
import type { ProductSortKeys } from '../../generated/graphql.ts';

export const SORTS: Record<string, { label: string; sortKey: ProductSortKeys; reverse: boolean }> = {
  relevance: { label: 'Best match', sortKey: 'RELEVANCE', reverse: false },
  'title-asc': { label: 'Name, A to Z', sortKey: 'TITLE', reverse: false },
  'title-desc': { label: 'Name, Z to A', sortKey: 'TITLE', reverse: true },
  'price-asc': { label: 'Price, low to high', sortKey: 'PRICE', reverse: false },
  'price-desc': { label: 'Price, high to low', sortKey: 'PRICE', reverse: true },
  newest: { label: 'Newest', sortKey: 'CREATED_AT', reverse: true },
};

interface Props {
  query: string;
  category: string;
  sort: string;
  categories: readonly { handle: string; title: string }[];
  onChange(changes: Record<string, string>): void;
}

export function ListingFilters({ query, category, sort, categories, onChange }: Props) {
  const [text, setText] = useState(query);
  useEffect(() => setText(query), [query]);
  const select = (name: string) => (event: Event) => onChange({ [name]: (event.currentTarget as HTMLSelectElement).value });
  return (
    <form
      class="filters"
      role="search"
      aria-label="Filter products"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ q: text.trim() });
      }}
    >
      <div class="field">
        <label for="listing-query">Search</label>
        <input id="listing-query" type="search" value={text} onInput={(event) => setText(event.currentTarget.value)} />
      </div>
      <button type="submit">Search</button>
      <div class="field">
        <label for="listing-category">Category</label>
        <select id="listing-category" value={category} onChange={select('category')}>
          <option value="">All categories</option>
          {categories.map((node) => (
            <option key={node.handle} value={node.handle}>
              {node.title}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="listing-sort">Sort by</label>
        <select id="listing-sort" value={sort} onChange={select('sort')}>
          {Object.entries(SORTS).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
