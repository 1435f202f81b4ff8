import { randomUUID } from 'node:crypto';
import { DomainError, InputErrors, tryParseGlobalId, userError, type RequestContext, type UserError } from '#kit';
import type { OrdersLoaders } from '../loaders.ts';
import { OrderEvent } from './order-events.ts';
import type { OrderStatus } from './order-state-machine.ts';
import { idInput, recordHistory, type Actor } from './order-status.service.ts';
import { seesOrdersOf } from './order-read.service.ts';
import { reserveRefund, sendRefundReporting, type RefundRow } from './refund.service.ts';

type Ctx = RequestContext<OrdersLoaders>;

export interface ReturnRow {
  id: string;
  order_id: string;
  status: 'REQUESTED' | 'APPROVED' | 'DECLINED' | 'RECEIVED';
  requested_by: string;
  decline_reason: string | null;
  refund_id: string | null;
  created_at: Date;
}

export interface ReturnRequestInput {
  orderId: string;
  lines: { orderLineId: string; quantity: number; reason: string }[];
}

const MAX_REASON = 500;

/**
 * `returnRequest`: the customer who placed a delivered order asks to send units back. Under the order's
 * lock, each line's quantity must fit in what was shipped, minus what was returned or is in an open
 * return (REQUESTED or APPROVED), so concurrent requests can never claim a unit twice.
 */
export async function requestReturn(ctx: Ctx, input: ReturnRequestInput, actor: Actor): Promise<ReturnRow> {
  const orderId = idInput(input.orderId, 'Order', ['input', 'orderId']);
  const errors: UserError[] = [];
  if (input.lines.length === 0) errors.push(userError('INVALID', 'Name at least one line to return.', ['input', 'lines']));
  const seen = new Set<string>();
  const lines = input.lines.map((line, index) => {
    const lineId = tryParseGlobalId(line.orderLineId, 'OrderLine');
    if (!lineId) errors.push(userError('INVALID', 'Invalid OrderLine id.', ['input', 'lines', String(index), 'orderLineId']));
    else if (seen.has(lineId)) errors.push(userError('INVALID', 'Each line at most once.', ['input', 'lines', String(index), 'orderLineId']));
    else seen.add(lineId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 1_000_000) {
      errors.push(userError('INVALID', 'The quantity must be at least 1.', ['input', 'lines', String(index), 'quantity']));
    }
    const reason = line.reason.trim();
    if (reason.length < 1 || reason.length > MAX_REASON) errors.push(userError('INVALID', `Give a reason of 1 to ${MAX_REASON} characters.`, ['input', 'lines', String(index), 'reason']));
    return { lineId: lineId ?? '', quantity: line.quantity, reason, index };
  });
  if (errors.length > 0) throw new InputErrors(errors);

  return ctx.transaction(async (tx) => {
    const [order] = await tx.em.execute<{ id: string; status: OrderStatus; customer_id: string | null }[]>(
      'select id, status, customer_id from customer_order where id = ? for update',
      [orderId],
    );
    if (!order || !seesOrdersOf(tx.viewer, order.customer_id)) throw new DomainError('NOT_FOUND', 'No such order.', ['input', 'orderId']);
    if (order.status !== 'DELIVERED') throw new DomainError('NOT_RETURNABLE', 'Only a delivered order can be returned.', ['input', 'orderId']);
    const open = await tx.em.execute<{ id: string; returnable: number }[]>(
      `select l.id, l.shipped_quantity - l.returned_quantity - coalesce((
                select sum(rl.quantity) from order_return_line rl join order_return r on r.id = rl.return_id
                 where rl.order_line_id = l.id and r.status in ('REQUESTED', 'APPROVED')), 0)::int as returnable
         from order_line l where l.order_id = ?`,
      [orderId],
    );
    const returnable = new Map(open.map((row) => [row.id, row.returnable]));
    const refusals = lines.flatMap((line) => {
      const left = returnable.get(line.lineId);
      if (left === undefined) return [userError('NOT_FOUND', 'No such line in this order.', ['input', 'lines', String(line.index), 'orderLineId'])];
      if (line.quantity > left) return [userError('NOT_RETURNABLE', `At most ${left} of this line can be returned.`, ['input', 'lines', String(line.index), 'quantity'])];
      return [];
    });
    if (refusals.length > 0) throw new InputErrors(refusals);
    const id = randomUUID();
    const [row] = await tx.em.execute<ReturnRow[]>(
      "insert into order_return (id, order_id, status, requested_by) values (?, ?, 'REQUESTED', ?) returning *",
      [id, orderId, actor],
    );
    await tx.em.execute(
      `insert into order_return_line (return_id, order_line_id, quantity, reason) values ${lines.map(() => '(?, ?, ?, ?)').join(', ')}`,
      lines.flatMap((line) => [id, line.lineId, line.quantity, line.reason]),
    );
    await recordHistory(tx, orderId, order.status, order.status, actor, `Return ${id} requested`);
    return row!;
  });
}

