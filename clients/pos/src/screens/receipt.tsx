/**
 * The receipt of the last sale, as the API answered it (kept in sessionStorage, so a reload can still print
 * it). The print stylesheet keeps only the receipt itself.
 */
import { formatMoney, toMinor } from '../../../app-kit/src/money.ts';
import { Link } from '../../../app-kit/src/router.ts';
import { Screen } from '../components/screen.tsx';
import { loadReceipt } from '../sale/use-sale.ts';

const METHOD = { CASH: 'Cash', CARD_PRESENT: 'Card (present)', STRIPE: 'Card (online)' } as const;

export function Receipt() {
  const receipt = loadReceipt();
  if (!receipt) {
    return (
      <Screen title="Receipt">
        <p>No sale has been completed on this terminal yet.</p>
        <Link href="/sale" class="button primary">
          New sale
        </Link>
      </Screen>
    );
  }
  const { totals, payment } = receipt;
  const address = receipt.store.address;
  return (
    <Screen title="Sale complete" class="screen receipt-screen">
      {receipt.changeDue && (
        <p class="change-due" role="status">
          Change due: <strong>{formatMoney(receipt.changeDue)}</strong>
        </p>
      )}
      <article class="receipt" aria-labelledby="receipt-heading">
        <header>
          <h2 id="receipt-heading">Receipt</h2>
          <p>
            <strong>{receipt.store.name}</strong>
            {address && <br />}
            {address && [address.address1, address.city, address.provinceCode, address.zip].filter(Boolean).join(', ')}
          </p>
          <p>
            Order #{receipt.number} · {new Date(receipt.createdAt).toLocaleString()}
          </p>
        </header>
        <table>
          <caption class="sr-only">Items sold</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" class="num">
                Qty
              </th>
              <th scope="col" class="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {receipt.lines.map((line) => (
              <tr key={line.id}>
                <td>
                  {line.title}
                  <br />
                  <span class="muted">
                    {line.merchandise?.sku} · {formatMoney(line.unitPrice)} each
                  </span>
                </td>
                <td class="num">{line.quantity}</td>
                <td class="num">{formatMoney(line.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl class="receipt-totals">
          <Row label="Subtotal" value={formatMoney(totals.subtotal)} />
          {toMinor(totals.discounts.amount, totals.discounts.currencyCode) !== 0 && <Row label="Discounts" value={`−${formatMoney(totals.discounts)}`} />}
          <Row label="Tax" value={formatMoney(totals.tax)} />
          <Row label="Total" value={formatMoney(totals.total)} strong />
          <Row label={`Paid · ${METHOD[payment.method]}`} value={formatMoney(payment.tendered ?? payment.captured)} />
          {receipt.changeDue && <Row label="Change" value={formatMoney(receipt.changeDue)} />}
        </dl>
        <p class="thanks">Thank you for shopping with us.</p>
      </article>
      <div class="actions no-print">
        <button type="button" class="button secondary" onClick={() => window.print()}>
          Print receipt
        </button>
        <Link href="/sale" class="button primary">
          New sale
        </Link>
      </div>
    </Screen>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div class={strong ? 'grand' : undefined}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
