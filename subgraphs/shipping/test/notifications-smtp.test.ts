import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, eventually, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { createMailer, DEFAULT_RETRY_POLICY, readMailConfig, retryDelaySeconds, sendDueNotifications, type Mailer } from '../src/notifications/mailer.ts';
import { claimDue, markSent } from '../src/notifications/outbox.ts';
import { onShipmentShippedNotify } from '../src/notifications/subscribers.ts';
import { shipping } from '../src/subgraph.ts';
import { domainEvent, nextOrderNumber, notificationsOf, paidPayload, parseMail, publish, shipmentPayload, TestSmtpServer } from './notifications-support.ts';

// SMTP_URL set: every message goes to a small SMTP server on loopback, which can be told to refuse.
const smtp = new TestSmtpServer();
let subgraph: TestSubgraph;

beforeAll(async () => {
  process.env.SMTP_URL = await smtp.start();
  process.env.MAIL_FROM = '"Test Shop" <shop@example.test>';
  delete process.env.MAIL_DIR;
  subgraph = await startTestSubgraph(shipping, await createTestDatabase('shipping_notifications_smtp'));
});
afterAll(async () => {
  await subgraph?.close();
  await smtp.stop();
});

const receivedFor = (orderNumber: number) => smtp.received.filter((mail) => new RegExp(`#${orderNumber}\\b`).test(parseMail(mail.data).headers.subject ?? ''));
const rowOf = async (orderNumber: number) => (await notificationsOf(subgraph, orderNumber))[0];

describe('sending through SMTP_URL', () => {
  it('delivers the message to the SMTP server: envelope, headers, both parts', async () => {
    const number = nextOrderNumber();
    await publish(subgraph, domainEvent('orders.order.paid', paidPayload(number, { email: 'grace@example.com' })));
    const received = await eventually(async () => receivedFor(number), (mails) => mails.length > 0);
    expect(received).toHaveLength(1);
    expect(received[0]!.from).toBe('shop@example.test');
    expect(received[0]!.to).toEqual(['grace@example.com']);
    const mail = parseMail(received[0]!.data);
    expect(mail.headers.subject).toBe(`Order #${number} confirmed`);
    expect(mail.headers.to).toBe('grace@example.com');
    expect(mail.text).toContain('Total: 49.67 USD');
    expect(mail.html).toContain('49.67 USD');
    expect(await eventually(() => rowOf(number), (row) => row?.status === 'SENT')).toMatchObject({ status: 'SENT', attempts: 1, last_error: null });
  });

  it('a temporary failure is recorded and retried after its backoff, then sent once', async () => {
    const number = nextOrderNumber();
    smtp.failNext = 1;
    await publish(subgraph, domainEvent('orders.order.paid', paidPayload(number)));
    const failed = await eventually(() => rowOf(number), (row) => row?.attempts === 1 && row.last_error !== null);
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(failed!.last_error).toMatch(/451.*mailbox busy/);
    // Due again in 30 s (the first backoff), not before: the timer sweeps meanwhile leave it alone.
    const waitMs = new Date(failed!.next_attempt_at).getTime() - Date.now();
    expect(waitMs).toBeGreaterThan(20_000);
    expect(waitMs).toBeLessThanOrEqual(30_000);
    expect(receivedFor(number)).toEqual([]);

    // Time passes: the next sweep (the timer, every 5 s) sends it.
    await subgraph.sql('update notification set next_attempt_at = now() where order_number = ?', [number]);
    const sent = await eventually(() => rowOf(number), (row) => row?.status === 'SENT');
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2 });
    // The error of the failed attempt is kept for whoever looks.
    expect(sent!.last_error).toMatch(/451/);
    expect(receivedFor(number)).toHaveLength(1);
  });

  it('gives up after the last attempt, keeping the error', async () => {
    const number = nextOrderNumber();
    smtp.failAll = true;
    try {
      await publish(subgraph, domainEvent('orders.order.paid', paidPayload(number)));
      await eventually(() => rowOf(number), (row) => row?.attempts === 1 && row.last_error !== null);
      // Nine attempts failed and the tenth is due, as if three hours had passed.
      await subgraph.sql('update notification set attempts = 9, next_attempt_at = now() where order_number = ?', [number]);
      const given = await eventually(() => rowOf(number), (row) => row?.status !== 'PENDING');
      expect(given).toMatchObject({ status: 'FAILED', attempts: DEFAULT_RETRY_POLICY.maxAttempts, sent_at: null });
      expect(given!.last_error).toMatch(/451.*mailbox busy/);
      expect(receivedFor(number)).toEqual([]);
    } finally {
      smtp.failAll = false;
    }
  });

  it('backs off 30 s, doubling, up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((attempt) => retryDelaySeconds(attempt))).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });
});

