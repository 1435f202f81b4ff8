/**
 * The order's state machine, as data: the statuses and the transitions allowed between them. Every status
 * change goes through `canTransition` (services/order-status.service.ts), and is recorded in order_history.
 */
export const ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'PARTIALLY_FULFILLED', 'FULFILLED', 'DELIVERED', 'CANCELLED', 'REFUNDED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** (from, to): every change an order may go through. Anything not listed is refused. */
export const ORDER_TRANSITIONS: readonly (readonly [OrderStatus, OrderStatus])[] = [
  ['PENDING_PAYMENT', 'PAID'], // payment_intent.succeeded
  ['PENDING_PAYMENT', 'CANCELLED'], // payment_intent.canceled, expiry, staff
  ['PAID', 'PARTIALLY_FULFILLED'],
  ['PAID', 'FULFILLED'],
  ['PAID', 'CANCELLED'], // staff, before anything shipped (then refunded)
  ['PAID', 'REFUNDED'],
  ['PARTIALLY_FULFILLED', 'FULFILLED'],
  ['PARTIALLY_FULFILLED', 'REFUNDED'],
  ['FULFILLED', 'DELIVERED'],
  ['FULFILLED', 'REFUNDED'],
  ['DELIVERED', 'REFUNDED'],
  ['CANCELLED', 'REFUNDED'],
];

const ALLOWED = new Set(ORDER_TRANSITIONS.map(([from, to]) => `${from}>${to}`));

/** Whether an order in `from` may move to `to`. Pure; staying in the same status is not a transition. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ALLOWED.has(`${from}>${to}`);
}

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}
