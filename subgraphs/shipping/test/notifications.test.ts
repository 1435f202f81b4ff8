import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueOf } from '#kit';
import { createTestDatabase, eventually, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { emlFileName, readMailConfig } from '../src/notifications/mailer.ts';
import { onOrderPaidNotify, onShipmentShippedNotify } from '../src/notifications/subscribers.ts';
import { shipping } from '../src/subgraph.ts';
import {
  domainEvent,
  emitAsShipping,
  emlFiles,
  nextOrderNumber,
  notificationsOf,
  paidPayload,
  publish,
  shipmentPayload,
  waitForEml,
} from './notifications-support.ts';

// No SMTP_URL: every message is written as an .eml file into a folder of this test's own.
let mailDir: string;
let subgraph: TestSubgraph;
const HOSTILE = `<script>alert("x")</script> & 'Tee' <img src=x onerror=alert(1)>`;

beforeAll(async () => {
  mailDir = await mkdtemp(join(tmpdir(), 'notifications-'));
  delete process.env.SMTP_URL;
  process.env.MAIL_DIR = mailDir;
  process.env.MAIL_FROM = '"Test Shop" <shop@example.test>';
  subgraph = await startTestSubgraph(shipping, await createTestDatabase('shipping_notifications'));
});
afterAll(async () => {
  await subgraph?.close();
  await rm(mailDir, { recursive: true, force: true });
});

/** `minutes` ago, to the minute (carriers' times; an OUT_FOR_DELIVERY over a day old is not mailed). */
const minutesAgo = (minutes: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutes * 60_000).toISOString();
const asInMail = (iso: string) =>
  `${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso))} UTC`;

/** What a mail's HTML must never contain once a hostile title went in: live markup. */
function expectEscaped(html: string) {
  expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Tee&#39; &lt;img src=x onerror=alert(1)&gt;');
  expect(html).not.toContain('<script');
  expect(html).not.toContain('<img');
}

describe('notifications as .eml files', () => {
  it('orders.order.paid → "order confirmed": lines, totals and address as money strings, text and HTML, the title escaped', async () => {
    const number = nextOrderNumber();
    const payload = paidPayload(number);
    payload.lines[1]!.title = HOSTILE;
    await publish(subgraph, domainEvent('orders.order.paid', payload));

    const { name, mail } = await waitForEml(mailDir, number, 'order-confirmed');
    expect(name).toMatch(new RegExp(`^\\d{8}T\\d{9}Z-order-${number}-order-confirmed-[0-9a-f-]{36}\\.eml$`));
    expect(mail.headers.from).toBe('Test Shop <shop@example.test>');
    expect(mail.headers.to).toBe('ada@example.com');
    expect(mail.headers.subject).toBe(`Order #${number} confirmed`);
    expect(mail.headers['message-id']).toMatch(/^<notification\.[0-9a-f-]{36}@example\.test>$/);
    expect(mail.headers['content-type']).toMatch(/^multipart\/alternative/);

    expect(mail.text).toContain(`Thank you for your order #${number}`);
    expect(mail.text).toContain('Linen shirt — Blue / M × 2 (19.99 USD each): 39.98 USD');
    expect(mail.text).toContain(`${HOSTILE} × 1 (5.00 USD each): 5.00 USD`);
    for (const line of ['Subtotal: 44.98 USD', 'Discounts: -5.00 USD', 'Shipping: 5.99 USD', 'Tax: 3.70 USD', 'Total: 49.67 USD']) expect(mail.text).toContain(line);
    expect(mail.text).toContain('  Ada Lovelace\n  12 Analytical Row\n  Austin TX 73301\n  United States');

    expect(mail.html).toContain('Linen shirt — Blue / M × 2 (19.99 USD each)');
    expect(mail.html).toContain('49.67 USD');
    expect(mail.html).toContain('Ada Lovelace<br>12 Analytical Row<br>Austin TX 73301<br>United States');
    expectEscaped(mail.html);

    // The file is written before the row is marked sent: wait for the mark.
    const [row] = await eventually(() => notificationsOf(subgraph, number), (rows) => rows[0]?.status === 'SENT');
    expect(row).toMatchObject({ kind: 'ORDER_CONFIRMED', source_id: payload.orderId, status: 'SENT', attempts: 1, last_error: null });
    expect(row!.sent_at).not.toBeNull();
  });

  it('shipping.shipment.shipped, emitted by shipping itself, → "shipped": carrier, tracking number, what is in the parcel', async () => {
    const number = nextOrderNumber();
    await emitAsShipping(subgraph, 'shipping.shipment.shipped', {
      ...shipmentPayload(number, { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' }),
      lines: [
        { orderLineId: crypto.randomUUID(), title: 'Linen shirt — Blue / M', quantity: 2 },
        { orderLineId: crypto.randomUUID(), title: HOSTILE, quantity: 1 },
      ],
    });
    const { mail } = await waitForEml(mailDir, number, 'shipped');
    expect(mail.headers.subject).toBe(`Order #${number} has shipped`);
    expect(mail.text).toContain('Carrier: UPS');
    expect(mail.text).toContain('Tracking number: 1Z999AA10123456784');
    expect(mail.text).toContain('  Linen shirt — Blue / M: × 2');
    expect(mail.text).toContain(`  ${HOSTILE}: × 1`);
    expect(mail.html).toContain('1Z999AA10123456784');
    expectEscaped(mail.html);
  });

  it('shipping.shipment.tracking_updated → "out for delivery" for OUT_FOR_DELIVERY only', async () => {
    const number = nextOrderNumber();
    const shipment = shipmentPayload(number, { carrier: 'USPS', trackingNumber: '9400100000000000000000' });
    const outAt = minutesAgo(30);
    await emitAsShipping(subgraph, 'shipping.shipment.tracking_updated', { ...shipment, status: 'IN_TRANSIT', occurredAt: minutesAgo(600), location: 'Dallas, TX' });
    await emitAsShipping(subgraph, 'shipping.shipment.tracking_updated', { ...shipment, status: 'OUT_FOR_DELIVERY', occurredAt: outAt, location: 'Austin <TX>' });
    const { mail } = await waitForEml(mailDir, number, 'out-for-delivery');
    expect(mail.headers.subject).toBe(`Order #${number} is out for delivery`);
    expect(mail.text).toContain('USPS expects to deliver your parcel today.');
    expect(mail.text).toContain('Tracking number: 9400100000000000000000');
    expect(mail.text).toContain('Location: Austin <TX>');
    expect(mail.text).toContain(`Updated: ${asInMail(outAt)}`);
    expect(mail.html).toContain('Austin &lt;TX&gt;');
    // The IN_TRANSIT update was applied (recorded) and queued nothing.
    const applied = await eventually(
      () => subgraph.sql<{ n: number }>(`select count(*)::int as n from kit_processed_event where subscriber = 'shipping.shipment.tracking_updated'`),
      (rows) => rows[0]!.n >= 2,
    );
    expect(applied[0]!.n).toBeGreaterThanOrEqual(2);
    expect((await notificationsOf(subgraph, number)).map((row) => row.kind)).toEqual(['OUT_FOR_DELIVERY']);
  });

  it('shipping.shipment.delivered → "delivered", with when', async () => {
    const number = nextOrderNumber();
    const deliveredAt = minutesAgo(15);
    await emitAsShipping(subgraph, 'shipping.shipment.delivered', { ...shipmentPayload(number), deliveredAt });
    const { mail } = await waitForEml(mailDir, number, 'delivered');
    expect(mail.headers.subject).toBe(`Order #${number} was delivered`);
    expect(mail.text).toContain(`UPS delivered your parcel on ${asInMail(deliveredAt)}.`);
    expect(mail.text).toContain(`Tracking number: 1Z${number}X`);
    expect(mail.html).toContain(`1Z${number}X`);
  });

  it('orders.order.refunded → "refunded": the amount, what was refunded of what was paid, the reason', async () => {
    const number = nextOrderNumber();
    const refundId = crypto.randomUUID();
    await publish(
      subgraph,
      domainEvent('orders.order.refunded', {
        orderId: crypto.randomUUID(),
        number,
        customerId: null,
        email: 'ada@example.com',
        refundId,
        amountMinor: 1250,
        currencyCode: 'EUR',
        refundedTotalMinor: 2000,
        capturedMinor: 4967,
        reason: 'REQUESTED_BY_CUSTOMER',
      }),
    );
    const { mail } = await waitForEml(mailDir, number, 'refunded');
    expect(mail.headers.subject).toBe(`Refund of 12.50 EUR for order #${number}`);
    expect(mail.text).toContain('Refund: 12.50 EUR');
    expect(mail.text).toContain('Refunded so far: 20.00 EUR of 49.67 EUR paid');
    expect(mail.text).toContain('Reason: Requested by customer');
    expect(mail.html).toContain('12.50 EUR');
    expect((await notificationsOf(subgraph, number))[0]).toMatchObject({ kind: 'REFUNDED', source_id: refundId });
  });

  it('formats money in the currency\'s own decimals (JPY has none)', async () => {
    const number = nextOrderNumber();
    const payload = paidPayload(number, {
      currencyCode: 'JPY',
      totals: { subtotalMinor: 3000, discountsMinor: 0, shippingMinor: 500, taxMinor: 0, totalMinor: 3500 },
      lines: [{ orderLineId: crypto.randomUUID(), variantId: crypto.randomUUID(), title: 'Tea', quantity: 3, unitPriceMinor: 1000, totalMinor: 3000 }],
      shippingAddress: null,
    });
    await publish(subgraph, domainEvent('orders.order.paid', payload));
    const { mail } = await waitForEml(mailDir, number, 'order-confirmed');
    expect(mail.text).toContain('Tea × 3 (1000 JPY each): 3000 JPY');
    expect(mail.text).toContain('Total: 3500 JPY');
    expect(mail.text).not.toContain('Discounts');
    expect(mail.text).not.toContain('Shipping to');
  });
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
