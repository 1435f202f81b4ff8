/** Units free here and at the warehouse, in words (no colour-only signal): "Here 4 · Warehouse 37". */
import type { ItemStock } from '../sale/stock.ts';

export function StockNote({ stock, wanted = 0 }: { stock: ItemStock | undefined; wanted?: number }) {
  if (!stock) return null;
  if (stock.unknown) return <p class="stock">Stock unavailable right now</p>;
  const here = stock.store ?? 0;
  const short = wanted > here;
  return (
    <p class={short ? 'stock short' : 'stock'}>
      <span>Here {here}</span>
      <span aria-hidden="true"> · </span>
      <span>Warehouse {stock.warehouse ?? 0}</span>
      {short && <strong> — only {here} in this store</strong>}
    </p>
  );
}
