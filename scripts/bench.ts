/**
 * `npm run bench`: throughput and latency of typical storefront reads through the real gateway, over
 * loopback, with the demo catalog. Absolute numbers depend on the machine; the ratios printed at the end
 * are measured in the same run, so they compare like with like (e.g. what federation costs over calling
 * the products subgraph directly). Bounded: a fixed number of requests per scenario.
 */
import { randomBytes } from 'node:crypto';
import { ANONYMOUS, createIdentitySigner, ensureDatabase, IDENTITY_HEADER } from '#kit';
import { startTestPostgres } from '#kit/testing/postgres-server.ts';
import { testKeyRing } from '#kit/testing/test-keys.ts';
import { startTestSupergraph } from '../tests/support/supergraph.ts';

// Log lines would measure the terminal, not the system.
process.env.LOG_LEVEL ??= 'silent';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WARMUP = Math.min(200, REQUESTS);

const LISTING_WITH_STOCK = `query { products(first: 20, sortKey: TITLE) { nodes { id title priceRange { minVariantPrice { amount currencyCode } }
  variants(first: 4) { nodes { id sku price { amount currencyCode } quantityAvailable availableForSale } } } } }`;
const LISTING = `query { products(first: 20, sortKey: TITLE) { nodes { id title priceRange { minVariantPrice { amount currencyCode } }
  variants(first: 4) { nodes { id sku price { amount currencyCode } } } } } }`;
const SEARCH = `query { products(first: 20, query: "wool") { nodes { id title variants(first: 4) { nodes { quantityAvailable } } } } }`;

interface Result {
  name: string;
  perSecond: number;
  p50: number;
  p95: number;
}

async function run(name: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<Result> {
  const send = async () => {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const json = (await response.json()) as { errors?: unknown };
    if (!response.ok || json.errors) throw new Error(`${name}: ${response.status} ${JSON.stringify(json.errors)}`);
    return performance.now() - started;
  };
  const batch = async (count: number) => {
    const latencies: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) {
          next++;
          latencies.push(await send());
        }
      }),
    );
    return latencies;
  };
  await batch(WARMUP);
  const started = performance.now();
  const latencies = (await batch(REQUESTS)).sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { name, perSecond: REQUESTS / seconds, p50: at(0.5), p95: at(0.95) };
}

const postgres = await startTestPostgres();
const databaseUrl = await ensureDatabase(postgres.url, `bench_${randomBytes(4).toString('hex')}`);
const system = await startTestSupergraph({ databaseUrl, seed: 'full' });
try {
  const handle = (await system.request<{ products: { nodes: { handle: string }[] } }>('{ products(first: 1) { nodes { handle } } }')).data!.products.nodes[0]!.handle;
  // The gateway's signature for the products subgraph, made just before it is used (it lasts a minute).
  const signAsGateway = createIdentitySigner(testKeyRing('gateway'));
  const direct = async () => ({ [IDENTITY_HEADER]: await signAsGateway(ANONYMOUS, 'products') });
  const results = [
    await run('gateway: 20 products, variants, prices, stock', system.url, { query: LISTING_WITH_STOCK }),
    await run('gateway: 20 products, variants, prices', system.url, { query: LISTING }),
    await run('products subgraph directly: the same', system.subgraphs.products!.url, { query: LISTING }, await direct()),
    await run('gateway: full-text search, 20 with stock', system.url, { query: SEARCH }),
    await run('gateway: product by handle', system.url, { query: 'query ($h: String) { product(handle: $h) { id title } }', variables: { h: handle } }),
  ];
  console.log(`\n${REQUESTS} requests per scenario, ${CONCURRENCY} in flight, PostgreSQL from ${postgres.kind}\n`);
  console.log('scenario'.padEnd(50), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8));
  for (const r of results) {
    console.log(r.name.padEnd(50), r.perSecond.toFixed(0).padStart(8), r.p50.toFixed(1).padStart(8), r.p95.toFixed(1).padStart(8));
  }
  const [withStock, listing, directListing] = results as [Result, Result, Result];
  console.log(`\nratios (same run):`);
  console.log(`  federation overhead, products-only listing: gateway is ${(directListing.perSecond / listing.perSecond).toFixed(2)}x slower than the subgraph directly`);
  console.log(`  adding inventory's stock to the listing costs ${(listing.perSecond / withStock.perSecond).toFixed(2)}x throughput`);
} finally {
  await system.close();
  await postgres.stop();
}
