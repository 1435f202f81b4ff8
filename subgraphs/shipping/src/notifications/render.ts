import { countryName, formatMinorUnits } from '#kit';
import type { OrderPaid, OrderRefunded, PostalAddress, ShipmentDelivered, ShipmentShipped, ShipmentTrackingUpdated } from './payloads.ts';

/** A message ready to queue: the same content as plain text and as HTML. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** Everything interpolated into HTML goes through here: text content and attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Control characters (a newline in a product title) would forge lines in the text part: each run becomes a space. */
function clean(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** Money from integer minor units with the kit's formatting: 1999 USD → "19.99 USD". */
export function formatMoney(minor: number, currencyCode: string): string {
  return `${formatMinorUnits(minor, currencyCode)} ${currencyCode}`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long', timeStyle: 'short' });
const formatTime = (iso: string) => `${dateTime.format(new Date(iso))} UTC`;

const SHOP = 'Supergraph Commerce';

/** A rendered row of a two-column table: label and value, in text and HTML. */
type Row = [label: string, value: string, strong?: boolean];

/** The pieces of one message; `layout` turns them into both parts, so text and HTML say the same. */
interface Content {
  subject: string;
  heading: string;
  intro: string[];
  /** Items: [description, amount or quantity]. */
  items?: { title: string; rows: Row[] };
  facts?: Row[];
  address?: { title: string; lines: string[] };
  outro?: string[];
}

function layout(content: Content): RenderedMessage {
  const text: string[] = [content.heading, '', ...content.intro.map(clean)];
  const html: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(clean(content.subject))}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f4f4f5;font-family:Helvetica,Arial,sans-serif;color:#18181b">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">',
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(clean(content.heading))}</h1>`,
    ...content.intro.map((p) => `<p style="margin:0 0 12px;line-height:1.5">${escapeHtml(clean(p))}</p>`),
  ];
  const table = (rows: Row[]) => [
    '<table role="presentation" style="width:100%;border-collapse:collapse;margin:0 0 16px">',
    ...rows.map(
      ([label, value, strong]) =>
        `<tr><td style="padding:6px 0;border-bottom:1px solid #e4e4e7${strong ? ';font-weight:bold' : ''}">${escapeHtml(clean(label))}</td>` +
        `<td style="padding:6px 0;border-bottom:1px solid #e4e4e7;text-align:right;white-space:nowrap${strong ? ';font-weight:bold' : ''}">${escapeHtml(clean(value))}</td></tr>`,
    ),
    '</table>',
  ];
  const textRows = (rows: Row[]) => rows.map(([label, value]) => `  ${clean(label)}: ${clean(value)}`);
  if (content.items) {
    text.push('', `${content.items.title}:`, ...textRows(content.items.rows));
    html.push(`<h2 style="font-size:16px;margin:16px 0 8px">${escapeHtml(content.items.title)}</h2>`, ...table(content.items.rows));
  }
  if (content.facts && content.facts.length > 0) {
    text.push('', ...content.facts.map(([label, value]) => `${clean(label)}: ${clean(value)}`));
    html.push(...table(content.facts));
  }
  if (content.address) {
    text.push('', `${content.address.title}:`, ...content.address.lines.map((line) => `  ${clean(line)}`));
    html.push(
      `<h2 style="font-size:16px;margin:16px 0 8px">${escapeHtml(content.address.title)}</h2>`,
      `<p style="margin:0 0 12px;line-height:1.5">${content.address.lines.map((line) => escapeHtml(clean(line))).join('<br>')}</p>`,
    );
  }
  for (const p of content.outro ?? []) {
    text.push('', clean(p));
    html.push(`<p style="margin:0 0 12px;line-height:1.5">${escapeHtml(clean(p))}</p>`);
  }
  text.push('', '--', SHOP, '');
  html.push(`<p style="margin:24px 0 0;color:#71717a;font-size:12px">${escapeHtml(SHOP)}</p>`, '</div></body></html>', '');
  return { subject: clean(content.subject), text: text.join('\n'), html: html.join('\n') };
}

function addressLines(address: PostalAddress): string[] {
  const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
  const region = [address.city, address.provinceCode, address.zip].filter(Boolean).join(' ');
  const country = address.countryCode ? (countryName(address.countryCode) ?? address.countryCode) : null;
  return [name, address.address1, address.address2, region, country].filter((line): line is string => Boolean(line && line.trim()));
}

const trackingFacts = (news: { carrier: string; trackingNumber: string }): Row[] => [
  ['Carrier', news.carrier],
  ['Tracking number', news.trackingNumber],
];

export function renderOrderConfirmed(order: OrderPaid): RenderedMessage {
  const money = (minor: number) => formatMoney(minor, order.currencyCode);
  const { totals } = order;
  const summary: Row[] = [['Subtotal', money(totals.subtotalMinor)]];
  if (totals.discountsMinor !== 0) summary.push(['Discounts', money(-Math.abs(totals.discountsMinor))]);
  summary.push(['Shipping', money(totals.shippingMinor)], ['Tax', money(totals.taxMinor)], ['Total', money(totals.totalMinor), true]);
  const address = order.shippingAddress ? addressLines(order.shippingAddress) : [];
  return layout({
    subject: `Order #${order.number} confirmed`,
    heading: `Thank you for your order #${order.number}`,
    intro: ['We have received your payment and are getting your order ready. We will email you again when it ships.'],
    items: {
      title: 'Your order',
      rows: order.lines.map((line): Row => [`${line.title} × ${line.quantity} (${money(line.unitPriceMinor)} each)`, money(line.totalMinor)]),
    },
    facts: summary,
    address: address.length > 0 ? { title: 'Shipping to', lines: address } : undefined,
  });
}

