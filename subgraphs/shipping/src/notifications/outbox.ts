import type { RequestContext } from '#kit';
import type { RenderedMessage } from './render.ts';

/** What a notification tells the customer. Its row's `kind`; one message per kind and thing told about. */
export const NotificationKind = {
  ORDER_CONFIRMED: 'ORDER_CONFIRMED',
  SHIPPED: 'SHIPPED',
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  DELIVERED: 'DELIVERED',
  REFUNDED: 'REFUNDED',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

export const NotificationStatus = { PENDING: 'PENDING', SENT: 'SENT', FAILED: 'FAILED' } as const;
export type NotificationStatus = (typeof NotificationStatus)[keyof typeof NotificationStatus];

/** The worker that sends queued notifications (registered in subgraph.ts; woken after each queueing commits). */
export const SEND_NOTIFICATIONS_WORKER = 'send-notifications';

export interface QueueRequest {
  kind: NotificationKind;
  /** The order, refund or shipment the message is about: with `kind`, what makes it one message. */
  sourceId: string;
  eventId: string;
  orderId: string;
  orderNumber: number;
  recipient: string;
  message: RenderedMessage;
}

/**
 * Queues a rendered message in the caller's transaction (the one consuming the event), so the message
 * exists if and only if the event was applied. A second request for the same (kind, source) or the same
 * event queues nothing. After commit the sender runs at once (`ctx.wake`). Returns the row's id, or null
 * when it was already queued.
 */
export async function queueNotification(tx: RequestContext<unknown>, request: QueueRequest): Promise<string | null> {
  if (!tx.inTransaction) throw new Error('queueNotification outside a transaction: queue it with the change that caused it.');
  const [row] = await tx.em.execute<{ id: string }[]>(
    `insert into notification (kind, source_id, event_id, order_id, order_number, recipient, subject, body_text, body_html)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id`,
    [
      request.kind,
      request.sourceId,
      request.eventId,
      request.orderId,
      request.orderNumber,
      request.recipient,
      request.message.subject,
      request.message.text,
      request.message.html,
    ],
  );
  if (!row) return null;
  tx.wake(SEND_NOTIFICATIONS_WORKER);
  return row.id;
}

/** A claimed row: everything the mailer needs, and the attempt it is (the claim's token). */
export interface ClaimedNotification {
  id: string;
  kind: NotificationKind;
  orderNumber: number;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  createdAt: Date;
  attempt: number;
}

/**
 * Claims up to `limit` due rows for this mailer: one statement that locks them with `for update skip
 * locked` (a concurrent sweep, here or on another replica, takes other rows or none), counts the attempt
 * and leases them for `leaseSeconds`. Nothing stays locked while mail goes out; a mailer that dies
 * mid-send gives the rows back when the lease runs out (at least once, never lost).
 */
export async function claimDue(ctx: RequestContext<unknown>, limit: number, leaseSeconds: number): Promise<ClaimedNotification[]> {
  const rows = await ctx.em.execute<Record<string, any>[]>(
    `update notification n
        set attempts = n.attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
      where n.id in (select id from notification
                      where status = 'PENDING' and next_attempt_at <= now()
                      order by next_attempt_at, created_at
                      limit ? for update skip locked)
      returning n.id, n.kind, n.order_number, n.recipient, n.subject, n.body_text, n.body_html, n.attempts,
                -- ISO 8601 with its offset, which Date parses by the standard.
                to_json(n.created_at) #>> '{}' as created_at`,
    [leaseSeconds, limit],
  );
  return rows
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      orderNumber: row.order_number,
      recipient: row.recipient,
      subject: row.subject,
      text: row.body_text,
      html: row.body_html,
      createdAt: new Date(row.created_at),
      attempt: row.attempts,
    }))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Marks a claimed row sent, unless a later claim took it over (its lease ran out): then that claim decides. */
export async function markSent(ctx: RequestContext<unknown>, claimed: ClaimedNotification): Promise<void> {
  await ctx.em.execute(`update notification set status = 'SENT', sent_at = now() where id = ? and attempts = ? and status = 'PENDING'`, [
    claimed.id,
    claimed.attempt,
  ]);
}

/**
 * Records a failed attempt with its error: due again after `retryInSeconds`, or FAILED for good once it
 * was attempt `maxAttempts` (the error stays for whoever looks). Returns the status it left.
 */
export async function markFailed(
  ctx: RequestContext<unknown>,
  claimed: ClaimedNotification,
  error: string,
  retryInSeconds: number,
  maxAttempts: number,
): Promise<NotificationStatus | null> {
  const [row] = await ctx.em.execute<{ status: NotificationStatus }[]>(
    `update notification
        set last_error = ?,
            status = case when attempts >= ? then 'FAILED' else 'PENDING' end,
            next_attempt_at = now() + make_interval(secs => ?)
      where id = ? and attempts = ? and status = 'PENDING'
      returning status`,
    [error, maxAttempts, retryInSeconds, claimed.id, claimed.attempt],
  );
  return row?.status ?? null;
}
