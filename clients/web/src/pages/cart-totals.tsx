/** The API's totals as they are: subtotal, discounts, shipping, tax and total. */
import { Price } from '../components/price.tsx';
import type { Cart } from '../state/cart.ts';

export function CartTotals({ cost }: { cost: Cart['cost'] }) {
  return (
    <dl class="totals">
      <dt>Subtotal</dt>
      <dd>
        <Price money={cost.subtotalAmount} />
      </dd>
      <dt>Discounts</dt>
      <dd>
        <Price money={cost.discountAmount} deduction />
      </dd>
      <dt>Shipping</dt>
      <dd>
        <Price money={cost.shippingAmount} />
      </dd>
      <dt>Tax</dt>
      <dd>
        <Price money={cost.totalTaxAmount} />
      </dd>
      <dt class="total">Total</dt>
      <dd class="total" data-testid="cart-total">
        <Price money={cost.totalAmount} />
      </dd>
    </dl>
  );
}
