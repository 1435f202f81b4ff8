import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueOf } from '#kit';
import { eventually, type TestSubgraph } from '#kit/testing/index.ts';
import { emlFileName, readMailConfig } from '../src/notifications/mailer.ts';
import { onOrderPaidNotify, onShipmentShippedNotify } from '../src/notifications/subscribers.ts';
import {
  domainEvent,
  emitAsShipping,
  emlFiles,
  minutesAgo,
  nextOrderNumber,
  notificationsOf,
  paidPayload,
  publish,
  shipmentPayload,
  startEmlSubgraph,
  waitForEml,
} from './notifications-support.ts';

// Notifications are made once per event (redeliveries, repeated news, bad input, rollbacks), and the sender
// (its timer, file names, settings); messages are written as .eml files (no SMTP_URL) into a folder of this test's own.
// What each notification says: notifications-eml.test.ts. SMTP: notifications-smtp.test.ts.
let mailDir: string;
let subgraph: TestSubgraph;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ mailDir, subgraph, close } = await startEmlSubgraph('shipping_notifications'));
});
afterAll(async () => {
  await close?.();
});

describe('once per event', () => {
  it('an event delivered twice, and the same news in a second event, make one message and one file', async () => {
    const number = nextOrderNumber();
    const payload = { ...shipmentPayload(number), lines: [{ orderLineId: crypto.randomUUID(), title: 'Socks', quantity: 1 }] };
    const event = domainEvent('shipping.shipment.shipped', payload, 'shipping');
    await publish(subgraph, event);
    await waitForEml(mailDir, number, 'shipped');

    // The same event again as new jobs (a republish after a crash), and a new event about the same shipment.
    const queue = queueOf('shipping', event.type);
    const { boss } = subgraph.server.bus;
    const jobs = [await boss.send(queue, event), await boss.send(queue, event), await boss.send(queue, domainEvent(event.type, payload, 'shipping'))];
    for (const job of jobs) expect((await eventually(() => boss.getJobById(queue, job!), (j) => j?.state === 'completed'))?.state).toBe('completed');

    expect(await notificationsOf(subgraph, number)).toHaveLength(1);
    expect(await emlFiles(mailDir, `-order-${number}-`)).toHaveLength(1);
  });

  it('OUT_FOR_DELIVERY reported twice for one shipment mails once', async () => {
    const number = nextOrderNumber();
    const shipment = shipmentPayload(number);
    for (const occurredAt of [minutesAgo(120), minutesAgo(10)]) {
      await emitAsShipping(subgraph, 'shipping.shipment.tracking_updated', { ...shipment, status: 'OUT_FOR_DELIVERY', occurredAt, location: null });
    }
    await waitForEml(mailDir, number, 'out-for-delivery');
    await eventually(
      () => subgraph.sql<{ n: number }>(`select count(*)::int as n from kit_outbox where published_at is null`),
      (rows) => rows[0]!.n === 0,
    );
    // Both events were applied (the second queued nothing).
    await eventually(
      () =>
        subgraph.sql<{ n: number }>(
        `select count(*)::int as n from kit_processed_event e join kit_outbox o on o.id = e.event_id where o.payload->>'shipmentId' = ?`,
        [shipment.shipmentId],
      ),
      (rows) => rows[0]!.n === 2,
    );
    expect(await notificationsOf(subgraph, number)).toHaveLength(1);
  });

  it('OUT_FOR_DELIVERY that is old news sends nothing: after the shipment\'s "delivered", or over a day old', async () => {
    const number = nextOrderNumber();
    const late = shipmentPayload(number);
    await emitAsShipping(subgraph, 'shipping.shipment.delivered', { ...late, deliveredAt: minutesAgo(5) });
    await waitForEml(mailDir, number, 'delivered');
    await emitAsShipping(subgraph, 'shipping.shipment.tracking_updated', { ...late, status: 'OUT_FOR_DELIVERY', occurredAt: minutesAgo(300), location: null });
    const stale = shipmentPayload(number);
    await emitAsShipping(subgraph, 'shipping.shipment.tracking_updated', { ...stale, status: 'OUT_FOR_DELIVERY', occurredAt: minutesAgo(25 * 60), location: null });
    await eventually(
      () =>
        subgraph.sql<{ n: number }>(
          `select count(*)::int as n from kit_processed_event e join kit_outbox o on o.id = e.event_id
            where o.type = 'shipping.shipment.tracking_updated' and o.payload->>'orderNumber' = ?`,
          [String(number)],
        ),
      (rows) => rows[0]!.n === 2,
    );
    expect((await notificationsOf(subgraph, number)).map((row) => row.kind)).toEqual(['DELIVERED']);
  });

  it('two shipments of one order each get their own "shipped"', async () => {
    const number = nextOrderNumber();
    const orderId = crypto.randomUUID();
    for (const title of ['Shirt', 'Socks']) {
      await emitAsShipping(subgraph, 'shipping.shipment.shipped', {
        ...shipmentPayload(number, { orderId, trackingNumber: `1Z${title}` }),
        lines: [{ orderLineId: crypto.randomUUID(), title, quantity: 1 }],
      });
    }
    const files = await eventually(() => emlFiles(mailDir, `-order-${number}-shipped-`), (found) => found.length === 2);
    expect(files).toHaveLength(2);
  });

  it('a customer without an email gets nothing, and the event is still applied', async () => {
    const number = nextOrderNumber();
    const event = domainEvent('orders.order.paid', paidPayload(number, { email: null }));
    await publish(subgraph, event);
    const applied = await eventually(
      () => subgraph.sql('select 1 from kit_processed_event where event_id = ?', [event.id]),
      (rows) => rows.length === 1,
    );
    expect(applied).toHaveLength(1);
    expect(await notificationsOf(subgraph, number)).toEqual([]);
  });

  it('an address that is a list or carries a header is refused, not sent to', async () => {
    for (const email of ['a@example.com, b@example.com', 'a@example.com\r\nBcc: b@example.com', '"Ada" <a@example.com>']) {
      const number = nextOrderNumber();
      await subgraph.context().transaction((tx) => onOrderPaidNotify(tx, domainEvent('orders.order.paid', paidPayload(number, { email }))));
      expect(await notificationsOf(subgraph, number)).toEqual([]);
    }
  });

  it('a malformed payload throws (the event retries, then goes to the dead-letter queue) and queues nothing', async () => {
    const number = nextOrderNumber();
    const { trackingNumber: _, ...withoutTracking } = shipmentPayload(number);
    const broken = domainEvent('shipping.shipment.shipped', { ...withoutTracking, lines: [] }, 'shipping');
    await expect(subgraph.context().transaction((tx) => onShipmentShippedNotify(tx, broken))).rejects.toThrow(
      `shipping.shipment.shipped ${broken.id}: payload.trackingNumber is not a non-empty string`,
    );
    const paid = paidPayload(number, { totals: { subtotalMinor: 19.99 } });
    await expect(subgraph.context().transaction((tx) => onOrderPaidNotify(tx, domainEvent('orders.order.paid', paid)))).rejects.toThrow(
      /payload\.totals\.subtotalMinor is not a whole number/,
    );
    expect(await notificationsOf(subgraph, number)).toEqual([]);
  });

  it('a message queued in a transaction that rolls back never exists', async () => {
    const number = nextOrderNumber();
    await expect(
      subgraph.context().transaction(async (tx) => {
        await onOrderPaidNotify(tx, domainEvent('orders.order.paid', paidPayload(number)));
        throw new Error('the consumer failed after queueing');
      }),
    ).rejects.toThrow('the consumer failed after queueing');
    expect(await notificationsOf(subgraph, number)).toEqual([]);
  });
});

