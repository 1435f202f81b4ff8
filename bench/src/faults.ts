/**
 * `npm run bench -- --faults [--soak-minutes M]`: the running system (production mode, under the runner)
 * hurt under load, and what it did about it. Four scenarios, each a section of bench/results/faults.md:
 *
 * 1. inventory killed (SIGKILL) under autocannon load on the listing: the error window (first to last
 *    failed answer), what the failures said, and how long until the runner had it back and answers were full.
 * 2. PostgreSQL stopped for a few seconds and started again (only when the bench owns it) under read load
 *    and shoppers who check out and pay: the same window, how fast failures came back, and the orders and
 *    payments reconciled afterwards (none lost, none duplicated, stock agreeing with reservations).
 * 3. a soak (`--soak-minutes`, 10 by default; 0 skips it): mixed load, every process's RSS sampled each
 *    30 s, and whether it stayed flat.
 * 4. a checkout stampede: 200 buyers for 5 units; oversells and duplicate PaymentIntents counted.
 *
 * The tests in tests/resilience/ pin the outcomes; this measures the times, which tests must not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { DEMO_CUSTOMER, gatewayClient, logIn } from './fixtures.ts';
import { errorWindow, envOf, isFault, kinds, mb, reconcile, redeliver, sender, shop, sleep, stripeEvents, timedLoad, type Outcome, type Purchase } from './faults-support.ts';
import { loadManifest, LISTING_PAGE_SIZE, type OperationCall } from './operations.ts';
import { readRss } from './procfs.ts';
import { namedChildren, ROOT, type FaultsContext } from './system.ts';

const LISTING: OperationCall = { operation: 'ProductListing', variables: { first: LISTING_PAGE_SIZE }, method: 'POST', signedIn: true };
const SAMPLE_SECONDS = 30;

export async function runFaults(context: FaultsContext): Promise<string> {
  const { gatewayUrl, log } = context;
  const manifest = loadManifest(ROOT);
  const token = await logIn(gatewayClient(gatewayUrl, manifest), DEMO_CUSTOMER);
  const stripePort = envOf(context.children['stripe-local']!, 'PORT');
  if (!stripePort) throw new Error('faults: stripe-local\'s port not found (/proc/<pid>/environ)');
  const stripeUrl = `http://127.0.0.1:${stripePort}`;
  const send = sender(gatewayUrl, manifest);
  const variants = await inStock(send);
  const sections: string[] = [`# Fault scenarios\n\n${new Date().toISOString()}, gateway ${gatewayUrl}\n`];

  log('faults: killing inventory under load');
  sections.push(await killSubgraph(context, manifest, token, 'inventory'));
  if (context.postgres) {
    log('faults: restarting PostgreSQL under load');
    sections.push(await restartPostgres(context, manifest, token, send, stripeUrl, variants));
  } else sections.push('## PostgreSQL restarted under load\n\nSkipped: the database is DATABASE_URL\'s, not the benchmark\'s own.\n');
  const soakMinutes = soakMinutesOf(process.argv);
  if (soakMinutes > 0) {
    log(`faults: soak, ${soakMinutes} min`);
    sections.push(await soak(context, manifest, token, soakMinutes));
  }
  log('faults: checkout stampede');
  sections.push(await stampede(context, send, stripeUrl, variants.at(-1)!));

  const markdown = sections.join('\n');
  // As for the rounds: a quick run is a smoke test, kept in history/, the committed faults.md left alone.
  const quick = process.argv.includes('--quick');
  const file = join(ROOT, 'bench', 'results', ...(quick ? ['history', `${new Date().toISOString().replace(/[:.]/g, '-')}-faults.md`] : ['faults.md']));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, markdown);
  console.log(`\n${markdown}`);
  log(`faults: ${file}`);
  return markdown;
}

async function killSubgraph(context: FaultsContext, manifest: ReturnType<typeof loadManifest>, token: string, name: string): Promise<string> {
  const victim = namedChildren(context.runnerPid)[name];
  if (!victim) return `## ${name} killed under load\n\nSkipped: no ${name} process under the runner.\n`;
  const load = timedLoad(context.gatewayUrl, manifest, LISTING, token, 30);
  await sleep(5_000);
  const killedAt = Date.now();
  process.kill(victim, 'SIGKILL');
  let back: number | null = null;
  while (back === null && Date.now() - killedAt < 60_000) {
    const pid = namedChildren(context.runnerPid)[name];
    if (pid && pid !== victim) back = Date.now();
    else await sleep(100);
  }
  const outcomes = await load;
  const window = errorWindow(outcomes);
  const after = outcomes.filter((o) => o.at > (window.last ?? killedAt));
  return [
    `## ${name} killed under load`,
    '',
    `SIGKILL at +5 s of 30 s of ProductListing (with stock) at 10 connections through the gateway.`,
    '',
    '| measure | value |',
    '|---|---|',
    `| answers | ${outcomes.length} (${outcomes.filter((o) => o.failure).length} failed) |`,
    `| failures by kind | ${JSON.stringify(kinds(outcomes))} |`,
    `| error window (first to last failure) | ${window.ms} ms |`,
    `| kill to last failure | ${window.last ? window.last - killedAt : 0} ms |`,
    `| kill to a new ${name} process | ${back ? `${back - killedAt} ms` : 'not within 60 s'} |`,
    `| answers after the last failure, all full | ${after.length} |`,
    '',
  ].join('\n');
}

async function restartPostgres(context: FaultsContext, manifest: ReturnType<typeof loadManifest>, token: string, send: ReturnType<typeof sender>, stripeUrl: string, variants: string[]): Promise<string> {
  const postgres = context.postgres!;
  const shopperOutcomes: Outcome[] = [];
  const purchases: Purchase[] = [];
  let shopping = true;
  let serial = 0;
  const shoppers = Array.from({ length: 4 }, async (_, worker) => {
    while (shopping) {
      const purchase = await shop(send, stripeUrl, variants[worker % variants.length]!, `faults-pg-${worker}-${serial++}`, shopperOutcomes);
      if (purchase) purchases.push(purchase);
      else await sleep(50);
    }
  });
  const reads = timedLoad(context.gatewayUrl, manifest, LISTING, token, 40);
  await sleep(10_000);
  const stoppedAt = Date.now();
  await postgres.stop();
  await sleep(5_000);
  await postgres.start();
  const startedAt = Date.now();
  const readOutcomes = await reads;
  shopping = false;
  await Promise.all(shoppers);
  const all = [...readOutcomes, ...shopperOutcomes];
  const window = errorWindow(all);
  const failedMs = shopperOutcomes.filter(isFault).map((o) => o.ms!).sort((a, b) => a - b);
  const redelivered = await redeliver(stripeUrl, purchases);
  // The paid orders' events reach inventory once the queue is back; give them the delivery expiry and then some.
  await sleep(45_000);
  const reconciled = await reconcile(context.databaseUrl, stripeUrl, purchases);
  return [
    '## PostgreSQL restarted under load',
    '',
    'ProductListing (with stock) under autocannon at 10 connections for 40 s, and 4 shoppers (cart, checkout, pay through stripe-local) throughout; PostgreSQL stopped (fast shutdown) at +10 s, started again 5 s later. No service restarted.',
    '',
    '| measure | value |',
    '|---|---|',
    `| answers | ${all.length} (${all.filter(isFault).length} failed by the fault) |`,
    `| failures by kind (stock running out included) | ${JSON.stringify(kinds(all))} |`,
    `| error window (first to last failure) | ${window.ms} ms |`,
    `| down for | ${startedAt - stoppedAt} ms (stop called to the server accepting connections again) |`,
    `| back up to last failure | ${window.last ? Math.max(0, window.last - startedAt) : 0} ms |`,
    `| failures once it was back, by kind | ${JSON.stringify(kinds(all.filter((o) => o.at > startedAt && isFault(o))))} |`,
    `| failing shopper requests answered in (p50 / max) | ${failedMs.length ? `${failedMs[Math.floor(failedMs.length / 2)]!.toFixed(0)} / ${failedMs.at(-1)!.toFixed(0)} ms` : 'none failed'} |`,
    `| checkouts placed / refused | ${reconciled.placed} / ${purchases.filter((p) => p.refused).length} |`,
    `| webhooks redelivered after the restart | ${redelivered} |`,
    `| orders lost / carts with two orders / orders with two PaymentIntents | ${reconciled.lost} / ${reconciled.duplicateOrders} / ${reconciled.duplicateIntents} |`,
    `| paid but not PAID / stock rows disagreeing with reservations | ${reconciled.unpaid} / ${reconciled.stockMismatches} |`,
    '',
  ].join('\n');
}

async function soak(context: FaultsContext, manifest: ReturnType<typeof loadManifest>, token: string, minutes: number): Promise<string> {
  const samples: Record<string, number>[] = [];
  const answers: Outcome[] = [];
  const postmaster = await context.postgres?.pid();
  const calls: OperationCall[] = [LISTING, { ...LISTING, method: 'GET', signedIn: false }, { operation: 'ProductSearch', variables: { query: 'wool', first: LISTING_PAGE_SIZE }, method: 'POST', signedIn: true }];
  const slices = Math.max(1, Math.round((minutes * 60) / SAMPLE_SECONDS));
  for (let slice = 0; slice < slices; slice++) {
    // A loop, not push(...): a slice of cached GETs answers 100,000 times and more, past the arguments' limit.
    for (const answer of await timedLoad(context.gatewayUrl, manifest, calls[slice % calls.length]!, token, SAMPLE_SECONDS)) answers.push(answer);
    const pids: Record<string, number | undefined> = { runner: context.runnerPid, ...namedChildren(context.runnerPid), 'stripe-local': context.children['stripe-local'], ...(postmaster ? { postgres: postmaster } : {}) };
    samples.push(Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, (pid && readRss(pid)) || 0])));
  }
  // The first sample is the warm-up: caches and JIT fill. Flat: from the second sample on, growth under 10% (or 20 MB).
  const rows = Object.keys(samples[0] ?? {}).map((name) => {
    const series = samples.map((s) => s[name] ?? 0);
    const base = series[Math.min(1, series.length - 1)]!;
    const growth = series.at(-1)! - base;
    const flat = growth < Math.max(20 * 1024 * 1024, base * 0.1);
    return `| ${name} | ${mb(series[0]!)} | ${mb(base)} | ${mb(Math.max(...series))} | ${mb(series.at(-1)!)} | ${growth >= 0 ? '+' : ''}${mb(growth)} | ${flat ? 'yes' : '**no**'} |`;
  });
  return [
    `## Soak: ${minutes} min`,
    '',
    `ProductListing (POST signed in, GET cached) and ProductSearch in turn, ${SAMPLE_SECONDS} s each at 10 connections; RSS sampled after each. ${answers.length} answers, ${answers.filter((o) => o.failure).length} failed ${JSON.stringify(kinds(answers))}.`,
    '',
    '| process | RSS after first slice (MB) | baseline (MB) | max (MB) | end (MB) | growth (MB) | flat |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

async function stampede(context: FaultsContext, send: ReturnType<typeof sender>, stripeUrl: string, variantGid: string, buyers = 200, units = 5): Promise<string> {
  const variant = variantGid.split('/').at(-1)!;
  const client = new pg.Client({ connectionString: context.databaseUrl });
  await client.connect();
  try {
    // No staff operation is persisted for the web client: the stock is set as an operator would, in SQL.
    await client.query('update inventory.stock_level set on_hand = reserved where variant_id = $1', [variant]);
    await client.query(`update inventory.stock_level set on_hand = reserved + $2 where variant_id = $1 and location_id = (
      select l.location_id from inventory.stock_level l join inventory.location loc on loc.id = l.location_id
       where l.variant_id = $1 and loc.fulfills_online_orders and loc.active limit 1)`, [variant, units]);
    const { rows: [before] } = await client.query<{ reserved: number }>('select sum(reserved)::int as reserved from inventory.stock_level where variant_id = $1', [variant]);
    const outcomes: Outcome[] = [];
    const carts: string[] = [];
    for (let i = 0; i < buyers; i += 20) {
      const made = await Promise.all(Array.from({ length: Math.min(20, buyers - i) }, () => send({ operation: 'CartCreate', variables: { input: { lines: [{ merchandiseId: variantGid, quantity: 1 }] } }, method: 'POST' })));
      carts.push(...made.map((answer) => answer.body?.data?.cartCreate?.cart?.id).filter(Boolean));
    }
    const started = Date.now();
    const answers = await Promise.all(carts.map((cartId, i) => send({ operation: 'CheckoutComplete', variables: { cartId, idempotencyKey: `faults-stampede-${started}-${i}` }, method: 'POST' })));
    const seconds = (Date.now() - started) / 1000;
    for (const answer of answers) outcomes.push({ at: Date.now(), ms: answer.ms, failure: answer.status !== 200 || answer.body?.errors ? `HTTP ${answer.status} ${answer.body?.errors?.[0]?.extensions?.code ?? ''}`.trim() : null });
    const results = answers.map((answer) => answer.body?.data?.checkoutComplete).filter(Boolean);
    const placed = results.filter((r) => r.order);
    const refusals = kinds(results.filter((r) => !r.order).map((r) => ({ at: 0, failure: r.userErrors?.[0]?.code ?? 'none' })));
    const { rows: [after] } = await client.query<{ reserved: number; oversold: number }>(
      'select sum(reserved)::int as reserved, count(*) filter (where reserved > on_hand)::int as oversold from inventory.stock_level where variant_id = $1', [variant]);
    const orderIds = new Set(placed.map((r) => r.order.id.split('/').at(-1)));
    const intents = (await stripeEvents(stripeUrl, 'payment_intent.created')).filter((e) => orderIds.has(e.data.object.metadata?.orderId ?? ''));
    const duplicates = [...Map.groupBy(intents, (e) => e.data.object.metadata!.orderId!).values()].filter((list) => list.length > 1).length;
    const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
    return [
      `## Checkout stampede: ${buyers} buyers, ${units} units`,
      '',
      `${carts.length} carts of one unit each, every CheckoutComplete sent at once.`,
      '',
      '| measure | value |',
      '|---|---|',
      `| orders placed | ${placed.length} (expected ${units}) |`,
      `| oversold (units reserved beyond ${units}; rows with reserved > on hand) | ${Math.max(0, after!.reserved - before!.reserved - units)}; ${after!.oversold} |`,
      `| orders with more than one PaymentIntent | ${duplicates} |`,
      `| refusals by code | ${JSON.stringify(refusals)} |`,
      `| errors (non-200 or GraphQL errors) | ${outcomes.filter((o) => o.failure).length} ${JSON.stringify(kinds(outcomes))} |`,
      `| all answered in | ${seconds.toFixed(1)} s (p50 ${latencies[Math.floor(latencies.length / 2)]?.toFixed(0)} ms, max ${latencies.at(-1)?.toFixed(0)} ms) |`,
      '',
    ].join('\n');
  } finally {
    await client.end();
  }
}

/** Variants with stock, from the listing's first page. */
async function inStock(send: ReturnType<typeof sender>): Promise<string[]> {
  const answer = await send({ operation: 'ProductListing', variables: { first: LISTING_PAGE_SIZE }, method: 'POST' });
  const ids: string[] = (answer.body?.data?.products?.nodes ?? []).flatMap((p: any) => p.variants.nodes).filter((v: any) => v.quantityAvailable > 2).map((v: any) => v.id);
  if (ids.length < 2) throw new Error(`faults: no variants in stock on the listing's first page: ${JSON.stringify(answer.body).slice(0, 300)}`);
  return ids;
}

function soakMinutesOf(argv: readonly string[]): number {
  const at = argv.indexOf('--soak-minutes');
  return at >= 0 ? Number(argv[at + 1]) : Number(process.env.BENCH_SOAK_MINUTES ?? 10);
}

export default runFaults;