describe('concurrent senders', () => {
  // Its own database, events off: no timer or wake sends behind the test's back; the test's sweeps are the replicas.
  let quiet: TestSubgraph;
  beforeAll(async () => {
    quiet = await startTestSubgraph(shipping, await createTestDatabase('shipping_notifications_sweeps'), { events: false });
  });
  afterAll(() => quiet?.close());

  const queueShipped = async (count: number) => {
    const number = nextOrderNumber();
    for (let i = 0; i < count; i++) {
      const payload = { ...shipmentPayload(number, { trackingNumber: `1ZCONC${number}${i}` }), lines: [{ orderLineId: crypto.randomUUID(), title: `Item ${i}`, quantity: 1 }] };
      await quiet.context().transaction((tx) => onShipmentShippedNotify(tx, domainEvent('shipping.shipment.shipped', payload, 'shipping')));
    }
    return number;
  };

  it('three sweeps at once send each message exactly once', async () => {
    const number = await queueShipped(30);
    const real = createMailer(readMailConfig());
    const sentBy: string[][] = [[], [], []];
    // Each send takes a little while, so the sweeps overlap for their whole run.
    const mailerOf = (sweep: number): Mailer => ({
      async send(notification) {
        await new Promise((resolve) => setTimeout(resolve, 15));
        await real.send(notification);
        sentBy[sweep]!.push(notification.id);
      },
    });
    const policy = { ...DEFAULT_RETRY_POLICY, batchSize: 4 };
    const results = await Promise.all([0, 1, 2].map((sweep) => sendDueNotifications(quiet.context(), mailerOf(sweep), policy)));

    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(30);
    expect(results.filter((result) => result.sent > 0).length).toBeGreaterThan(1);
    const ids = sentBy.flat();
    expect(new Set(ids).size).toBe(30);
    expect(ids).toHaveLength(30);
    const received = receivedFor(number);
    expect(received).toHaveLength(30);
    expect(new Set(received.map((mail) => parseMail(mail.data).headers['message-id'])).size).toBe(30);
    const rows = await notificationsOf(quiet, number);
    expect(rows.every((row) => row.status === 'SENT' && row.attempts === 1)).toBe(true);
  });

  it('a claim whose mailer died is taken again when its lease runs out; the dead claim cannot mark it', async () => {
    const number = await queueShipped(1);
    const [stale] = await claimDue(quiet.context(), 10, 300);
    expect(stale).toMatchObject({ orderNumber: number, attempt: 1 });
    // Leased: another sweep finds nothing to do.
    expect(await sendDueNotifications(quiet.context(), createMailer(readMailConfig()))).toEqual({ sent: 0, failed: 0 });

    // The lease runs out (the first mailer died mid-send): the row is due again, as attempt 2.
    await quiet.sql('update notification set next_attempt_at = now() where order_number = ?', [number]);
    expect(await sendDueNotifications(quiet.context(), createMailer(readMailConfig()))).toEqual({ sent: 1, failed: 0 });
    // The first mailer wakes up and reports: its claim is stale and changes nothing.
    await markSent(quiet.context(), stale!);
    expect(await notificationsOf(quiet, number)).toEqual([expect.objectContaining({ status: 'SENT', attempts: 2 })]);
    expect(receivedFor(number)).toHaveLength(1);
  });

  it('a failure never stops the sweep: the others still go out', async () => {
    const number = await queueShipped(3);
    const real = createMailer(readMailConfig());
    let calls = 0;
    const flaky: Mailer = {
      async send(notification) {
        if (++calls === 2) throw Object.assign(new Error('connection reset'), { code: 'ECONNRESET' });
        await real.send(notification);
      },
    };
    expect(await sendDueNotifications(quiet.context(), flaky)).toEqual({ sent: 2, failed: 1 });
    const rows = await notificationsOf(quiet, number);
    expect(rows.map((row) => row.status).sort()).toEqual(['PENDING', 'SENT', 'SENT']);
    expect(rows.find((row) => row.status === 'PENDING')!.last_error).toBe('ECONNRESET: connection reset');
  });
});