describe('the sender', () => {
  it('also sends on its timer what no wake announced (a row another process queued)', async () => {
    const number = nextOrderNumber();
    // Queued behind the subgraph's back: no transaction of this process wakes the sender for it.
    await subgraph.sql(
      `insert into notification (kind, source_id, event_id, order_id, order_number, recipient, subject, body_text, body_html)
       values ('DELIVERED', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), ?, 'ada@example.com', 'Timer test', 'text', '<p>html</p>')`,
      [number],
    );
    const { mail } = await waitForEml(mailDir, number, 'delivered');
    expect(mail.headers.subject).toBe('Timer test');
  });

  it('names files so they sort by time and say the order and kind', () => {
    const at = (iso: string, id: string) => emlFileName({ id, createdAt: new Date(iso), orderNumber: 1001, kind: 'OUT_FOR_DELIVERY' });
    const early = at('2026-11-25T09:59:59.999Z', 'ffffffff-ffff-4fff-8fff-ffffffffffff');
    const late = at('2026-11-25T10:00:00.000Z', '00000000-0000-4000-8000-000000000000');
    expect(late).toBe('20261125T100000000Z-order-1001-out-for-delivery-00000000-0000-4000-8000-000000000000.eml');
    expect([late, early].sort()).toEqual([early, late]);
  });

  it('reads its settings: SMTP_URL or MAIL_DIR (default <DATA_DIR or .data>/mail; a temporary folder in tests), MAIL_FROM', () => {
    expect(readMailConfig({})).toMatchObject({ smtpUrl: null, from: '"Supergraph Commerce" <orders@localhost>' });
    expect(readMailConfig({}).mailDir).toMatch(/\/\.data\/mail$/);
    expect(readMailConfig({ DATA_DIR: '/var/lib/shop' }).mailDir).toBe('/var/lib/shop/mail');
    expect(readMailConfig({ DATA_DIR: '/var/lib/shop', MAIL_DIR: '/tmp/outbox' }).mailDir).toBe('/tmp/outbox');
    expect(readMailConfig({ NODE_ENV: 'test' }).mailDir).toBe(join(tmpdir(), 'supergraph-commerce-test-mail'));
    expect(readMailConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465' }).smtpUrl).toBe('smtps://u:p@mail.example.com:465');
    expect(() => readMailConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => readMailConfig({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
  });
});
