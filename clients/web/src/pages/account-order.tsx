/** One of the customer's orders, with its tracking timeline. */
import { Link } from '../../../app-kit/src/router.ts';
import { StorefrontOrderDocument } from '../../generated/graphql.ts';
import { OrderView } from '../components/order-view.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useQuery } from '../components/use-query.ts';
import { UserErrors } from '../components/user-errors.tsx';
import type { PageProps } from '../routes.ts';

export default function AccountOrderPage({ id }: PageProps) {
  const { data, error, loading } = useQuery(StorefrontOrderDocument, { id });
  const order = data?.order;
  usePageTitle(order ? `Order #${order.number}` : 'Order');
  return (
    <>
      <p>
        <Link href="/account">Back to your account</Link>
      </p>
      <h1>{order ? `Order #${order.number}` : 'Order'}</h1>
      <UserErrors errors={error} />
      {loading && !data && <p class="loading">Loading…</p>}
      {data && !order && <p>This order was not found in your account. Are you signed in as the customer who placed it?</p>}
      {order && <OrderView order={order} />}
    </>
  );
}