export function renderShipped(shipment: ShipmentShipped): RenderedMessage {
  return layout({
    subject: `Order #${shipment.orderNumber} has shipped`,
    heading: `Your order #${shipment.orderNumber} is on its way`,
    intro: [`Your parcel has been handed to ${shipment.carrier}.`],
    items: { title: 'In this parcel', rows: shipment.lines.map((line): Row => [line.title, `× ${line.quantity}`]) },
    facts: trackingFacts(shipment),
    outro: ['Some items of your order may arrive in a separate parcel.'],
  });
}

export function renderOutForDelivery(update: ShipmentTrackingUpdated): RenderedMessage {
  const facts = trackingFacts(update);
  if (update.location) facts.push(['Location', update.location]);
  facts.push(['Updated', formatTime(update.occurredAt)]);
  return layout({
    subject: `Order #${update.orderNumber} is out for delivery`,
    heading: `Your order #${update.orderNumber} is out for delivery`,
    intro: [`${update.carrier} expects to deliver your parcel today.`],
    facts,
  });
}

export function renderDelivered(delivery: ShipmentDelivered): RenderedMessage {
  return layout({
    subject: `Order #${delivery.orderNumber} was delivered`,
    heading: `Your order #${delivery.orderNumber} was delivered`,
    intro: [`${delivery.carrier} delivered your parcel on ${formatTime(delivery.deliveredAt)}.`],
    facts: trackingFacts(delivery),
    outro: ['If anything is missing or damaged, reply to this email and we will make it right.'],
  });
}

export function renderRefunded(refund: OrderRefunded): RenderedMessage {
  const money = (minor: number) => formatMoney(minor, refund.currencyCode);
  const facts: Row[] = [
    ['Refund', money(refund.amountMinor), true],
    ['Refunded so far', `${money(refund.refundedTotalMinor)} of ${money(refund.capturedMinor)} paid`],
  ];
  if (refund.reason) facts.push(['Reason', humanize(refund.reason)]);
  return layout({
    subject: `Refund of ${money(refund.amountMinor)} for order #${refund.number}`,
    heading: `We refunded ${money(refund.amountMinor)} for order #${refund.number}`,
    intro: ['The refund goes back to the card you paid with; your bank may take a few days to show it.'],
    facts,
  });
}

/** `REQUESTED_BY_CUSTOMER` → "Requested by customer"; free text stays as written. */
function humanize(reason: string): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(reason)) return reason;
  const words = reason.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
