import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringifyResult } from '#kit/http.ts';
import { gzipBody, holdHit, holdStore, HIT_DATA } from '../src/cache/body.ts';
import { acceptsGzip, cachedBody, finishGraphQLResponse } from '../src/cache/index.ts';

/**
 * What the gateway writes for an answer its shared cache served or keeps (cache/body.ts), over real HTTP as
 * server.ts's `beforeSend` does it: gzip for clients that take it, the same JSON for those that do not, the
 * bytes stored being the bytes sent. response-cache.test.ts has the stores, tags and headers.
 */
describe('the body of a cached answer', () => {
  const data = { products: { nodes: [{ title: 'Tee "é" 👕' }] } };
  // What Apollo writes for a MISS, and for a HIT (its data stands for the stored body).
  const written = stringifyResult({ data });
  const placeholder = stringifyResult({ errors: undefined, data: HIT_DATA, extensions: undefined });
  const kept: Buffer[] = [];
  let server: Server;
  let url: string;
  // Answers as the gateway does (server.ts's beforeSend): the request's `x-test-mode` says what the cache did.
  beforeAll(async () => {
    server = createServer((req, res) => {
      const mode = String(req.headers['x-test-mode']);
      const slot = {};
      let body = written;
      if (mode === 'hit') [body] = [placeholder, holdHit(slot, gzipBody(written))];
      if (mode === 'hit-extensions') [body] = ['{"data":{},"extensions":{"x":true}}', holdHit(slot, gzipBody(written))];
      if (mode === 'store') holdStore(slot, (gzipped) => kept.push(gzipped));
      if (mode === 'store-errors') [body] = ['{"errors":[{"message":"no"}],"data":null}', holdStore(slot, (gzipped) => kept.push(gzipped))];
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'max-age=60, public');
      const sent = finishGraphQLResponse(req, res, cachedBody(mode === 'none' ? undefined : slot, body, req, res));
      if (sent !== null) res.end(sent);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  // undici's request() leaves the body as it came (fetch would gunzip it).
  const send = async (mode: string, headers: Record<string, string> = {}) => {
    const answer = await request(url, { headers: { 'x-test-mode': mode, ...headers } });
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    const header = (name: string) => (answer.headers[name] === undefined ? undefined : String(answer.headers[name]));
    return { status: answer.statusCode, header, bytes, text: header('content-encoding') === 'gzip' ? gunzipSync(bytes).toString() : bytes.toString() };
  };

  it('is, for a HIT, the stored bytes as they are to a client that takes gzip and the same JSON to one that does not, each with an ETag of its own', async () => {
    // What the cache keeps holds its own bytes and no more (zlib's own answer is a slice of a larger buffer).
    expect(gzipBody(written).buffer.byteLength).toBe(gzipBody(written).length);
    const zipped = await send('hit', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.header('content-encoding')).toBe('gzip');
    expect(zipped.bytes.equals(gzipBody(written))).toBe(true);
    expect(zipped.text).toBe(written);
    expect(zipped.header('vary')).toBe('accept-encoding, apollographql-client-name');
    const plain = await send('hit');
    expect(plain.header('content-encoding')).toBeUndefined();
    expect(plain.bytes.toString()).toBe(written);
    expect(plain.header('vary')).toBe('accept-encoding, apollographql-client-name');
    expect(plain.header('etag')).not.toBe(zipped.header('etag'));
    expect((await send('hit', { 'accept-encoding': 'gzip;q=0, *' })).header('content-encoding')).toBeUndefined();
    const revalidated = await send('hit', { 'accept-encoding': 'gzip', 'if-none-match': zipped.header('etag')! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.header('content-encoding')).toBeUndefined();
    expect(revalidated.bytes.length).toBe(0);
  });

  it('is, for a MISS the cache keeps, gzipped once: the bytes stored are the bytes sent', async () => {
    kept.length = 0;
    const zipped = await send('store', { 'accept-encoding': 'gzip' });
    expect(zipped.header('content-encoding')).toBe('gzip');
    expect(kept).toHaveLength(1);
    expect(kept[0]!.equals(zipped.bytes)).toBe(true);
    expect(zipped.text).toBe(written);
    const plain = await send('store');
    expect(plain.header('content-encoding')).toBeUndefined();
    expect(plain.bytes.toString()).toBe(written);
    expect(gunzipSync(kept[1]!).toString()).toBe(written);
    // Anything but data alone is neither kept nor gzipped.
    const refused = await send('store-errors', { 'accept-encoding': 'gzip' });
    expect(kept).toHaveLength(2);
    expect(refused.header('content-encoding')).toBeUndefined();
    expect(refused.bytes.toString()).toContain('"errors"');
  });

  it('is Apollo\'s own, as it wrote it, when the cache neither answered nor keeps it', async () => {
    const untouched = await send('none', { 'accept-encoding': 'gzip' });
    expect(untouched.header('content-encoding')).toBeUndefined();
    expect(untouched.bytes.toString()).toBe(written);
    expect(untouched.header('vary')).toBe('apollographql-client-name');
  });

  it('keeps whatever Apollo wrote beside the data of a HIT', async () => {
    const answer = await send('hit-extensions', { 'accept-encoding': 'gzip' });
    expect(answer.text).toBe(`{"data":${JSON.stringify(data)},"extensions":{"x":true}}`);
  });

  it('is gzipped for the Accept-Encoding values that admit gzip, and only those', () => {
    for (const yes of ['gzip', 'gzip, deflate, br', 'br;q=1.0, gzip;q=0.8, *;q=0.1', 'X-GZIP', '*', 'identity, *;q=0.5']) expect(acceptsGzip(yes), yes).toBe(true);
    for (const no of [undefined, '', 'identity', 'br, deflate', 'gzip;q=0', 'gzip; q=0.000, br', 'gzip;q=0, *', '*;q=0']) expect(acceptsGzip(no), String(no)).toBe(false);
    expect(acceptsGzip(['br', 'gzip'])).toBe(true);
  });
});
