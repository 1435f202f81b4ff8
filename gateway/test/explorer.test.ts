import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, listen } from '#kit';
import { createExplorer } from '../src/explorer/index.ts';
import { readExampleOperations } from '../src/explorer/operations.ts';
import { loadExplorerBuild } from '../src/explorer/build.ts';

// graphql-js as the gateway loads it (CommonJS), as explorer/index.ts does.
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const MANIFEST = {
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: [
    { id: 'a'.repeat(64), name: 'ProductList', type: 'query', body: 'query ProductList { products(first: 3) { nodes { title } } }' },
    { id: 'b'.repeat(64), name: 'Broken', type: 'query' },
    { id: 'c'.repeat(64), name: 'Evil', type: 'query', body: 'query Evil { x(note: "</script><script>alert(1)</script>") }' },
    { id: 'd'.repeat(64), name: 'Change', type: 'mutation', body: 'mutation Change { y }' },
    { id: 'e'.repeat(64), name: 'Later', type: 'query', body: 'query Later { z }' },
  ],
};

interface Running {
  origin: string;
  load(schema: GraphQLSchema): void;
  nextCalls: string[];
  close(): Promise<void>;
}

/** The explorer in front of a stand-in for the GraphQL listener, which records what reaches it. */
async function start(options: { development: boolean; manifestPath: string }): Promise<Running> {
  let onLoad: ((context: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | undefined;
  const nextCalls: string[] = [];
  const explorer = createExplorer({
    gateway: { onSchemaLoadOrUpdate: (callback: any) => ((onLoad = callback), () => {}) } as any,
    log: createLogger('gateway'),
    development: options.development,
    manifestPath: options.manifestPath,
    onRequest: (_req, res) => res.setHeader('x-security', 'applied'),
  });
  const server: Server = createServer(
    explorer.wrap((req: IncomingMessage, res: ServerResponse) => {
      nextCalls.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"next":true}');
    }),
  );
  const url = await listen(server, 0, '127.0.0.1');
  return {
    origin: new URL(url).origin,
    load: (schema) => onLoad!({ apiSchema: schema, coreSupergraphSdl: '' }),
    nextCalls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let dir: string;
let manifestPath: string;
let dev: Running;
let prod: Running;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'explorer-test-'));
  manifestPath = join(dir, 'web.json');
  await writeFile(manifestPath, JSON.stringify(MANIFEST));
  dev = await start({ development: true, manifestPath });
  prod = await start({ development: false, manifestPath: join(dir, 'missing.json') });
});
afterAll(async () => {
  await dev?.close();
  await prod?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Every URL the page's HTML names (src, href). */
const referencedUrls = (html: string) => [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);

describe('explorer page and assets', () => {
  it('serves GraphiQL whose every asset comes from this origin (built at the first request, then cached)', { timeout: 120_000 }, async () => {
    const response = await fetch(`${dev.origin}/explorer`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-security')).toBe('applied');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("connect-src 'self'");
    const html = await response.text();
    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) expect(url).toMatch(/^(\/(?!\/)|data:)/);
    // Each one is there, with its type, cacheable for good (the build id is in its path).
    for (const url of urls.filter((url) => url.startsWith('/explorer/assets/'))) {
      const asset = await fetch(`${dev.origin}${url}`);
      expect(asset.status, url).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(url.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      const text = await asset.text();
      if (url.endsWith('.css')) {
        // No stylesheet points elsewhere: fonts are inline (data:) or files of this build.
        for (const [, target] of text.matchAll(/url\(\s*["']?([^"')]+)/g)) expect(target).toMatch(/^(data:|\/explorer\/assets\/|#)/);
        expect(text).not.toMatch(/@import\s/);
        expect(text).toContain('font-family:Roboto');
      }
    }
  });

  it("configures the page: the endpoint, the schema, Monaco's workers and the manifest's operations as tabs", async () => {
    const html = await (await fetch(`${dev.origin}/explorer`)).text();
    const json = html.match(/<script id="explorer-config" type="application\/json">([^<]*)<\/script>/)![1]!;
    const config = JSON.parse(json) as { endpoint: string; schemaUrl: string; operations: { name: string; body: string }[]; workers: Record<string, string> };
    expect(config.endpoint).toBe('/graphql');
    expect(config.schemaUrl).toBe('/schema.graphql');
    // Queries first, then mutations; documents printed on several lines.
    expect(config.operations.map((operation) => operation.name)).toEqual(['ProductList', 'Evil', 'Later', 'Change']);
    expect(config.operations[0]!.body).toBe('query ProductList {\n  products(first: 3) {\n    nodes {\n      title\n    }\n  }\n}');
    // A body cannot close the script element it travels in.
    expect(json).not.toContain('</script>');
    expect(config.operations[1]!.body).toContain('</script>');
    expect(Object.keys(config.workers).sort()).toEqual(['editor', 'graphql', 'json']);
    for (const url of Object.values(config.workers)) {
      const worker = await fetch(`${dev.origin}${url}`);
      expect(worker.status).toBe(200);
      expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
  });

  it('gives no tabs without a manifest, and ignores a malformed one', async () => {
    const html = await (await fetch(`${prod.origin}/explorer`)).text();
    expect(html).toContain('"operations":[]');
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ not json');
    const reasons: string[] = [];
    expect(await readExampleOperations(bad, (reason) => reasons.push(reason))).toEqual([]);
    expect(reasons).toEqual(['not JSON']);
    await writeFile(bad, JSON.stringify({ format: 'something-else', operations: MANIFEST.operations }));
    expect(await readExampleOperations(bad)).toEqual([]);
  });

  it('compresses assets for clients that accept gzip, and refuses unknown ones', async () => {
    const html = await (await fetch(`${dev.origin}/explorer`)).text();
    const script = referencedUrls(html).find((url) => url.endsWith('.js'))!;
    const plain = Buffer.from(await (await fetch(`${dev.origin}${script}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      import('node:http').then(({ get }) =>
        get(`${dev.origin}${script}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        }).on('error', reject),
      );
    });
    expect(raw.encoding).toBe('gzip');
    expect(raw.body.length).toBeLessThan(plain.length / 2);
    expect(gunzipSync(raw.body).equals(plain)).toBe(true);

    const id = script.split('/')[3];
    expect((await fetch(`${dev.origin}/explorer/assets/${id}/nothing.js`)).status).toBe(404);
    expect((await fetch(`${dev.origin}/explorer/assets/0000000000000000/app.js`)).status).toBe(404);
    expect((await fetch(`${dev.origin}/explorer/assets/${id}/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${dev.origin}/explorer`, { method: 'POST' })).status).toBe(405);
  });
});

describe('explorer build', () => {
  it('is made by a process of its own when the folder has none, so esbuild never runs in the gateway', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'explorer-cold-'));
    try {
      const built = await loadExplorerBuild({ cacheDir: empty });
      // Served from the folder the child wrote.
      expect((await readFile(join(empty, built.id, built.entries.script))).equals(await built.assets.get(built.entries.script)!.body())).toBe(true);
      expect(Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('/node_modules/esbuild/'))).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('serves a cached build from its folder, read at each request rather than kept in memory', async () => {
    const built = await loadExplorerBuild();
    const copy = await mkdtemp(join(tmpdir(), 'explorer-cache-'));
    try {
      await cp(join(import.meta.dirname, '../../node_modules/.cache/supergraph-explorer', built.id), join(copy, built.id), { recursive: true });
      const cached = await loadExplorerBuild({ cacheDir: copy });
      const style = cached.assets.get(cached.entries.style)!;
      expect((await style.body()).equals(await built.assets.get(cached.entries.style)!.body())).toBe(true);
      expect(gunzipSync(await style.gzipped()).equals(await style.body())).toBe(true);
      await writeFile(join(copy, built.id, cached.entries.style), 'body{}');
      expect((await style.body()).toString()).toBe('body{}');
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});

describe('/schema.graphql', () => {
  it('answers 503 until the gateway has loaded a schema, then its SDL as text', async () => {
    const before = await fetch(`${prod.origin}/schema.graphql`);
    expect(before.status).toBe(503);
    prod.load(buildSchema('"The root."\ntype Query { hello: String }'));
    const after = await fetch(`${prod.origin}/schema.graphql`);
    expect(after.status).toBe(200);
    expect(after.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await after.text()).toBe('"""The root."""\ntype Query {\n  hello: String\n}\n');
    expect((await fetch(`${prod.origin}/schema.graphql`, { method: 'DELETE' })).status).toBe(405);
  });
});

describe('a browser opening /graphql', () => {
  const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

  it('is sent to the explorer in development', async () => {
    const response = await fetch(`${dev.origin}/graphql`, { headers: { accept: browserAccept }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/explorer');
  });

  it('is not in production, and API requests are never redirected', async () => {
    const before = prod.nextCalls.length;
    expect((await fetch(`${prod.origin}/graphql`, { headers: { accept: browserAccept }, redirect: 'manual' })).status).toBe(200);
    expect(prod.nextCalls.slice(before)).toEqual(['GET /graphql']);

    const calls = dev.nextCalls.length;
    await fetch(`${dev.origin}/graphql?query=%7B__typename%7D`, { headers: { accept: browserAccept }, redirect: 'manual' });
    await fetch(`${dev.origin}/graphql`, { headers: { accept: 'application/json' }, redirect: 'manual' });
    await fetch(`${dev.origin}/graphql`, { method: 'POST', headers: { accept: browserAccept, 'content-type': 'application/json' }, body: '{}' });
    expect(dev.nextCalls.slice(calls)).toEqual(['GET /graphql?query=%7B__typename%7D', 'GET /graphql', 'POST /graphql']);
  });
});
