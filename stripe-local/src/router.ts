/**
 * The HTTP side of the double, in plain node:http: Stripe's authentication, its form-encoded bodies,
 * idempotency keys, JSON answers with Stripe's headers (`Request-Id`, `Stripe-Version`,
 * `Idempotent-Replayed`) and its error envelope, then the matching endpoint in api-routes.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiRoute } from './api-routes.ts';
import { invalidRequest, StripeLocalError } from './errors.ts';
import { decodeForm } from './form.ts';
import type { IdempotencyStore } from './idempotency.ts';
import { newId } from './ids.ts';

const MAX_BODY_BYTES = 1024 * 1024;

export interface Log {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Handles what is not Stripe's API (/_local, /health); knows nothing of authentication. */
export type LocalHandler = (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) => Promise<void>;

export function createListener(options: { routes: ApiRoute[]; idempotency: IdempotencyStore; apiVersion: string; local: LocalHandler; log?: Log }) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = newId('req', 14);
    res.setHeader('request-id', requestId);
    try {
      const url = new URL(req.url ?? '/', 'http://stripe-local');
      if (url.pathname.startsWith('/_local/') || url.pathname.startsWith('/health/')) return await options.local(req, res, url, requestId);
      res.setHeader('stripe-version', headerOf(req, 'stripe-version') ?? options.apiVersion);
      authenticate(req, res);
      const method = req.method ?? 'GET';
      const route = options.routes.find((candidate) => candidate.method === method && candidate.path.test(url.pathname));
      if (!route) {
        throw invalidRequest(
          `Unrecognized request URL (${method}: ${url.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/. (stripe-local implements only the calls this project makes: see stripe-local/README.md.)`,
          { status: 404 },
        );
      }
      const ids = route.path.exec(url.pathname)!.slice(1);
      const params = decodeForm(method === 'POST' ? await readForm(req) : url.search.slice(1));
      // Only POSTs are keyed, as at Stripe: a GET is idempotent by nature.
      const key = method === 'POST' ? headerOf(req, 'idempotency-key') : undefined;
      if (key !== undefined) {
        res.setHeader('idempotency-key', key);
        const saved = options.idempotency.replay(key, url.pathname, params);
        if (saved) {
          res.setHeader('idempotent-replayed', 'true');
          res.setHeader('original-request', saved.requestId);
          return send(res, saved.status, saved.body);
        }
      }
      const { status, body } = run(route, { params, ids, request: { requestId, idempotencyKey: key ?? null } }, options.log);
      if (key !== undefined) options.idempotency.save(key, url.pathname, params, { status, body, requestId });
      send(res, status, body);
    } catch (error) {
      const failure = error instanceof StripeLocalError ? error : unexpected(error, options.log);
      send(res, failure.status, json(failure));
    }
  };
}

function run(route: ApiRoute, input: Parameters<ApiRoute['run']>[0], log?: Log): { status: number; body: string } {
  try {
    return { status: 200, body: json(route.run(input)) };
  } catch (error) {
    const failure = error instanceof StripeLocalError ? error : unexpected(error, log);
    return { status: failure.status, body: json(failure) };
  }
}

function unexpected(error: unknown, log?: Log): StripeLocalError {
  log?.error({ err: error }, 'stripe-local failed on a request');
  return new StripeLocalError(500, { type: 'api_error', message: 'An unknown error occurred in stripe-local.' });
}

/** Any `sk_test_` key is accepted, as a Bearer token or as Basic auth's user name (`curl -u sk_test_...:`). */
function authenticate(req: IncomingMessage, res: ServerResponse): void {
  const header = req.headers.authorization ?? '';
  const [scheme = '', value = ''] = header.split(' ', 2);
  const key = /^bearer$/i.test(scheme) ? value.trim() : /^basic$/i.test(scheme) ? Buffer.from(value, 'base64').toString('utf8').split(':')[0] : '';
  if (key?.startsWith('sk_test_')) return;
  // Stripe answers 401 with type invalid_request_error; the SDK raises StripeAuthenticationError for it.
  res.setHeader('www-authenticate', 'Basic realm="Stripe"');
  if (!key) {
    throw invalidRequest(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      { status: 401 },
    );
  }
  throw invalidRequest(`Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`, { status: 401 });
}

async function readForm(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw invalidRequest('Request body too large.', { status: 413 });
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  if (text !== '' && !type.startsWith('application/x-www-form-urlencoded')) {
    throw invalidRequest(`Invalid request: unsupported Content-Type ${type || '(none)'}. Stripe's v1 API takes application/x-www-form-urlencoded bodies.`);
  }
  return text;
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Stripe pretty-prints its JSON; so does the double, which makes a curl session readable. */
export const json = (value: unknown) => JSON.stringify(value, null, 2);

export function send(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-cache, no-store');
  res.end(body);
}
