import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type { RequestContext } from '#kit';
import { claimDue, markFailed, markSent, NotificationStatus, type ClaimedNotification } from './outbox.ts';

/** The variables the mailer reads (declared in the subgraph's `env`). */
export const MAIL_ENV = ['SMTP_URL', 'MAIL_DIR', 'MAIL_FROM'];

export interface MailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…:465`: send through it. Null: write .eml files instead. */
  smtpUrl: string | null;
  /** Where .eml files go when there is no SMTP_URL. */
  mailDir: string;
  /** The From header, e.g. `"Supergraph Commerce" <orders@example.com>`. */
  from: string;
}

const REPOSITORY_ROOT = resolve(import.meta.dirname, '../../../..');
export const DEFAULT_FROM = '"Supergraph Commerce" <orders@localhost>';

/**
 * SMTP_URL, else .eml files in MAIL_DIR (default `<DATA_DIR or .data>/mail`, relative to the repository like
 * `npm start`'s DATA_DIR; under NODE_ENV=test the OS's temporary folder, so a test run never fills a
 * developer's mail folder); MAIL_FROM. Refuses what would only fail later, at every send.
 */
export function readMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl) {
    let protocol: string;
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      throw new Error('SMTP_URL is not a URL (expected smtp://user:password@host:587 or smtps://…).');
    }
    if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new Error(`SMTP_URL must be smtp:// or smtps://, not ${protocol}//.`);
  }
  const from = env.MAIL_FROM?.trim() || DEFAULT_FROM;
  if (!/@[^\s@<>]+>?$/.test(from) || /[\r\n]/.test(from)) throw new Error('MAIL_FROM must be an address, e.g. "Shop" <orders@example.com>.');
  const fallback = env.NODE_ENV === 'test' ? join(tmpdir(), 'supergraph-commerce-test-mail') : join(env.DATA_DIR?.trim() || '.data', 'mail');
  const mailDir = resolve(REPOSITORY_ROOT, env.MAIL_DIR?.trim() || fallback);
  return { smtpUrl, mailDir, from };
}

/** Sends one claimed notification, or throws. */
export interface Mailer {
  send(notification: ClaimedNotification): Promise<void>;
}

/** `<uuid@domain of From>`: the same on every attempt, so a receiving system can tell a resend from a new message. */
function messageIdOf(notification: ClaimedNotification, from: string): string {
  const domain = /@([^\s@<>]+)>?$/.exec(from)?.[1] ?? 'localhost';
  return `<notification.${notification.id}@${domain}>`;
}

function mailOf(notification: ClaimedNotification, from: string) {
  return {
    from,
    to: notification.recipient,
    subject: notification.subject,
    text: notification.text,
    html: notification.html,
    messageId: messageIdOf(notification, from),
    headers: { 'X-Commerce-Notification': notification.kind },
  };
}

/**
 * Sortable by time, naming the order and the kind, and the same on every attempt (a resend overwrites
 * it): `20261125T101530123Z-order-1001-shipped-<notification id>.eml`.
 */
export function emlFileName(notification: Pick<ClaimedNotification, 'id' | 'createdAt' | 'orderNumber' | 'kind'>): string {
  const stamp = notification.createdAt.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-order-${notification.orderNumber}-${notification.kind.toLowerCase().replace(/_/g, '-')}-${notification.id}.eml`;
}

export function createMailer(config: MailConfig): Mailer {
  if (config.smtpUrl) {
    // One connection per message (no pool: nothing to close when the process stops). The timeouts keep an
    // unresponsive server's attempt well inside the claim's lease.
    const transport = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    return {
      async send(notification) {
        await transport.sendMail(mailOf(notification, config.from));
      },
    };
  }
  // What a mail client opens: the RFC 822 message nodemailer would have sent, CRLF line ends.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let made = false;
  return {
    async send(notification) {
      const info = await transport.sendMail(mailOf(notification, config.from));
      if (!made) {
        await mkdir(config.mailDir, { recursive: true });
        made = true;
      }
      const path = join(config.mailDir, emlFileName(notification));
      // Written whole, then renamed into place: whoever watches the folder never reads half a message.
      const partial = `${path}.${process.pid}.partial`;
      await writeFile(partial, info.message as Buffer);
      await rename(partial, path);
    },
  };
}

let cached: { key: string; mailer: Mailer } | undefined;

/** The process's mailer for the current variables (made again only if they change). */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer {
  const config = readMailConfig(env);
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, mailer: createMailer(config) };
  return cached.mailer;
}

export interface RetryPolicy {
  /** Attempts before a message is given up (FAILED, its last error kept). */
  maxAttempts: number;
  /** The wait after the first failure; it doubles with each further one... */
  baseDelaySeconds: number;
  /** ...up to this. */
  maxDelaySeconds: number;
  /** How long a claim holds a row before another mailer may take it (a mailer that died mid-send). */
  leaseSeconds: number;
  /** Rows claimed at a time. */
  batchSize: number;
}

/** 10 attempts over about three hours: 30 s, 1, 2, 4, 8, 16, 32 min, then hourly. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, baseDelaySeconds: 30, maxDelaySeconds: 3600, leaseSeconds: 300, batchSize: 20 };

export function retryDelaySeconds(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  return Math.min(policy.baseDelaySeconds * 2 ** Math.max(0, attempt - 1), policy.maxDelaySeconds);
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 2000);
  const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
  const prefix = [code, responseCode].filter((part) => part !== undefined && part !== null).join(' ');
  return `${prefix ? `${prefix}: ` : ''}${error.message}`.slice(0, 2000);
}

/**
 * Sends what is due, batch by batch, until nothing is: each row claimed (so concurrent sweeps never take
 * the same one), sent, and marked sent or failed. A failure never stops the sweep; it is recorded on the row
 * and retried after its backoff. The sender (`mailer`) is a parameter so tests can slow it or break it.
 */
export async function sendDueNotifications(
  ctx: RequestContext<unknown>,
  mailer: Mailer = mailerFromEnv(),
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await claimDue(ctx, policy.batchSize, policy.leaseSeconds);
    for (const notification of batch) {
      const fields = { notificationId: notification.id, kind: notification.kind, orderNumber: notification.orderNumber, attempt: notification.attempt };
      try {
        await mailer.send(notification);
      } catch (error) {
        failed++;
        const status = await markFailed(ctx, notification, describeError(error), retryDelaySeconds(notification.attempt, policy), policy.maxAttempts);
        if (status === NotificationStatus.FAILED) ctx.log.error({ ...fields, err: error }, 'notification not sent; giving up');
        else ctx.log.warn({ ...fields, err: error }, 'notification not sent; will retry');
        continue;
      }
      await markSent(ctx, notification);
      sent++;
      ctx.log.info(fields, 'notification sent');
    }
    if (batch.length < policy.batchSize) return { sent, failed };
  }
}
