/** The account: sign in or register; signed in, the customer's details and order history (one request). */
import { useEffect } from 'preact/hooks';
import { Link } from '../../../app-kit/src/router.ts';
import { StorefrontAccountDocument, type StorefrontAccountQuery } from '../../generated/graphql.ts';
import { formatDate, statusLabel } from '../components/order-view.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { Price } from '../components/price.tsx';
import { useQuery } from '../components/use-query.ts';
import { UserErrors } from '../components/user-errors.tsx';
import { accountOrderPath } from '../routes.ts';
import { adoptAccountCart } from '../state/account.ts';
import { session, signOut } from '../state/session.ts';
import { useStore } from '../state/store.ts';
import { RegisterForm, SignInForm } from './auth-forms.tsx';

type Orders = NonNullable<NonNullable<StorefrontAccountQuery['me']>['orders']>['nodes'];

export default function AccountPage() {
  const { token } = useStore(session);
  usePageTitle(token ? 'Your account' : 'Sign in');
  if (!token) {
    return (
      <>
        <h1>Sign in or create an account</h1>
        <div class="two-columns">
          <SignInForm />
          <RegisterForm />
        </div>
      </>
    );
  }
  return <AccountOverview />;
}

function AccountOverview() {
  const { data, error, loading } = useQuery(StorefrontAccountDocument, { orders: 20 });
  const me = data?.me;
  useEffect(() => {
    // A token that no longer works (expired) answers no customer: sign out rather than show an empty page.
    if (data && !me) signOut();
    adoptAccountCart(me?.cart);
  }, [data]);
  return (
    <>
      <h1>Your account</h1>
      <UserErrors errors={error} />
      {loading && !data && <p class="loading">Loading…</p>}
      {me && (
        <>
          <section aria-labelledby="details-heading" class="panel">
            <h2 id="details-heading">Details</h2>
            <p>
              {me.displayName} · {me.email}
            </p>
            {me.defaultAddress && <p class="hint">Default address: {me.defaultAddress.formatted.join(', ')}</p>}
            <p class="actions">
              <Link href="/account/addresses" class="button">
                Address book
              </Link>
              <button type="button" onClick={signOut}>
                Sign out
              </button>
            </p>
          </section>
          <OrderHistory orders={me.orders?.nodes ?? []} />
        </>
      )}
    </>
  );
}

function OrderHistory({ orders }: { orders: Orders }) {
  return (
    <section aria-labelledby="orders-heading">
      <h2 id="orders-heading">Order history</h2>
      {orders.length === 0 && <p>No orders yet.</p>}
      <ul class="order-history">
        {orders.map((order) => (
          <li key={order.id}>
            <Link href={accountOrderPath(order.id)}>Order #{order.number}</Link>
            <span>{formatDate(order.createdAt)}</span>
            <span>{statusLabel(order.status)}</span>
            <Price money={order.totals.total} />
            <span class="hint">{order.lines.map((line) => `${line.quantity} × ${line.title}`).join(', ')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
