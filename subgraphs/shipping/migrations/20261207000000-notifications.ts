import { Migration } from '@mikro-orm/migrations';

/**
 * The customer emails (order confirmed, shipped, out for delivery, delivered, refunded): each is rendered
 * and queued here in the transaction that consumes its event, then sent by the mailer (src/notifications).
 * The table is its own outbox: a row is the message, its delivery state and its attempts.
 */
export class Migration20261207000000_notifications extends Migration {
  override name = 'Migration20261207000000_notifications';

  override up(): void {
    this.addSql(`
      create table notification (
        id uuid primary key default gen_random_uuid(),
        kind text not null,
        -- What the message is about: the order (ORDER_CONFIRMED), the refund (REFUNDED) or the shipment.
        source_id uuid not null,
        -- The event that queued it.
        event_id uuid not null,
        order_id uuid not null,
        order_number integer not null,
        recipient text not null,
        subject text not null,
        body_text text not null,
        body_html text not null,
        status text not null default 'PENDING',
        -- Attempts started so far; a claim counts one before it sends, so a crash mid-send still counts.
        attempts integer not null default 0,
        -- When the mailer may next take it: due when PENDING and in the past. A claim pushes it out by a
        -- lease, so a mailer that died mid-send hands the row back; a failure pushes it out by the backoff.
        next_attempt_at timestamptz(3) not null default now(),
        last_error text,
        created_at timestamptz(3) not null default now(),
        sent_at timestamptz(3),
        constraint notification_kind_check check (kind in ('ORDER_CONFIRMED', 'SHIPPED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'REFUNDED')),
        constraint notification_status_check check (status in ('PENDING', 'SENT', 'FAILED')),
        constraint notification_attempts_non_negative check (attempts >= 0),
        constraint notification_recipient_length check (length(recipient) between 3 and 254),
        constraint notification_sent_has_time check ((status = 'SENT') = (sent_at is not null)),
        constraint notification_failed_has_error check (status <> 'FAILED' or last_error is not null),
        -- At most one message per thing told: an event delivered twice, or the same news in two events
        -- (a carrier reporting OUT_FOR_DELIVERY again), sends it once.
        constraint notification_once unique (kind, source_id),
        constraint notification_event_unique unique (event_id)
      )`);
    // The mailer's sweep: what is due, oldest first.
    this.addSql(`create index notification_due_idx on notification (next_attempt_at) where status = 'PENDING'`);
    // "What did we tell the customer about this order?"
    this.addSql('create index notification_order_idx on notification (order_id, created_at)');
  }

  override down(): void {
    this.addSql('drop table if exists notification');
  }
}
