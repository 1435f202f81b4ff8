import { DomainError, tryParseGlobalId, type RequestContext, type Viewer } from '#kit';
import { canTransition, type OrderStatus } from './order-state-machine.ts';

/** Who or what changed an order: `customer:<uuid>`, `guest`, `stripe`, `staff:<uuid>`. */
export type Actor = string;

export class TransitionRefused extends Error {
  constructor(from: OrderStatus, to: OrderStatus) {
    super(`An order cannot go from ${from} to ${to}.`);
    this.name = 'TransitionRefused';
  }
}

/**
 * The one way an order's status changes: checked against the state machine, conditional on the status
 * the caller read (under its row lock), and recorded in order_history in the same transaction.
 */
export async function changeStatus(
  tx: RequestContext<unknown>,
  order: { id: string; status: OrderStatus },
  to: OrderStatus,
  actor: Actor,
  reason: string,
): Promise<void> {
  if (!tx.inTransaction) throw new Error('changeStatus() outside a transaction');
  if (!canTransition(order.status, to)) throw new TransitionRefused(order.status, to);
  const updated = await tx.em.execute<{ id: string }[]>(
    'update customer_order set status = ?, updated_at = now() where id = ? and status = ? returning id',
    [to, order.id, order.status],
  );
  if (updated.length !== 1) throw new Error(`Order ${order.id} is no longer ${order.status}`);
  await recordHistory(tx, order.id, order.status, to, actor, reason);
}

/** A history entry; `from` null for the order's creation, `from` = `to` for a note that changed nothing. */
export async function recordHistory(
  tx: RequestContext<unknown>,
  orderId: string,
  from: OrderStatus | null,
  to: OrderStatus,
  actor: Actor,
  reason: string,
): Promise<void> {
  await tx.em.execute('insert into order_history (order_id, from_status, to_status, actor, reason) values (?, ?, ?, ?, ?)', [
    orderId,
    from,
    to,
    actor,
    reason.slice(0, 1000),
  ]);
}

/** The actor a person or service is recorded as in an order's history. */
export function actorOf(viewer: Viewer): Actor {
  if (viewer.role === 'staff') return `staff:${viewer.customerId}`;
  if (viewer.role === 'customer') return `customer:${viewer.customerId}`;
  if (viewer.role === 'service') return viewer.service ?? 'service';
  return 'guest';
}

/** A global id a mutation was given, as a uuid; a malformed one is the input's fault (`INVALID` on `field`). */
export function idInput(gid: string, type: string, field: readonly string[]): string {
  const id = tryParseGlobalId(gid, type);
  if (!id) throw new DomainError('INVALID', `Invalid ${type} id: expected a ${type} global id.`, field);
  return id;
}
