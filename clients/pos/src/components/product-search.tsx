/**
 * Finding an item without its label: a full-text search over titles and descriptions, each variant with
 * its price and its stock here and at the warehouse, and a button to add it.
 */
import { useState } from 'preact/hooks';
import { formatMoney } from '../../../app-kit/src/money.ts';
import { ProductLookupDocument, type ProductLookupQuery } from '../../generated/graphql.ts';
import { describeFailure, staff, type UserError } from '../api.ts';
import type { Terminal } from '../session.ts';
import { stockAt } from '../sale/stock.ts';
import type { SaleItem } from '../sale/use-sale.ts';
import { ErrorText, Field } from './field.tsx';
import { StockNote } from './stock-note.tsx';

type Product = ProductLookupQuery['products']['nodes'][number];

interface ProductSearchProps {
  terminal: Terminal;
  onAdd: (item: SaleItem) => Promise<UserError[]>;
}

export function ProductSearch({ terminal, onAdd }: ProductSearchProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Product[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<Record<string, string>>({});

  async function search(event: SubmitEvent) {
    event.preventDefault();
    if (!query.trim()) return;
    setFailure(null);
    setRefusals({});
    try {
      setResults((await staff.query(ProductLookupDocument, { query: query.trim(), first: 8 })).products.nodes);
    } catch (error) {
      setFailure(describeFailure(error));
    }
  }

  async function add(item: SaleItem) {
    const refused = await onAdd(item);
    setRefusals((shown) => ({ ...shown, [item.id]: refused.map((error) => error.message).join(' ') }));
  }

  return (
    <section class="search" aria-labelledby="search-heading">
      <h2 id="search-heading">Search</h2>
      <form class="inline-form" onSubmit={search} role="search">
        <Field id="search" label="Search products" type="search" autoComplete="off" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
        <button type="submit" class="button secondary">
          Search
        </button>
      </form>
      <ErrorText message={failure} />
      {results !== null && (
        <p role="status" class="muted">
          {results.length === 0 ? `Nothing matches “${query}”.` : `${results.length} product${results.length === 1 ? '' : 's'} found.`}
        </p>
      )}
      <ul class="results">
        {results?.flatMap((product) =>
          product.variants.nodes.map((variant) => (
            <li key={variant.id} class="result">
              <div class="result-text">
                <strong>{product.title}</strong>
                <span class="muted">
                  {variant.title} · SKU {variant.sku} · {formatMoney(variant.price)}
                </span>
                <StockNote stock={stockAt(variant.stockLevels, terminal)} />
                <ErrorText message={refusals[variant.id]} />
              </div>
              <button type="button" class="button secondary" aria-label={`Add ${product.title}, ${variant.title}`} onClick={() => add(variant)}>
                Add
              </button>
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
