/** An order as the shopper sees it: status, lines, totals, address, and each shipment's tracking timeline. */
import { type StorefrontOrderQuery } from '../../generated/graphql.ts';
import { Price } from './price.tsx';

export type OrderData = NonNullable<StorefrontOrderQuery['order']>;

const STATUS: Record<string, string> = {
  PENDING_PAYMENT: 'Awaiting payment',
  PAID: 'Paid',
  PARTIALLY_FULFILLED: 'Partly shipped',
  FULFILLED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  REFUNDED: 'Refunded',
  LABEL_CREATED: 'Label created',
  IN_TRANSIT: 'In transit',
  OUT_FOR_DELIVERY: 'Out for delivery',
  EXCEPTION: 'Delivery problem',
};

export const statusLabel = (status: string) => STATUS[status] ?? status;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatDate = (iso: string) => dateTime.format(new Date(iso));

export function OrderView({ order }: { order: OrderData }) {
  const { totals } = order;
  const address = order.shippingAddress;
  return (
    <div class="order-view">
      <p>
        Status: <strong class={`status status-${order.status.toLowerCase()}`}>{statusLabel(order.status)}</strong> · placed {formatDate(order.createdAt)}
      </p>
      <section aria-labelledby="order-lines-heading">
        <h2 id="order-lines-heading">Items</h2>
        <ul class="order-lines">
          {order.lines.map((line) => (
            <li key={line.id}>
              <span>
                {line.quantity} × {line.title}
              </span>
              <Price money={line.total} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="order-totals-heading">
        <h2 id="order-totals-heading">Totals</h2>
        <dl class="totals">
          <dt>Subtotal</dt>
          <dd><Price money={totals.subtotal} /></dd>
          <dt>Discounts</dt>
          <dd><Price money={totals.discounts} deduction /></dd>
          <dt>Shipping</dt>
          <dd><Price money={totals.shipping} /></dd>
          <dt>Tax</dt>
          <dd><Price money={totals.tax} /></dd>
          <dt class="total">Total</dt>
          <dd class="total" data-testid="order-total"><Price money={totals.total} /></dd>
        </dl>
      </section>
      {address && (
        <section aria-labelledby="order-address-heading">
          <h2 id="order-address-heading">Shipping to</h2>
          <address>
            {[address.firstName, address.lastName].filter(Boolean).join(' ')}
            <br />
            {address.address1}
            {address.address2 ? `, ${address.address2}` : ''}
            <br />
            {[address.city, address.provinceCode, address.zip].filter(Boolean).join(' ')} {address.countryCode}
          </address>
        </section>
      )}
      <Shipments shipments={order.shipments} />
    </div>
  );
}

function Shipments({ shipments }: { shipments: OrderData['shipments'] }) {
  return (
    <section aria-labelledby="tracking-heading">
      <h2 id="tracking-heading">Tracking</h2>
      {shipments.length === 0 && <p>Not shipped yet.</p>}
      {shipments.map((shipment) => (
        <article key={shipment.id} class="shipment">
          <h3>
            {shipment.carrier} {shipment.trackingNumber}: {statusLabel(shipment.status)}
          </h3>
          <ol class="timeline">
            {shipment.events.map((event, index) => (
              <li key={index}>
                <time dateTime={event.occurredAt}>{formatDate(event.occurredAt)}</time> {statusLabel(event.status)}
                {event.location ? `, ${event.location}` : ''}
              </li>
            ))}
          </ol>
        </article>
      ))}
    </section>
  );
}
