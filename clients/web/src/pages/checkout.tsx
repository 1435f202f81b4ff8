/**
 * Checkout: place the order (checkoutComplete, with the attempt's idempotency key), then pay it with its
 * PaymentIntent's client secret: Stripe's Payment Element when the gateway gives a publishable key, the
 * local test-card form offline. Paid, the shopper goes to the order page, which waits for the webhook.
 */
import { useEffect, useState } from 'preact/hooks';
import { Link, navigate } from '../../../app-kit/src/router.ts';
import { readPaymentsConfig } from '../../../app-kit/src/payments.ts';
import { CartBuyerIdentityUpdateDocument, CheckoutCompleteDocument, type CheckoutCompleteMutation } from '../../generated/graphql.ts';
import { api, describeError, type UserErrorShape } from '../api.ts';
import { usePageTitle } from '../components/page-title.ts';
import { Price } from '../components/price.tsx';
import { UserErrors } from '../components/user-errors.tsx';
import { orderPath } from '../routes.ts';
import { cartState, loadCart } from '../state/cart.ts';
import { attemptKey, endAttempt, hasAttempt, saveLastOrder } from '../state/checkout-attempt.ts';
import { rememberCart } from '../state/session.ts';
import { useStore } from '../state/store.ts';
import { CartTotals } from './cart-totals.tsx';
import { PaymentStep } from './payment-step.tsx';

type Placed = NonNullable<CheckoutCompleteMutation['checkoutComplete']['order']> & { clientSecret: string };

export default function CheckoutPage() {
  usePageTitle('Checkout');
  const { cart, loading } = useStore(cartState);
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [errors, setErrors] = useState<readonly UserErrorShape[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void loadCart();
  }, []);

  const place = async () => {
    if (!cart) return;
    setBusy(true);
    setErrors([]);
    try {
      let payload = await completeWhenOpen(cart.id);
      // A guest cart checked out after signing in: add it to the account, then the same attempt again.
      if (payload.userErrors.some((error) => error.code === 'CART_NOT_CLAIMED')) {
        await api.mutate(CartBuyerIdentityUpdateDocument, { cartId: cart.id, buyerIdentity: {} });
        payload = await completeWhenOpen(cart.id);
      }
      const { order, paymentIntentClientSecret } = payload;
      if (order && paymentIntentClientSecret) {
        saveLastOrder({ id: order.id, number: order.number, cartId: cart.id, total: order.totals.total });
        setPlaced({ ...order, clientSecret: paymentIntentClientSecret });
      } else {
        endAttempt(cart.id);
        setErrors(payload.userErrors);
      }
    } catch (error) {
      // The order may exist: the attempt (and its key) stays, so "Try again" answers that order, never a second.
      setErrors([{ message: `${describeError(error)} Trying again is safe: it cannot place a second order.`, code: 'REQUEST_FAILED' }]);
    }
    setBusy(false);
  };
  // Back on this page mid-attempt (a reload): the same key answers the same order, so resume it.
  useEffect(() => {
    if (cart && !placed && !busy && hasAttempt(cart.id)) void place();
  }, [cart?.id]);

  const declined = (message: string) => {
    if (cart) endAttempt(cart.id);
    setPlaced(null);
    setErrors([{ message: `${message} Nothing was charged and that order was cancelled: place the order again to pay with another card.`, code: 'DECLINED' }]);
  };
  const paid = () => {
    if (!placed || !cart) return;
    endAttempt(cart.id);
    rememberCart(null);
    navigate(`${orderPath(placed.id)}?cart=${encodeURIComponent(cart.id)}`);
  };

  if (!placed && (!cart || cart.lines.length === 0)) {
    return (
      <>
        <h1>Checkout</h1>
        {loading ? <p class="loading">Loading…</p> : <p>Your cart is empty. <Link href="/products">Continue shopping</Link>.</p>}
      </>
    );
  }
  return (
    <>
      <h1>Checkout</h1>
      {placed ? (
        <section aria-labelledby="payment-heading">
          <h2 id="payment-heading">Payment for order #{placed.number}</h2>
          <p>
            Amount due: <Price money={placed.totals.total} class="price strong" />
          </p>
          <PaymentStep config={readPaymentsConfig()} clientSecret={placed.clientSecret} amount={placed.totals.total} orderId={placed.id} onPaid={paid} onDeclined={declined} />
        </section>
      ) : (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">Review your order</h2>
          <CartTotals cost={cart!.cost} />
          <UserErrors errors={errors} label={errors[0]?.code === 'DECLINED' ? 'Payment failed:' : 'Your order was not placed:'} />
          {errors.length > 0 && !['REQUEST_FAILED', 'DECLINED'].includes(errors[0]!.code) && <p><Link href="/cart">Review your cart</Link></p>}
          <button type="button" class="primary" disabled={busy} onClick={place}>
            {busy ? 'Placing order…' : errors[0]?.code === 'REQUEST_FAILED' ? 'Try again' : 'Place order and pay'}
          </button>
        </section>
      )}
    </>
  );
}

async function complete(cartId: string) {
  const data = await api.mutate(CheckoutCompleteDocument, { cartId, idempotencyKey: attemptKey(cartId) });
  return data.checkoutComplete;
}

/**
 * After a declined card the cancelled order releases its cart a moment later (an event): until then a new
 * checkout answers CART_CHECKOUT_IN_PROGRESS, so wait and try again for a few seconds before saying so.
 */
async function completeWhenOpen(cartId: string) {
  for (let attempt = 0; ; attempt += 1) {
    const payload = await complete(cartId);
    if (attempt >= 10 || !payload.userErrors.some((error) => error.code === 'CART_CHECKOUT_IN_PROGRESS')) return payload;
    endAttempt(cartId);
    await new Promise((resolve) => setTimeout(resolve, 500 + attempt * 250));
  }
}
