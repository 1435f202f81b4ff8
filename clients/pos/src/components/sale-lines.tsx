/** The lines of the sale: each item, its stock here and at the warehouse, − / + for the quantity, and remove. */
import { formatMoney } from '../../../app-kit/src/money.ts';
import type { PosCartFragment } from '../../generated/graphql.ts';
import type { Sale } from '../sale/use-sale.ts';
import { ErrorText } from './field.tsx';
import { StockNote } from './stock-note.tsx';

type Line = PosCartFragment['lines'][number];

export function SaleLines({ sale }: { sale: Sale }) {
  const lines = sale.cart?.lines ?? [];
  if (lines.length === 0) return <p class="empty">No items yet. Scan a label or search.</p>;
  return (
    <ul class="lines" aria-label="Items in this sale">
      {lines.map((line) => (
        <SaleLine key={line.id} line={line} sale={sale} />
      ))}
    </ul>
  );
}

function SaleLine({ line, sale }: { line: Line; sale: Sale }) {
  const name = `${line.merchandise.product.title}, ${line.merchandise.title}`;
  const errorId = `line-error-${line.id}`;
  const error = sale.lineErrors[line.id];
  return (
    <li class="line" aria-describedby={error ? errorId : undefined}>
      <div class="line-text">
        <strong>{line.merchandise.product.title}</strong>
        <span class="muted">
          {line.merchandise.title} · SKU {line.merchandise.sku} · {formatMoney(line.cost.amountPerQuantity)} each
        </span>
        <StockNote stock={sale.stock[line.merchandise.id]} wanted={line.quantity} />
        <ErrorText id={errorId} message={error} />
      </div>
      <div class="line-controls">
        <div class="stepper" role="group" aria-label={`Quantity of ${name}`}>
          <button type="button" class="button icon" aria-label={`One fewer ${name}`} disabled={sale.busy || line.quantity <= 1} onClick={() => sale.setQuantity(line.id, line.quantity - 1)}>
            −
          </button>
          <output class="quantity" aria-label={`Quantity of ${name}`}>
            {line.quantity}
          </output>
          <button type="button" class="button icon" aria-label={`One more ${name}`} disabled={sale.busy} onClick={() => sale.setQuantity(line.id, line.quantity + 1)}>
            +
          </button>
        </div>
        <span class="line-total">{formatMoney(line.cost.totalAmount)}</span>
        <button type="button" class="button secondary" aria-label={`Remove ${name}`} disabled={sale.busy} onClick={() => sale.remove(line.id)}>
          Remove
        </button>
      </div>
    </li>
  );
}