/** Locks a return and its order; NOT_FOUND, or INVALID_STATE unless it is in `from`. */
async function lockReturn(tx: Ctx, returnGid: string, from: ReturnRow['status']): Promise<{ ret: ReturnRow; status: OrderStatus; number: number }> {
  const id = idInput(returnGid, 'OrderReturn', ['id']);
  const [found] = await tx.em.execute<{ order_id: string }[]>('select order_id from order_return where id = ?', [id]);
  if (!found) throw new DomainError('NOT_FOUND', 'No such return.', ['id']);
  // The order first, then the return: the same lock order as requestReturn.
  const [order] = await tx.em.execute<{ status: OrderStatus; number: number }[]>('select status, number from customer_order where id = ? for update', [found.order_id]);
  const [ret] = await tx.em.execute<ReturnRow[]>('select * from order_return where id = ? for update', [id]);
  if (ret!.status !== from) throw new DomainError('INVALID_STATE', `The return is ${ret!.status}, not ${from}.`, ['id']);
  return { ret: ret!, status: order!.status, number: order!.number };
}

export async function approveReturn(ctx: Ctx, returnGid: string, actor: Actor): Promise<ReturnRow> {
  return ctx.transaction(async (tx) => {
    const { ret, status } = await lockReturn(tx, returnGid, 'REQUESTED');
    const [row] = await tx.em.execute<ReturnRow[]>("update order_return set status = 'APPROVED', updated_at = now() where id = ? returning *", [ret.id]);
    await recordHistory(tx, ret.order_id, status, status, actor, `Return ${ret.id} approved`);
    return row!;
  });
}

export async function declineReturn(ctx: Ctx, returnGid: string, reason: string, actor: Actor): Promise<ReturnRow> {
  const why = reason.trim();
  if (why.length < 1 || why.length > MAX_REASON) throw new DomainError('INVALID', `Give a reason of 1 to ${MAX_REASON} characters.`, ['reason']);
  return ctx.transaction(async (tx) => {
    const { ret, status } = await lockReturn(tx, returnGid, 'REQUESTED');
    const [row] = await tx.em.execute<ReturnRow[]>(
      "update order_return set status = 'DECLINED', decline_reason = ?, updated_at = now() where id = ? returning *",
      [why, ret.id],
    );
    await recordHistory(tx, ret.order_id, status, status, actor, `Return ${ret.id} declined: ${why}`);
    return row!;
  });
}

/**
 * `returnReceive`: the goods arrived. In one transaction the lines count as returned, the return is
 * RECEIVED, its refund is decided (PENDING, sent to Stripe after commit) and `orders.return.received`
 * tells inventory to restock. The refund is the returned units' share of what the buyer paid for goods:
 * line value × (total − shipping) ÷ subtotal, so discounts and tax come back in proportion and shipping
 * does not; never more than remains refundable.
 */
export async function receiveReturn(ctx: Ctx, returnGid: string, actor: Actor): Promise<ReturnRow> {
  const { row, refund } = await ctx.transaction(async (tx) => {
    const { ret, status, number } = await lockReturn(tx, returnGid, 'APPROVED');
    const lines = await tx.em.execute<{ order_line_id: string; variant_id: string; quantity: number; line_quantity: number; line_total: number }[]>(
      `select rl.order_line_id, l.variant_id, rl.quantity, l.quantity as line_quantity, l.total_minor as line_total
         from order_return_line rl join order_line l on l.id = rl.order_line_id where rl.return_id = ?`,
      [ret.id],
    );
    for (const line of lines) {
      await tx.em.execute('update order_line set returned_quantity = returned_quantity + ? where id = ?', [line.quantity, line.order_line_id]);
    }
    const [order] = await tx.em.execute<{ subtotal_minor: number; shipping_minor: number; total_minor: number; captured_minor: number; refunded_minor: number }[]>(
      'select subtotal_minor, shipping_minor, total_minor, captured_minor, refunded_minor from customer_order where id = ?',
      [ret.order_id],
    );
    const value = lines.reduce((sum, line) => sum + Math.round((line.line_total * line.quantity) / line.line_quantity), 0);
    const paidForGoods = order!.total_minor - order!.shipping_minor;
    const share = order!.subtotal_minor > 0 ? Math.round((value * paidForGoods) / order!.subtotal_minor) : 0;
    const amount = Math.min(share, order!.captured_minor - order!.refunded_minor);
    const refund: RefundRow | null =
      amount > 0 ? await reserveRefund(tx, { orderId: ret.order_id, amountMinor: amount, reason: `Return ${ret.id} received`, actor, returnId: ret.id }) : null;
    const [row] = await tx.em.execute<ReturnRow[]>(
      "update order_return set status = 'RECEIVED', refund_id = ?, updated_at = now() where id = ? returning *",
      [refund?.id ?? null, ret.id],
    );
    await recordHistory(tx, ret.order_id, status, status, actor, `Return ${ret.id} received`);
    await tx.emit(OrderEvent.RETURN_RECEIVED, {
      returnId: ret.id,
      orderId: ret.order_id,
      number,
      lines: lines.map((line) => ({ orderLineId: line.order_line_id, variantId: line.variant_id, quantity: line.quantity })),
    });
    return { row: row!, refund };
  });
  if (refund) await sendRefundReporting(ctx, refund);
  return row;
}
