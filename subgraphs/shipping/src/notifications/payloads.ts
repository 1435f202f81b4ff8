import { isUuid, type DomainEvent } from '#kit';

/**
 * The payloads the notifications are made from (subgraphs/orders/README.md; the shipping.* ones are this
 * subgraph's own shipment events), read defensively: a malformed payload is the producer's bug, thrown so
 * the event retries and lands in the dead-letter queue, visible, instead of mailing a customer nonsense.
 * An email that is null is not malformed (a guest order without one): the subscriber sends nothing.
 */

export interface OrderLineSummary {
  title: string;
  quantity: number;
  unitPriceMinor: number;
  totalMinor: number;
}

export interface PostalAddress {
  firstName: string | null;
  lastName: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  provinceCode: string | null;
  zip: string | null;
  countryCode: string | null;
}

/** `orders.order.paid` (`OrderSummary`), as far as the confirmation needs it. */
export interface OrderPaid {
  orderId: string;
  number: number;
  email: string | null;
  currencyCode: string;
  totals: { subtotalMinor: number; discountsMinor: number; shippingMinor: number; taxMinor: number; totalMinor: number };
  lines: OrderLineSummary[];
  shippingAddress: PostalAddress | null;
}

/** `orders.order.refunded`. */
export interface OrderRefunded {
  orderId: string;
  number: number;
  email: string | null;
  refundId: string;
  amountMinor: number;
  currencyCode: string;
  refundedTotalMinor: number;
  capturedMinor: number;
  reason: string | null;
}

/** What every shipment event carries. */
export interface ShipmentNews {
  shipmentId: string;
  orderId: string;
  orderNumber: number;
  email: string | null;
  carrier: string;
  trackingNumber: string;
}

/** `shipping.shipment.shipped`. */
export interface ShipmentShipped extends ShipmentNews {
  lines: { title: string; quantity: number }[];
}

/** `shipping.shipment.tracking_updated`. */
export interface ShipmentTrackingUpdated extends ShipmentNews {
  status: string;
  occurredAt: string;
  location: string | null;
}

/** `shipping.shipment.delivered`. */
export interface ShipmentDelivered extends ShipmentNews {
  deliveredAt: string;
}

class PayloadReader {
  private readonly event: DomainEvent<unknown>;

  constructor(event: DomainEvent<unknown>) {
    this.event = event;
  }

  fail(path: string, expected: string): never {
    throw new Error(`${this.event.type} ${this.event.id}: payload.${path} is not ${expected}`);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'an object');
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'a list');
    return value;
  }

  text(value: unknown, path: string): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(path, 'a non-empty string');
    return value;
  }

  optionalText(value: unknown, path: string): string | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') this.fail(path, 'a string or null');
    return value.trim() === '' ? null : value;
  }

  uuid(value: unknown, path: string): string {
    if (typeof value !== 'string' || !isUuid(value.toLowerCase())) this.fail(path, 'a uuid');
    return value.toLowerCase();
  }

  /** Integer minor units (or a count): exact in JavaScript, so never a float. */
  integer(value: unknown, path: string, min = Number.MIN_SAFE_INTEGER): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) this.fail(path, min === 0 ? 'a whole number ≥ 0' : 'a whole number');
    return value;
  }

  currency(value: unknown, path: string): string {
    if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) this.fail(path, 'an ISO 4217 code');
    return value;
  }

  timestamp(value: unknown, path: string): string {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) this.fail(path, 'an ISO-8601 time');
    return new Date(value).toISOString();
  }

  /** Null (no email) passes; anything else must be a string. Whether it is a usable address is the subscriber's question. */
  email(value: unknown, path: string): string | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') this.fail(path, 'a string or null');
    return value.trim() === '' ? null : value.trim();
  }
}

