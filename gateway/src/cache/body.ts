import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { addVary } from './http.ts';

/**
 * The bodies of the answers the shared cache serves and stores, gzipped once.
 *
 * An entry is the response's body (`{"data":…}`) gzipped when it was computed: a listing page of 24 products
 * is 29.7 KB of JSON and 4.6 KB gzipped. A HIT writes those bytes as they are to a client that accepts gzip
 * (every browser, every HTTP library), and gunzips them for one that does not; a MISS that will be stored is
 * sent the same bytes, so both answers carry one ETag. Answers the cache neither served nor stored are sent
 * as Apollo wrote them.
 *
 * The bytes pass from the cache plugin (index.ts) to the kit's `beforeSend`, which writes the body, keyed by
 * the request's `cacheSlot` (signed-data-source.ts). A HIT hands Apollo an empty `data`: parsing the entry only
 * for Apollo to serialise it again was a third of the gateway's CPU on a cached listing.
 */
type Held = { hit: Buffer } | { store(body: Buffer): void };
const held = new WeakMap<object, Held>();

/** The `data` a HIT gives Apollo Server: what it serialises stands in for the stored body. */
export const HIT_DATA: Readonly<Record<string, never>> = Object.freeze({});
const PLACEHOLDER_BODY = '{"data":{}}';
const BODY_START = '{"data":';

/**
 * The body gzipped at zlib's fastest level: a listing page in about 55 µs; level 6 takes twice that for a body
 * 5% smaller. zlib answers with a slice of its output buffer, which keeps the whole buffer alive: the
 * cache keeps an exact copy instead (slices kept, the gateway reached 528-622 MB in the bench's varying pages).
 */
export function gzipBody(body: string | Buffer): Buffer {
  // An output buffer of 16 KiB rather than 64 (a listing page's body is 4.6 KB): 10% less CPU per call.
  const zipped = gzipSync(body, { level: constants.Z_BEST_SPEED, chunkSize: 16 * 1024 });
  const exact = Buffer.allocUnsafeSlow(zipped.length);
  zipped.copy(exact);
  return exact;
}

/** The stored, gzipped body to answer the request of `slot` with (a HIT). */
export function holdHit(slot: object, body: Buffer): void {
  held.set(slot, { hit: body });
}

/** What stores the body of the request of `slot` once it is written, gzipped (a MISS the cache keeps). */
export function holdStore(slot: object, store: (body: Buffer) => void): void {
  held.set(slot, { store });
}

/**
 * The body to write for the request of `slot`: Apollo's own, unless the cache answered it or keeps it; then
 * gzipped for a client that accepts it (Content-Encoding), and Vary names Accept-Encoding either way.
 */
export function cachedBody(slot: object | undefined, body: string, req: IncomingMessage, res: ServerResponse): string | Buffer {
  const found = slot ? held.get(slot) : undefined;
  if (!found) return body;
  held.delete(slot!);
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  let sent: Buffer;
  if ('hit' in found) {
    // Should Apollo have written anything beside `data` (errors, extensions), it is kept, at the price of a parse.
    if (body !== PLACEHOLDER_BODY) return JSON.stringify({ ...(JSON.parse(body) as object), data: dataOf(found.hit) });
    sent = found.hit;
  } else {
    // Only a body of `data` alone is kept (index.ts stores answers without errors or extensions).
    if (!body.startsWith(BODY_START)) return body;
    sent = gzipBody(body);
    found.store(sent);
  }
  addVary(res, 'accept-encoding');
  if (!gzip) return 'hit' in found ? gunzipSync(sent) : body;
  res.setHeader('content-encoding', 'gzip');
  return sent;
}

/** The `data` of a stored body. */
export const dataOf = (body: Buffer): Record<string, unknown> | null => (JSON.parse(gunzipSync(body).toString('utf8')) as { data: Record<string, unknown> | null }).data;

/**
 * Whether Accept-Encoding admits gzip (RFC 9110 12.5.3): `gzip` or `x-gzip` listed without `q=0`, or `*`
 * without `q=0` when gzip is not listed at all.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (!header) return false;
  let gzip: boolean | undefined;
  let any = false;
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [coding = '', ...params] = part.split(';');
    const name = coding.trim().toLowerCase();
    const q = params.map((param) => param.trim().toLowerCase()).find((param) => param.startsWith('q='));
    const admitted = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') gzip = (gzip ?? false) || admitted;
    else if (name === '*') any = admitted;
  }
  return gzip ?? any;
}
