/** The sale: scan or search on the left, the sale's lines and totals on the right, then payment. */
import { useState } from 'preact/hooks';
import { navigate } from '../../../app-kit/src/router.ts';
import { ErrorText } from '../components/field.tsx';
import { ProductSearch } from '../components/product-search.tsx';
import { SaleLines } from '../components/sale-lines.tsx';
import { Screen } from '../components/screen.tsx';
import { SkuScan } from '../components/sku-scan.tsx';
import { Totals } from '../components/totals.tsx';
import type { Terminal } from '../session.ts';
import type { Sale as SaleState } from '../sale/use-sale.ts';

export function Sale({ terminal, sale }: { terminal: Terminal; sale: SaleState }) {
  const lines = sale.cart?.lines.length ?? 0;
  // Voiding takes two taps: one stray touch must not throw away a sale.
  const [confirmVoid, setConfirmVoid] = useState(false);
  const voidSale = () => {
    if (!confirmVoid) return setConfirmVoid(true);
    setConfirmVoid(false);
    sale.clear();
  };
  return (
    <Screen title="Sale" keepFocus class="screen sale">
      <div class="find">
        <SkuScan onAdd={sale.add} />
        <ProductSearch terminal={terminal} onAdd={sale.add} />
      </div>
      <section class="basket" aria-labelledby="basket-heading">
        <h2 id="basket-heading">This sale</h2>
        <SaleLines sale={sale} />
        <ErrorText message={sale.failure} />
        {sale.cart?.warnings
          .filter((warning) => warning.code.startsWith('MERCHANDISE_') || warning.code.startsWith('DISCOUNT_'))
          .map((warning) => (
            <p key={`${warning.code}-${warning.target}`} class="warning">
              {warning.message}
            </p>
          ))}
        <Totals cost={sale.cart?.cost ?? null} quantity={sale.cart?.totalQuantity ?? 0} />
        <div class="actions">
          <button type="button" class="button secondary" disabled={lines === 0 || sale.busy} onClick={voidSale} onBlur={() => setConfirmVoid(false)}>
            {confirmVoid ? 'Tap again to void' : 'Void sale'}
          </button>
          <button type="button" class="button primary" disabled={lines === 0 || sale.busy} onClick={() => navigate('/pay')}>
            Take payment
          </button>
        </div>
      </section>
    </Screen>
  );
}