export function readOrderPaid(event: DomainEvent<unknown>): OrderPaid {
  const r = new PayloadReader(event);
  const p = r.object(event.payload, '');
  const totals = r.object(p.totals, 'totals');
  const address = p.shippingAddress === null || p.shippingAddress === undefined ? null : r.object(p.shippingAddress, 'shippingAddress');
  return {
    orderId: r.uuid(p.orderId, 'orderId'),
    number: r.integer(p.number, 'number', 1),
    email: r.email(p.email, 'email'),
    currencyCode: r.currency(p.currencyCode, 'currencyCode'),
    totals: {
      subtotalMinor: r.integer(totals.subtotalMinor, 'totals.subtotalMinor'),
      discountsMinor: r.integer(totals.discountsMinor, 'totals.discountsMinor'),
      shippingMinor: r.integer(totals.shippingMinor, 'totals.shippingMinor'),
      taxMinor: r.integer(totals.taxMinor, 'totals.taxMinor'),
      totalMinor: r.integer(totals.totalMinor, 'totals.totalMinor'),
    },
    lines: r.array(p.lines, 'lines').map((value, i) => {
      const line = r.object(value, `lines[${i}]`);
      return {
        title: r.text(line.title, `lines[${i}].title`),
        quantity: r.integer(line.quantity, `lines[${i}].quantity`, 1),
        unitPriceMinor: r.integer(line.unitPriceMinor, `lines[${i}].unitPriceMinor`),
        totalMinor: r.integer(line.totalMinor, `lines[${i}].totalMinor`),
      };
    }),
    shippingAddress: address && {
      firstName: r.optionalText(address.firstName, 'shippingAddress.firstName'),
      lastName: r.optionalText(address.lastName, 'shippingAddress.lastName'),
      address1: r.optionalText(address.address1, 'shippingAddress.address1'),
      address2: r.optionalText(address.address2, 'shippingAddress.address2'),
      city: r.optionalText(address.city, 'shippingAddress.city'),
      provinceCode: r.optionalText(address.provinceCode, 'shippingAddress.provinceCode'),
      zip: r.optionalText(address.zip, 'shippingAddress.zip'),
      countryCode: r.optionalText(address.countryCode, 'shippingAddress.countryCode'),
    },
  };
}

export function readOrderRefunded(event: DomainEvent<unknown>): OrderRefunded {
  const r = new PayloadReader(event);
  const p = r.object(event.payload, '');
  return {
    orderId: r.uuid(p.orderId, 'orderId'),
    number: r.integer(p.number, 'number', 1),
    email: r.email(p.email, 'email'),
    refundId: r.uuid(p.refundId, 'refundId'),
    amountMinor: r.integer(p.amountMinor, 'amountMinor', 0),
    currencyCode: r.currency(p.currencyCode, 'currencyCode'),
    refundedTotalMinor: r.integer(p.refundedTotalMinor, 'refundedTotalMinor', 0),
    capturedMinor: r.integer(p.capturedMinor, 'capturedMinor', 0),
    reason: r.optionalText(p.reason, 'reason'),
  };
}

function readShipmentNews(r: PayloadReader, p: Record<string, unknown>): ShipmentNews {
  return {
    shipmentId: r.uuid(p.shipmentId, 'shipmentId'),
    orderId: r.uuid(p.orderId, 'orderId'),
    orderNumber: r.integer(p.orderNumber, 'orderNumber', 1),
    email: r.email(p.email, 'email'),
    carrier: r.text(p.carrier, 'carrier'),
    trackingNumber: r.text(p.trackingNumber, 'trackingNumber'),
  };
}

export function readShipmentShipped(event: DomainEvent<unknown>): ShipmentShipped {
  const r = new PayloadReader(event);
  const p = r.object(event.payload, '');
  return {
    ...readShipmentNews(r, p),
    lines: r.array(p.lines, 'lines').map((value, i) => {
      const line = r.object(value, `lines[${i}]`);
      return { title: r.text(line.title, `lines[${i}].title`), quantity: r.integer(line.quantity, `lines[${i}].quantity`, 1) };
    }),
  };
}

export function readShipmentTrackingUpdated(event: DomainEvent<unknown>): ShipmentTrackingUpdated {
  const r = new PayloadReader(event);
  const p = r.object(event.payload, '');
  return {
    ...readShipmentNews(r, p),
    status: r.text(p.status, 'status'),
    occurredAt: r.timestamp(p.occurredAt, 'occurredAt'),
    location: r.optionalText(p.location, 'location'),
  };
}

export function readShipmentDelivered(event: DomainEvent<unknown>): ShipmentDelivered {
  const r = new PayloadReader(event);
  const p = r.object(event.payload, '');
  return { ...readShipmentNews(r, p), deliveredAt: r.timestamp(p.deliveredAt, 'deliveredAt') };
}
