import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainEvent } from '#kit';
import { createTestDatabase, eventually, startTestSubgraph, type TestSubgraph } from '#kit/testing/index.ts';
import { shipping } from '../src/subgraph.ts';

/** A message as a test SMTP server received it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/**
 * Just enough SMTP (RFC 5321) on loopback for nodemailer's client: EHLO/HELO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT, no TLS and no auth. `failNext` answers that many RCPTs with a temporary 451; `failAll`
 * answers every one so.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  failNext = 0;
  failAll = false;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor() {
    this.server = createServer((socket) => this.session(socket));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private session(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = '';
    let envelope: { from: string; to: string[] } | null = null;
    let data: string[] | null = null;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 test-smtp ESMTP ready');
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line === '.') {
            this.received.push({ from: envelope!.from, to: envelope!.to, data: data.join('\r\n') });
            data = null;
            envelope = null;
            reply('250 2.0.0 queued');
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 test-smtp');
        else if (verb === 'MAIL') {
          envelope = { from: /<([^>]*)>/.exec(line)?.[1] ?? '', to: [] };
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          if (!envelope) reply('503 5.5.1 MAIL first');
          else if (this.failAll || this.failNext > 0) {
            this.failNext = Math.max(0, this.failNext - 1);
            reply('451 4.3.0 mailbox busy, try again later');
          } else {
            envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
            reply('250 2.1.5 ok');
          }
        } else if (verb === 'DATA') {
          if (!envelope || envelope.to.length === 0) reply('554 5.5.1 no valid recipients');
          else {
            data = [];
            reply('354 end data with <CR><LF>.<CR><LF>');
          }
        } else if (verb === 'RSET') {
          envelope = null;
          reply('250 2.0.0 ok');
        } else if (verb === 'NOOP') reply('250 2.0.0 ok');
        else if (verb === 'QUIT') {
          reply('221 2.0.0 bye');
          socket.end();
        } else reply('502 5.5.2 not implemented');
      }
    });
  }
}

/** A parsed RFC 822 message: headers (lower-case names, unfolded), and the decoded text and HTML parts. */
export interface ParsedMail {
  headers: Record<string, string>;
  text: string;
  html: string;
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'quoted-printable': {
      const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

/** Decodes an encoded-word header (`=?UTF-8?Q?…?=`), as nodemailer writes non-ASCII subjects. */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, mode: string, text: string) =>
    mode.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

/** Enough MIME for what nodemailer writes here: a multipart/alternative of text/plain and text/html. */
export function parseMail(raw: string): ParsedMail {
  const normalized = raw.replace(/\r?\n/g, '\r\n');
  const { headers, body } = splitHeaders(normalized);
  for (const name of ['subject', 'from', 'to']) if (headers[name]) headers[name] = decodeHeader(headers[name]!);
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1).map((part) => splitHeaders(part.replace(/^\r\n/, ''))) : [{ headers, body }];
  const partOf = (type: string) => {
    const part = parts.find((p) => (p.headers['content-type'] ?? '').startsWith(type));
    // Line ends as the renderer wrote them (the message itself has CRLF, as RFC 5322 wants).
    return part ? decodeBody(part.body.replace(/\r\n$/, ''), part.headers['content-transfer-encoding']).replace(/\r\n/g, '\n') : '';
  };
  return { headers, text: partOf('text/plain'), html: partOf('text/html') };
}

/** The .eml files in `dir` whose names mention `fragment`, sorted by name. */
export async function emlFiles(dir: string, fragment = ''): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.eml') && name.includes(fragment)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Waits for the .eml of order `orderNumber` and `kind` (`shipped`, `order-confirmed`, …) and parses it. */
export async function waitForEml(dir: string, orderNumber: number, kind: string): Promise<{ name: string; mail: ParsedMail }> {
  const fragment = `-order-${orderNumber}-${kind}-`;
  const names = await eventually(() => emlFiles(dir, fragment), (found) => found.length > 0);
  if (names.length === 0) throw new Error(`no .eml for ${fragment} in ${dir}`);
  return { name: names[0]!, mail: parseMail(await readFile(join(dir, names[0]!), 'utf8')) };
}

