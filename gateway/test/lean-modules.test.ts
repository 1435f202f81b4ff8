import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GATEWAY_VERSION, leanReplacements } from '../src/lean/modules.ts';

const run = promisify(execFile);
const REGISTER = new URL('../src/lean/register.ts', import.meta.url).href;
const COMPOSE = new URL('../src/compose.ts', import.meta.url).href;

/**
 * A fresh process loads @apollo/gateway (after lean/register.ts when `lean`), builds a gateway over a composed
 * supergraph and runs an operation through a data source with its own fetcher, as server.ts does; it answers
 * which packages it loaded and what the operation returned.
 */
async function loadGateway(lean: boolean, env: Record<string, string> = {}): Promise<{ packages: string[]; data: unknown }> {
  const script = `
    ${lean ? `await import(${JSON.stringify(REGISTER)});` : ''}
    const { createRequire } = await import('node:module');
    const require = createRequire(${JSON.stringify(import.meta.url)});
    const { ApolloGateway, RemoteGraphQLDataSource } = require('@apollo/gateway');
    const { composeSupergraph } = await import(${JSON.stringify(COMPOSE)});
    const sdl = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"]) type Query { ping: String }';
    const supergraph = composeSupergraph([{ name: 'orders', url: 'http://127.0.0.1:9/graphql', sdl }]);
    const fetcher = async () => new Response(JSON.stringify({ data: { ping: 'pong' } }), { headers: { 'content-type': 'application/json' } });
    const gateway = new ApolloGateway({ supergraphSdl: supergraph, buildService: ({ url }) => new RemoteGraphQLDataSource({ url, fetcher }) });
    const { schema, executor } = await gateway.load();
    const { parse } = require('graphql');
    const document = parse('{ ping }');
    const result = await executor({ document, request: { query: '{ ping }', http: { headers: new Map() } }, operationName: null,
      operation: document.definitions[0], schema, context: {}, metrics: {}, overallCachePolicy: { restrict() {}, replace() {} }, logger: console, cache: undefined, queryHash: 'x', source: '{ ping }' });
    await gateway.stop();
    const packages = new Set(Object.keys(require.cache).map((file) => file.match(/node_modules\\/((@[^/]+\\/)?[^/]+)/)?.[1]).filter(Boolean));
    process.stdout.write(JSON.stringify({ packages: [...packages], data: result.data }));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, NODE_ENV: 'test', APOLLO_TELEMETRY_DISABLED: 'true', ...env } });
  return JSON.parse(stdout) as { packages: string[]; data: unknown };
}

const UNUSED = ['@opentelemetry/sdk-metrics', '@opentelemetry/resource-detector-gcp', '@opentelemetry/resources', 'gaxios', 'make-fetch-happen', 'ts-graphviz'];

describe("the gateway's unused dependencies", () => {
  it('are written for the pinned @apollo/gateway', () => {
    expect(createRequire(import.meta.url)('@apollo/gateway/package.json').version).toBe(GATEWAY_VERSION);
  });

  it('stay unloaded, and the gateway plans and fetches as before', async () => {
    const [lean, full] = await Promise.all([loadGateway(true), loadGateway(false)]);
    // Without the replacement they load: the list names real modules, and the check below can fail.
    for (const name of UNUSED) expect(full.packages).toContain(name);
    for (const name of UNUSED) expect(lean.packages).not.toContain(name);
    expect(lean.packages).toEqual(expect.arrayContaining(['@apollo/gateway', '@apollo/query-planner', '@opentelemetry/api']));
    expect(lean.data).toEqual({ ping: 'pong' });
    expect(full.data).toEqual({ ping: 'pong' });
  });

  it("keep OpenTelemetry's when the operator opts into Apollo's usage metrics", async () => {
    expect(leanReplacements({ APOLLO_TELEMETRY_DISABLED: 'false' }).has('@apollo/gateway/dist/utilities/opentelemetry.js')).toBe(false);
    expect(leanReplacements({}).has('@apollo/gateway/dist/utilities/opentelemetry.js')).toBe(true);
    expect(leanReplacements({ APOLLO_TELEMETRY_DISABLED: '1' }).has('@apollo/gateway/dist/utilities/opentelemetry.js')).toBe(true);
  });

  it('fail loudly if one is ever used', async () => {
    const absent = createRequire(import.meta.url)('../src/lean/absent.cjs') as { digraph: () => unknown; defaults: () => () => unknown };
    expect(() => absent.digraph()).toThrow(/a module the gateway does not load was used/);
    expect(() => absent.defaults()()).toThrow(/make-fetch-happen fetch/);
    expect((absent as { __esModule?: unknown }).__esModule).toBeUndefined();
  });
});
