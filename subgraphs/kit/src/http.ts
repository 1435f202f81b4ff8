import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';

/** Requests larger than this are refused before parsing: no legitimate operation comes close. */
const MAX_BODY_BYTES = 1024 * 1024;

export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface RequestInfo {
  req: IncomingMessage;
  requestId: string;
}

/**
 * A node:http listener serving GraphQL at /graphql and the given plain routes (health checks, webhooks).
 * Apollo Server 5 ships no HTTP framework; its `executeHTTPGraphQLRequest` is all this needs.
 */
export function createRequestListener<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  options: {
    context: (info: RequestInfo) => Promise<TContext>;
    routes?: Record<string, Route>;
    /** Runs first for every request, whatever its path (the gateway's security headers); routes may override what it sets. */
    onRequest?: (req: IncomingMessage, res: ServerResponse) => void;
    /** Runs for /graphql before the body is read; false means it has answered (the gateway's rate limits). */
    admit?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;
    /** Largest POST body accepted (1 MiB by default); larger ones get 413. */
    maxBodyBytes?: number;
    /**
     * Runs when a complete /graphql response is ready, its status and headers set on `res`, before the body
     * is written (the gateway's Cache-Control, ETag and 304, its cached answers): the body to write, or null
     * when it has answered itself.
     */
    beforeSend?: (req: IncomingMessage, res: ServerResponse, body: string) => string | Buffer | null;
  },
) {
  const routes = options.routes ?? {};
  return async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    try {
      options.onRequest?.(req, res);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const route = routes[url.pathname];
      if (route) return await route(req, res);
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found' });
      if (req.method !== 'GET' && req.method !== 'POST') {
        res.setHeader('allow', 'GET, POST');
        return sendJson(res, 405, { error: 'Method not allowed' });
      }
      if (options.admit && !(await options.admit(req, res))) return;
      const body = req.method === 'POST' ? await readJsonBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES) : undefined;
      if (body === TOO_LARGE) {
        // The rest of the body is read and dropped (readBody resumed it), then the connection closes: a sender
        // still writing sees the 413 rather than a reset connection.
        res.setHeader('connection', 'close');
        return sendJson(res, 413, { errors: [{ message: 'Request body too large', extensions: { code: 'BAD_REQUEST' } }] });
      }
      if (body === MALFORMED) return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method, headers, search: url.search, body };
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: () => options.context({ req, requestId }),
      });
      for (const [name, value] of response.headers) res.setHeader(name, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        const body = options.beforeSend ? options.beforeSend(req, res, response.body.string) : response.body.string;
        if (body !== null) res.end(body);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch {
      // Apollo turns resolver and context failures into GraphQL responses itself; reaching here means the
      // transport failed, and the client learns nothing more than that.
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Unexpected error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  };
}

/**
 * The body of a GraphQL response: JSON.stringify's text as it is. Apollo Server's default appends a newline,
 * which makes the body a V8 cons string: Node then flattens it into a full copy to count its bytes for
 * Content-Length before encoding it. Every server here (subgraphs, gateway, the bench's baselines) uses this.
 */
export const stringifyResult = (value: unknown): string => JSON.stringify(value);

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
}

const TOO_LARGE = Symbol('too large');
const MALFORMED = Symbol('malformed');

/** The body, or TOO_LARGE past `maxBytes` (declared or streamed; the rest is then drained, not kept). */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | typeof TOO_LARGE> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    req.resume();
    return TOO_LARGE;
  }
  // Listeners rather than `for await`: leaving that loop early destroys the socket before the 413 is sent.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off('data', onData);
      req.off('end', onEnd);
      req.resume();
      resolve(TOO_LARGE);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
  });
}

async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const raw = await readBody(req, maxBytes);
  if (raw === TOO_LARGE) return TOO_LARGE;
  const text = raw.toString('utf8');
  if (text === '') return undefined;
  const type = req.headers['content-type'] ?? '';
  // Apollo decides what a non-JSON body means (it refuses it, with its CSRF rules); only JSON is parsed here.
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return MALFORMED;
  }
}
