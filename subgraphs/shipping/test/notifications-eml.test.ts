import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type TestSubgraph } from '#kit/testing/index.ts';
import {
  domainEvent,
  emitAsShipping,
  minutesAgo,
  nextOrderNumber,
  notificationsOf,
  paidPayload,
  publish,
  shipmentPayload,
  startEmlSubgraph,
  waitForEml,
} from './notifications-support.ts';

// What each notification says, written as .eml files (no SMTP_URL) into a folder of this test's own.
// Once per event and the sender: notifications-once-sender.test.ts. SMTP: notifications-smtp.test.ts.
let mailDir: string;
let subgraph: TestSubgraph;
let close: (() => Promise<void>) | undefined;
const HOSTILE = `<script>alert("x")</script> & 'Tee' <img src=x onerror=alert(1)>`;

beforeAll(async () => {
  ({ mailDir, subgraph, close } = await startEmlSubgraph('shipping_notifications'));
});
afterAll(async () => {
  await close?.();
});

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
