import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createSubgraphFetcher } from '../src/hardening/subgraph-fetch.ts';

/** The fetcher's answer stands in for fetch's Response in RemoteGraphQLDataSource: it must read like one. */
describe('a subgraph fetch', () => {
  it('answers with a Response-shaped body read once: status, headers, UTF-8 JSON (BOM dropped), text, clone', async () => {
    const server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'max-age=30, public');
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ data: { title: 'Café ☕' } }))]));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    const { fetcher, close } = createSubgraphFetcher({ timeoutMs: 5_000, maxConnections: 2 });
    try {
      const url = `http://127.0.0.1:${port}/graphql`;
      const response = await fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect({ ok: response.ok, status: response.status, statusText: response.statusText, url: response.url }).toEqual({ ok: true, status: 200, statusText: 'OK', url });
      expect(response.headers.get('Cache-Control')).toBe('max-age=30, public');
      const copy = response.clone();
      expect(await response.json()).toEqual({ data: { title: 'Café ☕' } });
      expect(response.bodyUsed).toBe(true);
      await expect(response.text()).rejects.toThrow(TypeError);
      expect(await copy.text()).toBe('{"data":{"title":"Café ☕"}}');
      const missing = await fetcher(`http://127.0.0.1:${port}/missing`, { method: 'POST', body: '{}' });
      expect({ ok: missing.ok, status: missing.status, statusText: missing.statusText }).toEqual({ ok: false, status: 404, statusText: 'Not Found' });
    } finally {
      await close();
      server.close();
    }
  });
});
