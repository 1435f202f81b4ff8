/**
 * The cart: lines, discount code, where it ships and how, warnings and totals. Each section runs its own
 * mutation; every answer replaces the whole cart, so totals always are the API's.
 */
import { useEffect } from 'preact/hooks';
import { Link } from '../../../app-kit/src/router.ts';
import { usePageTitle } from '../components/page-title.ts';
import { UserErrors } from '../components/user-errors.tsx';
import { cartState, loadCart } from '../state/cart.ts';
import { useStore } from '../state/store.ts';
import { CartDiscount } from './cart-discount.tsx';
import { CartLines } from './cart-lines.tsx';
import { CartTotals } from './cart-totals.tsx';
import { CartWarnings } from './cart-warnings.tsx';
import { ShippingAddressForm } from './shipping-address-form.tsx';
import { ShippingOptions } from './shipping-options.tsx';

export default function CartPage() {
  usePageTitle('Your cart');
  const { cart, loading, error } = useStore(cartState);
  useEffect(() => {
    void loadCart();
  }, []);

  if (!cart || cart.lines.length === 0) {
    return (
      <>
        <h1>Your cart</h1>
        <UserErrors errors={error} />
        {loading ? (
          <p class="loading">Loading…</p>
        ) : (
          <p>
            Your cart is empty. <Link href="/products">Continue shopping</Link>.
          </p>
        )}
      </>
    );
  }
  const ready = cart.shippingAddress !== null && cart.selectedShippingOption !== null;
  return (
    <>
      <h1>Your cart</h1>
      <UserErrors errors={error} />
      <CartWarnings warnings={cart.warnings} />
      <div class="cart-layout">
        <div class="cart-main">
          <CartLines cart={cart} />
          <CartDiscount cart={cart} />
          <ShippingAddressForm cart={cart} />
          <ShippingOptions cart={cart} />
        </div>
        <aside class="cart-summary" aria-labelledby="summary-heading">
          <h2 id="summary-heading">Order summary</h2>
          <CartTotals cost={cart.cost} />
          {ready ? (
            <Link href="/checkout" class="button primary">
              Checkout
            </Link>
          ) : (
            <p class="hint">Enter a shipping address and choose a shipping method to check out.</p>
          )}
        </aside>
      </div>
    </>
  );
}
