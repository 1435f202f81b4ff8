/**
 * The order after payment. The card is confirmed before Stripe's webhook marks the order PAID, so the page
 * polls until it leaves PENDING_PAYMENT. A guest cannot read the order back (only its customer and staff
 * can); for them the page watches the cart it came from, completed once the order is paid.
 */
import { useEffect, useState } from 'preact/hooks';
import { Link } from '../../../app-kit/src/router.ts';
import { StorefrontCartCompletionDocument, StorefrontOrderDocument } from '../../generated/graphql.ts';
import { api } from '../api.ts';
import { OrderView, type OrderData } from '../components/order-view.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { Price } from '../components/price.tsx';
import type { PageProps } from '../routes.ts';
import { readLastOrder } from '../state/checkout-attempt.ts';

const POLL_MS = 1_000;
const GIVE_UP_AFTER = 60;

export default function OrderPage({ id, params }: PageProps) {
  const [order, setOrder] = useState<OrderData | null>(null);
  const [guestPaid, setGuestPaid] = useState(false);
  const [timedOut, setTimedOut] = useState(false);
  const last = readLastOrder(id);
  const cartId = params.get('cart') ?? last?.cartId ?? null;
  usePageTitle(order ? `Order #${order.number}` : 'Your order');

  useEffect(() => {
    let polls = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      polls += 1;
      const found = await api.query(StorefrontOrderDocument, { id }).then((data) => data.order, () => null);
      if (found) setOrder(found);
      let done = found !== null && found.status !== 'PENDING_PAYMENT';
      if (!found && cartId) {
        const cart = await api.query(StorefrontCartCompletionDocument, { id: cartId }).then((data) => data.cart, () => null);
        done = Boolean(cart?.completedAt);
        setGuestPaid(done);
      }
      if (done) return;
      if (polls >= GIVE_UP_AFTER) return setTimedOut(true);
      timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => clearTimeout(timer);
  }, [id]);

  const number = order?.number ?? last?.number;
  const paid = order ? order.status !== 'PENDING_PAYMENT' : guestPaid;
  return (
    <>
      <h1>{number ? `Order #${number}` : 'Your order'}</h1>
      <p class="notice" role="status">
        {paid ? 'Thank you! Your payment was received.' : timedOut ? 'We are still waiting for the payment to be confirmed. Reload this page in a minute.' : 'Confirming your payment…'}
      </p>
      {order && <OrderView order={order} />}
      {!order && last && (
        <p>
          Total: <Price money={last.total} /> A confirmation is on its way by email.
        </p>
      )}
      <p>
        <Link href="/products">Continue shopping</Link>
      </p>
    </>
  );
}
