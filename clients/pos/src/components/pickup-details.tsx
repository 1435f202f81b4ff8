/** An online order as the clerk checks it before handing it over: who, what, whether it is paid and collectable. */
import type { ComponentChildren } from 'preact';
import { formatMoney } from '../../../app-kit/src/money.ts';
import type { PickupOrder } from '../pickup/find-order.ts';

const STATUS: Record<PickupOrder['status'], string> = {
  PENDING_PAYMENT: 'Awaiting payment',
  PAID: 'Paid, ready to collect',
  PARTIALLY_FULFILLED: 'Partly shipped',
  FULFILLED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  REFUNDED: 'Refunded',
};

export function PickupDetails({ order, children }: { order: PickupOrder; children: ComponentChildren }) {
  return (
    <section class="order" aria-labelledby="order-heading">
      <h2 id="order-heading">Order #{order.number}</h2>
      <dl class="facts">
        <div>
          <dt>Status</dt>
          <dd>
            {STATUS[order.status]}
            {order.held && ' — held by a risk check: a manager must approve it first'}
          </dd>
        </div>
        <div>
          <dt>Customer</dt>
          <dd>{order.customer ? `${order.customer.displayName} (${order.customer.email})` : 'Guest'}</dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd>{order.payment.captured ? formatMoney(order.payment.captured) : 'Not yet'} of {formatMoney(order.totals.total)}</dd>
        </div>
        {order.location && (
          <div>
            <dt>Handed over at</dt>
            <dd>{order.location.name}</dd>
          </div>
        )}
      </dl>
      <table>
        <caption class="sr-only">Items in order #{order.number}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">SKU</th>
            <th scope="col" class="num">
              Qty
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <td>{line.title}</td>
              <td>{line.merchandise?.sku ?? '—'}</td>
              <td class="num">{line.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </section>
  );
}
