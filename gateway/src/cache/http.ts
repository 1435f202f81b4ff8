import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_NAME_HEADER } from '../safelist/index.ts';

/** Whether a request carries credentials: a customer's or staff's token, or a partner's key. */
export const hasCredentials = (headers: { authorization?: string | string[] | undefined; 'x-api-key'?: string | string[] | undefined }) =>
  !!String(headers.authorization ?? '').trim() || !!String(headers['x-api-key'] ?? '').trim();

const CACHEABLE = /^max-age=(\d+), (public|private)$/;

/**
 * The last word on a /graphql response's caching headers, before its body is written (the kit's
 * `beforeSend`): the body to write, or null when it has answered 304. Apollo's cache-control plugin has set `max-age=N, public|private` (every field cacheable, N
 * the smallest max-age of them, computed from the subgraphs' own Cache-Control) or `no-store`; here:
 *
 * - a POST is never for a CDN or a browser cache (`no-store`); GET is the cacheable method;
 * - a GET with credentials (Authorization, X-API-Key) is `private` at most: shared caches keep their hands off
 *   a signed-in caller's answers, even when every field is public;
 * - `public, max-age=N` is written in that order, `Vary` names the client header (the safelist answers
 *   one client's id differently from another's);
 * - a GET answered 200 gets a strong `ETag` (SHA-256 of the exact body: the gzipped bytes when it is sent gzipped,
 *   body.ts), and `If-None-Match` with it gets a 304 with no body: a client or CDN revalidates for the price of a
 *   cache lookup.
 */
export function finishGraphQLResponse<Body extends string | Buffer>(req: IncomingMessage, res: ServerResponse, body: Body): Body | null {
  const header = res.getHeader('cache-control');
  const cacheable = typeof header === 'string' ? CACHEABLE.exec(header) : null;
  if (req.method !== 'GET') {
    if (cacheable) res.setHeader('cache-control', 'no-store');
    return body;
  }
  if (cacheable) {
    const scope = hasCredentials(req.headers) ? 'private' : cacheable[2];
    res.setHeader('cache-control', `${scope}, max-age=${cacheable[1]}`);
  }
  addVary(res, CLIENT_NAME_HEADER);
  if (res.statusCode !== 200) return body;
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  res.setHeader('etag', etag);
  if (!matches(req.headers['if-none-match'], etag)) return body;
  res.statusCode = 304;
  res.removeHeader('content-type');
  res.removeHeader('content-length');
  res.removeHeader('content-encoding');
  res.end();
  return null;
}

/** Adds `name` to the response's Vary unless it is there. */
export function addVary(res: ServerResponse, name: string): void {
  const vary = String(res.getHeader('vary') ?? '');
  if (!vary.toLowerCase().split(/\s*,\s*/).includes(name)) res.setHeader('vary', vary ? `${vary}, ${name}` : name);
}

/** If-None-Match's weak comparison (RFC 9110 13.1.2): any listed tag, `W/` or not, equal to ours; or `*`. */
function matches(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const listed = (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch).split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  return listed.includes('*') || listed.includes(etag);
}
