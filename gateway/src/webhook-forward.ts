import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type Route } from '#kit/http.ts';
import type { Logger } from '#kit/logger.ts';

/** Stripe's events are a few KiB; the orders service refuses more than this too. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
/** Stripe waits up to ~10 s for an endpoint, then counts the attempt as failed and retries later. */
const DEFAULT_TIMEOUT_MS = 8_000;

export interface WebhookForwardOptions {
  /** The receiving endpoint, e.g. orders' `http://127.0.0.1:4004/webhooks/stripe`; undefined while unknown. */
  target: () => string | undefined;
  /** The request headers passed on, besides `x-request-id` (lower case). Nothing else reaches the receiver. */
  headers: readonly string[];
  log: Logger;
  timeoutMs?: number;
  maxBodyBytes?: number;
}

/**
 * A plain HTTP route that passes a webhook delivery on to the service that handles it, byte for byte:
 * the raw body (signatures are computed over the exact bytes) and the named headers, then answers with
 * that service's status, content type and body. Never through Apollo: no GraphQL, no CSRF rules.
 *
 * What the gateway itself answers: 405 for anything but POST, 413 over the body limit, 503 when the
 * receiving service is not in the supergraph, 502 when it cannot be reached, 504 when it does not answer
 * in time. Every failure is a 5xx, so the sender (Stripe) delivers again later.
 */
export function forwardWebhook(options: WebhookForwardOptions): Route {
  const { log } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_WEBHOOK_BODY_BYTES;

  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendJson(res, 405, { error: 'Method not allowed' });
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > maxBodyBytes ? null : await readBody(req, maxBodyBytes);
    if (!body) return tooLarge(req, res);

    const target = options.target();
    if (!target) {
      log.error({ path: req.url }, 'webhook: the receiving service is not in the supergraph');
      return sendJson(res, 503, { error: 'Service unavailable' });
    }
    const headers: Record<string, string> = {};
    for (const name of [...options.headers, 'x-request-id']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    // Answered by the gateway (kit's request listener) when the caller sent none: the same id on both sides.
    const requestId = res.getHeader('x-request-id');
    if (typeof requestId === 'string') headers['x-request-id'] = requestId;

    const started = Date.now();
    let response: Response;
    let answer: Buffer;
    try {
      // One deadline for the whole exchange: connecting, the receiver's work, and reading its answer.
      response = await fetch(target, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      answer = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      log.warn({ err: error, target, timeoutMs, requestId }, timedOut ? 'webhook: the receiving service did not answer in time' : 'webhook: the receiving service is unreachable');
      return timedOut ? sendJson(res, 504, { error: 'Gateway timeout' }) : sendJson(res, 502, { error: 'Bad gateway' });
    }
    log.info({ target, status: response.status, ms: Date.now() - started, requestId }, 'webhook forwarded');
    res.statusCode = response.status;
    const type = response.headers.get('content-type');
    if (type) res.setHeader('content-type', type);
    res.end(answer);
  };
}

/** The whole body, or null past `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        return resolve(null);
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
  });
}

/**
 * 413, then the connection is closed. The rest of the body is read and dropped meanwhile, so that a sender
 * still writing it sees the answer rather than a reset connection.
 */
function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  res.setHeader('connection', 'close');
  sendJson(res, 413, { error: 'Body too large' });
}