let lastOrderNumber = 1000 + Math.floor(Math.random() * 1000) * 100;
/** A fresh order number per test, so files and rows of one test are told apart from another's. */
export const nextOrderNumber = () => ++lastOrderNumber;

/** A domain event as the producer's relay publishes it. */
export function domainEvent<T>(type: string, payload: T, producer = type.split('.')[0]!): DomainEvent<T> {
  return { id: crypto.randomUUID(), type, producer, occurredAt: new Date().toISOString(), requestId: null, payload };
}

/** Publishes an event on the real bus as its producer's relay would (the event id is the job id). */
export async function publish(subgraph: TestSubgraph, event: DomainEvent<unknown>): Promise<void> {
  await subgraph.server.bus.boss.publish(event.type, event, { id: event.id });
}

/** Emits a shipping.* event the way the shipping subgraph's own services do: in a transaction, through the outbox. */
export async function emitAsShipping(subgraph: TestSubgraph, type: string, payload: object): Promise<void> {
  await subgraph.context().transaction((tx) => tx.emit(type, payload));
}

export interface NotificationRow {
  id: string;
  kind: string;
  source_id: string;
  event_id: string;
  order_number: number;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string;
  status: string;
  attempts: number;
  last_error: string | null;
  /** Timestamps come back from raw SQL as PostgreSQL prints them. */
  next_attempt_at: string;
  sent_at: string | null;
}

export const notificationsOf = (subgraph: TestSubgraph, orderNumber: number) =>
  subgraph.sql<NotificationRow>('select * from notification where order_number = ? order by created_at', [orderNumber]);

export const paidPayload = (orderNumber: number, overrides: Record<string, unknown> = {}) => ({
  orderId: crypto.randomUUID(),
  number: orderNumber,
  cartId: crypto.randomUUID(),
  customerId: null,
  email: 'ada@example.com',
  currencyCode: 'USD',
  totals: { subtotalMinor: 4498, discountsMinor: 500, shippingMinor: 599, taxMinor: 370, totalMinor: 4967 },
  lines: [
    { orderLineId: crypto.randomUUID(), variantId: crypto.randomUUID(), title: 'Linen shirt — Blue / M', quantity: 2, unitPriceMinor: 1999, totalMinor: 3998 },
    { orderLineId: crypto.randomUUID(), variantId: crypto.randomUUID(), title: 'Socks', quantity: 1, unitPriceMinor: 500, totalMinor: 500 },
  ],
  shippingAddress: {
    firstName: 'Ada',
    lastName: 'Lovelace',
    address1: '12 Analytical Row',
    address2: null,
    city: 'Austin',
    provinceCode: 'TX',
    zip: '73301',
    countryCode: 'US',
    phone: null,
  },
  ...overrides,
});

export const shipmentPayload = (orderNumber: number, overrides: Record<string, unknown> = {}) => ({
  shipmentId: crypto.randomUUID(),
  orderId: crypto.randomUUID(),
  orderNumber,
  email: 'ada@example.com',
  carrier: 'UPS',
  trackingNumber: `1Z${orderNumber}X`,
  ...overrides,
});

/**
 * The shipping subgraph without SMTP_URL: every message is written as an .eml file into a folder of the
 * calling test file's own (notifications-eml.test.ts, notifications-once-sender.test.ts).
 */
export async function startEmlSubgraph(label: string): Promise<{ subgraph: TestSubgraph; mailDir: string; close(): Promise<void> }> {
  const mailDir = await mkdtemp(join(tmpdir(), 'notifications-'));
  delete process.env.SMTP_URL;
  process.env.MAIL_DIR = mailDir;
  process.env.MAIL_FROM = '"Test Shop" <shop@example.test>';
  let subgraph: TestSubgraph | undefined;
  const close = async () => {
    await subgraph?.close();
    await rm(mailDir, { recursive: true, force: true });
  };
  try {
    subgraph = await startTestSubgraph(shipping, await createTestDatabase(label));
  } catch (error) {
    await close();
    throw error;
  }
  return { subgraph, mailDir, close };
}

/** `minutes` ago, to the minute (carriers' times; an OUT_FOR_DELIVERY over a day old is not mailed). */
export const minutesAgo = (minutes: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutes * 60_000).toISOString();
