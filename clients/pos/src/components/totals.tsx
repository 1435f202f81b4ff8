/**
 * The sale's amounts, as the API priced them (never recomputed here). A status (a polite live region): when
 * the total changes after a scan, a screen reader says the new total once the clerk pauses.
 */
import { formatMoney, toMinor, type Money } from '../../../app-kit/src/money.ts';

interface TotalsProps {
  cost: { subtotalAmount: Money; discountAmount: Money; totalTaxAmount: Money; totalAmount: Money } | null;
  quantity: number;
}

export function Totals({ cost, quantity }: TotalsProps) {
  return (
    <div class="totals" role="status" aria-label="Sale total" aria-atomic="true">
      {cost ? (
        <dl>
          <div>
            <dt>Subtotal ({quantity} item{quantity === 1 ? '' : 's'})</dt>
            <dd>{formatMoney(cost.subtotalAmount)}</dd>
          </div>
          {toMinor(cost.discountAmount.amount, cost.discountAmount.currencyCode) !== 0 && (
            <div>
              <dt>Discounts</dt>
              <dd>−{formatMoney(cost.discountAmount)}</dd>
            </div>
          )}
          <div>
            <dt>Tax</dt>
            <dd>{formatMoney(cost.totalTaxAmount)}</dd>
          </div>
          <div class="grand">
            <dt>Total</dt>
            <dd>{formatMoney(cost.totalAmount)}</dd>
          </div>
        </dl>
      ) : (
        <p class="grand">Total: nothing to pay yet</p>
      )}
    </div>
  );
}
