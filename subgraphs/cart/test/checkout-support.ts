import { parseMinorUnits, toGlobalId, type DomainEvent, type Viewer } from '#kit';
import { onCheckoutAbandoned } from '../src/subscribers/checkout-abandoned.ts';
import { onOrderCancelled } from '../src/subscribers/order-cancelled.ts';
import { onOrderPaid } from '../src/subscribers/order-paid.ts';
import { CART_FIELDS, checkedOut, localId, type CartSystem, type Person } from './support.ts';

/**
 * Helpers shared by the checkout and order-paid tests. Each test file starts its own system in its
 * beforeAll, so the helpers take a getter for it (`() => sys`) and are bound once per file.
 */

const READ = `query ($id: ID!) { cart(id: $id) { ${CART_FIELDS} completedAt } }`;
export const ORDERS: Viewer = { role: 'service', customerId: null, service: 'orders' };
export const ADDRESS = { address1: '1 Main St', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' };
export const linesOf = (cart: any) => cart.lines.map((line: any) => [line.merchandise.id, line.quantity]);
const minor = (money: { amount: string; currencyCode: string }) => parseMinorUnits(money.amount, money.currencyCode)!;

/** Reads a cart through the gateway (with completedAt), and a customer's cart as the Customer entity. */
function cartReads(sys: () => CartSystem) {
  const readCart = async (id: string, who?: Person) => (await sys().send<any>(READ, { id }, who)).cart;
  const customerCart = async (who: Person) => {
    const result = await sys().cart.request(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { cart { id } } } }`, {
      reps: [{ __typename: 'Customer', id: toGlobalId('Customer', who.customerId) }],
    }, who.viewer);
    return result.data!._entities[0].cart as { id: string } | null;
  };
  return { readCart, customerCart };
}

/** The checkout tests' helpers: orders' events (paid, cancelled, abandoned) applied as the bus does. */
export function checkoutHelpers(sys: () => CartSystem) {
  const cartRow = async (cartGid: string) =>
    (await sys().cart.sql<{ status: string; checkout_order_id: string | null; merged_into_id: string | null; completed_order_id: string | null }>(
      'select status, checkout_order_id, merged_into_id, completed_order_id from cart where id = ?',
      [localId(cartGid)],
    ))[0]!;
  function event(type: string, payload: Record<string, unknown>): DomainEvent<any> {
    return { id: crypto.randomUUID(), type, producer: 'orders', occurredAt: new Date().toISOString(), requestId: null, payload };
  }
  /** `orders.order.cancelled` as orders emits it. */
  const cancelled = (cart: any, orderId: string, wasPaid = false) =>
    event('orders.order.cancelled', {
      orderId, number: 1001, cartId: localId(cart.id), customerId: null, email: null, reason: 'Payment failed: card declined', wasPaid,
    });
  /** `orders.order.paid` for an order of the cart as it is (an OrderSummary). */
  const paid = (cart: any, orderId: string) =>
    event('orders.order.paid', {
      orderId, number: 1001, cartId: localId(cart.id), customerId: null, email: null, currencyCode: 'USD',
      totals: { subtotalMinor: 0, discountsMinor: 0, shippingMinor: 0, taxMinor: 0, totalMinor: 0 },
      lines: cart.lines.map((line: any) => ({ orderLineId: crypto.randomUUID(), variantId: localId(line.merchandise.id), quantity: line.quantity })),
      shippingAddress: null,
    });
  /** Applies an event the way the bus does: its subscriber in a transaction with the subgraph's real context. */
  const SUBSCRIBERS: Record<string, (ctx: any, e: DomainEvent<any>) => Promise<void>> = {
    'orders.order.paid': onOrderPaid,
    'orders.order.cancelled': onOrderCancelled,
    'orders.checkout.abandoned': onCheckoutAbandoned,
  };
  const apply = (e: DomainEvent<any>) => sys().cart.context().transaction((tx) => SUBSCRIBERS[e.type]!(tx, e));
  return { ...cartReads(sys), cartRow, event, cancelled, paid, apply };
}

/** The order-paid tests' helpers: full `orders.order.paid` events, paying carts, and what paying recorded. */
export function paymentHelpers(sys: () => CartSystem) {
  /** The `orders.order.paid` event of an order made from `cart` (as read through the gateway), as the orders subgraph emits it. */
  function paidEvent(cart: any, options: { orderId?: string; customerId?: string | null; discountsMinor?: number } = {}): DomainEvent<any> {
    const currencyCode = cart.cost.totalAmount.currencyCode;
    const orderId = options.orderId ?? crypto.randomUUID();
    return {
      id: crypto.randomUUID(),
      type: 'orders.order.paid',
      producer: 'orders',
      occurredAt: new Date().toISOString(),
      requestId: null,
      payload: {
        orderId,
        number: 1001,
        cartId: localId(cart.id),
        customerId: options.customerId ?? (cart.buyerIdentity.customer ? localId(cart.buyerIdentity.customer.id) : null),
        email: cart.buyerIdentity.email,
        currencyCode,
        totals: {
          subtotalMinor: minor(cart.cost.subtotalAmount),
          discountsMinor: options.discountsMinor ?? minor(cart.cost.discountAmount),
          shippingMinor: minor(cart.cost.shippingAmount),
          taxMinor: minor(cart.cost.totalTaxAmount),
          totalMinor: minor(cart.cost.totalAmount),
        },
        lines: cart.lines.map((line: any) => ({
          orderLineId: crypto.randomUUID(),
          variantId: localId(line.merchandise.id),
          title: 'Test item',
          quantity: line.quantity,
          unitPriceMinor: minor(line.cost.amountPerQuantity),
          totalMinor: minor(line.cost.totalAmount),
        })),
        shippingAddress: null,
      },
    };
  }
  /** Applies the event the way the bus does: the subscriber inside a transaction, with the subgraph's real context. */
  const apply = (event: DomainEvent<any>) => sys().cart.context().transaction((tx) => onOrderPaid(tx, event));
  /** Checks the cart out for a new order (as orders does: `cartCheckoutStart`), then applies that order's paid event. */
  async function pay(cart: any, options: { customerId?: string | null; discountsMinor?: number } = {}): Promise<DomainEvent<any>> {
    const event = paidEvent(cart, { ...options, orderId: await checkedOut(sys(), cart.id) });
    await apply(event);
    return event;
  }
  const cartRow = async (cartGid: string) =>
    (await sys().cart.sql<{ status: string; completed_order_id: string | null; completed_at: Date | null }>(
      'select status, completed_order_id, completed_at from cart where id = ?',
      [localId(cartGid)],
    ))[0]!;
  const redemptionsOf = (orderId: string) =>
    sys().cart.sql<{ code: string | null; title: string; amount_minor: number; customer_id: string | null; cart_id: string; email: string | null; currency_code: string }>(
      `select d.code, d.title, r.amount_minor, r.customer_id, r.cart_id, r.email, r.currency_code
       from discount_redemption r join discount d on d.id = r.discount_id where r.order_id = ? order by r.amount_minor desc`,
      [orderId],
    );
  const cartOrderOf = (orderId: string) =>
    sys().cart.sql<{ cart_id: string; outcome: string }>('select cart_id, outcome from cart_order where order_id = ?', [orderId]);
  return { ...cartReads(sys), paidEvent, apply, pay, cartRow, redemptionsOf, cartOrderOf };
}
