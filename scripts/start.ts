/**
 * `npm start`: the whole system on one machine. PostgreSQL (DATABASE_URL, or an embedded server whose
 * data stays in .data/), migrations, the demo seed on an empty database, then each subgraph and the
 * gateway as its own process, restarted if one crashes. Without STRIPE_SECRET_KEY, payments run offline:
 * stripe-local, a Stripe-compatible server, is one more process, and delivers its webhooks to the
 * gateway. Ctrl-C stops everything. With NODE_ENV=production, the same processes in production mode on what
 * the environment gives, nothing generated (startProduction; README, "Production mode").
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
// Specific kit files, not its index: whatever the long-lived runner loads stays in its memory (one-shot.ts).
import { isProduction } from '#kit/config.ts';
import { startEmbeddedPostgres, type RunningPostgres } from '#kit/embedded-postgres.ts';
import { GATEWAY } from '#kit/identity.ts';
import { hasKeySet, writeKeySet } from '#kit/keys.ts';
import { createLogger } from '#kit/logger.ts';
import { readStripeConfig } from '#kit/payments/stripe-client.ts';
import { services as subgraphs } from '../subgraphs/services.ts';
import { loadDevConfig, type DevConfig } from './dev-config.ts';
import { prepareDatabaseInChild } from './database-child.ts';
import { serviceArgs, Supervisor } from './supervisor.ts';
import { loadManifests } from '../gateway/src/safelist/manifest.ts';
import { APPS, buildIsStale } from './build.ts';
import { runOnce, stopOneShots } from './one-shot.ts';
import { stripSourcesInChild } from './ts-cache/in-child.ts';
import { ownDatabaseUrls, pickEnv, STRIPE_VARIABLES, withoutStripe } from './runner-env.ts';

const log = createLogger('runner');
const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(root, process.env.DATA_DIR ?? '.data');
const host = '127.0.0.1';

const supervisor = new Supervisor(log);
let postgres: RunningPostgres | undefined;
let stopping = false;

async function main() {
  if (isProduction()) return startProduction();
  const { config, generated } = loadDevConfig(dataDir, process.env);
  if (generated.length > 0) log.warn({ generated, file: `${dataDir}/dev-config.json` }, 'generated development settings');
  // Checked before anything starts: a live key, or STRIPE_API_URL without a key, stops here with the reason.
  const stripe = readStripeConfig(process.env);
  await stripSourcesInChild(log);

  let databaseUrl = process.env.DATABASE_URL;
  let createDatabase: string | undefined;
  if (!databaseUrl) {
    postgres = await startEmbeddedPostgres({
      dataDir: resolve(dataDir, 'postgres'),
      port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
      // Out of Ctrl-C's reach: shutdown() stops it once the services using it have stopped.
      detached: true,
      log,
    });
    databaseUrl = postgres.url;
    createDatabase = 'commerce';
    log.info({ port: new URL(postgres.url).port }, 'embedded PostgreSQL running');
  }
  const keysDir = ensureDevKeys(process.env.KEYS_DIR ?? resolve(dataDir, 'keys'));

  // The database (on the embedded server), a role per subgraph where DATABASE_URL's user may create them,
  // migrations and the seed: a one-shot process (scripts/prepare-database-cli.ts) that says where each
  // subgraph connects. A subgraph given its own database (<NAME>_DATABASE_URL) keeps it.
  const prepared = await prepareDatabaseInChild({
    databaseUrl,
    ...(createDatabase ? { createDatabase } : {}),
    roles: { prefix: 'commerce_', secret: config.ROLE_PASSWORD_SECRET },
    ownUrls: ownDatabaseUrls((url) => url !== undefined),
    seed: { size: 'full', staff: { email: config.SEED_STAFF_EMAIL, password: config.SEED_STAFF_PASSWORD } },
  });
  const adminUrl = prepared.adminUrl;
  const urlFor = (name: string) => prepared.urls[name]!;
  const eventsRole = prepared.eventsRole;

  const gatewayPort = Number(process.env.PORT ?? 4000);
  const payments: { env: Record<string, string>; banner: string; localUrl?: string } = stripe
    ? {
        env: pickEnv(STRIPE_VARIABLES),
        banner: stripe.apiUrl ? `the Stripe-compatible API at ${stripe.apiUrl} (STRIPE_API_URL)` : 'Stripe test mode (STRIPE_SECRET_KEY)',
        ...(stripe.apiUrl ? { localUrl: stripe.apiUrl } : {}),
      }
    : await startStripeLocal(config, gatewayPort);
  // Development mail (e.g. shipping's notifications) is written there as .eml files.
  const mailDir = resolve(root, process.env.MAIL_DIR ?? resolve(dataDir, 'mail'));
  mkdirSync(mailDir, { recursive: true });

  const ports = Object.fromEntries(subgraphs.map((s) => [s.name, Number(process.env[`${s.name.toUpperCase()}_PORT`] ?? s.port)]));
  const subgraphUrls = Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, `http://${host}:${ports[s.name]}/graphql`]));
  const shared = { ...withoutStripe(process.env), KEYS_DIR: keysDir, ...subgraphUrls };
  await Promise.all(
    subgraphs.map((subgraph) =>
      supervisor.start({
        name: subgraph.name,
        args: serviceArgs(subgraph.name, resolve(root, 'subgraphs', subgraph.name, 'src', 'main.ts')),
        env: {
          ...shared,
          DATABASE_URL: urlFor(subgraph.name),
          ...(eventsRole ? { EVENTS_ROLE: eventsRole } : {}),
          ...(subgraph.env?.some((name) => name.startsWith('STRIPE_')) ? payments.env : {}),
          MAIL_DIR: mailDir,
          PORT: String(ports[subgraph.name]),
          HOST: host,
        },
        readyUrl: `http://${host}:${ports[subgraph.name]}/health/ready`,
      }),
    ),
  );

  // The storefront and POS pages the gateway serves: built now when missing or older than their sources.
  const stale = APPS.filter((app) => buildIsStale(app.name)).map((app) => app.name);
  if (stale.length > 0) {
    log.info({ apps: stale }, 'building the apps (npm run build)');
    // Its own process: Vite, loaded here, would stay in the runner's memory for good.
    await runOnce('building the apps (npm run build)', [resolve(root, 'scripts', 'build.ts'), ...stale]);
  }
  await supervisor.start({
    name: 'gateway',
    args: serviceArgs('gateway', resolve(root, 'gateway', 'src', 'main.ts')),
    env: {
      ...shared,
      // The storefront's test-card form confirms through the gateway, which forwards to this server.
      ...(payments.localUrl && !process.env.STRIPE_PUBLISHABLE_KEY ? { PAYMENTS_LOCAL_URL: payments.localUrl } : {}),
      PORT: String(gatewayPort),
      HOST: process.env.HOST ?? host,
      // The response cache learns of catalog and stock changes from the event queue (README: Caching).
      EVENTS_DATABASE_URL: process.env.EVENTS_DATABASE_URL ?? adminUrl,
      ...(eventsRole ? { EVENTS_ROLE: eventsRole } : {}),
    },
    readyUrl: `http://${host}:${gatewayPort}/health/ready`,
  });

  const endpoint = `http://localhost:${gatewayPort}/graphql`;
  log.info({ endpoint, staffEmail: config.SEED_STAFF_EMAIL }, 'supergraph ready');
  process.stdout.write(
    [
      '',
      `  supergraph-commerce is ready: ${endpoint}`,
      `  storefront: http://localhost:${gatewayPort}/   POS: http://localhost:${gatewayPort}/pos/`,
      `  explorer (GraphiQL, schema docs): http://localhost:${gatewayPort}/explorer`,
      `  subgraphs: ${subgraphs.map((s) => `${s.name} ${subgraphUrls[`${s.name.toUpperCase()}_URL`]}`).join(', ')}`,
      `  staff login (development): ${config.SEED_STAFF_EMAIL} / ${config.SEED_STAFF_PASSWORD}`,
      `  payments: ${payments.banner}`,
      `  mail (development): ${mailDir}`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n') + '\n',
  );
}

/** What `NODE_ENV=production npm start` needs from the environment: it generates none of it. */
const PRODUCTION_REQUIRED = ['DATABASE_URL', 'KEYS_DIR', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'];

/**
 * `NODE_ENV=production npm start`: the same processes on one machine, every one with NODE_ENV=production,
 * on what the environment gives: DATABASE_URL (and any <NAME>_DATABASE_URL, EVENTS_ROLE), KEYS_DIR with
 * the whole key set, Stripe's key and webhook secret. Nothing is generated or started beside them: no dev
 * config, no embedded PostgreSQL, no keys, no roles (deploy/roles.sql is the operator's), no stripe-local.
 * Migrations run; the demo seed only with SEED_DEMO_DATA=1 (and SEED_STAFF_EMAIL, SEED_STAFF_PASSWORD).
 * The gateway runs only the persisted operations of schema/persisted (PERSISTED_OPERATIONS_DIR).
 */
async function startProduction() {
  const missing = PRODUCTION_REQUIRED.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(`NODE_ENV=production npm start needs ${missing.join(', ')}: production generates nothing (no embedded database, no keys, no local Stripe). See "Production mode" in README.md.`);
  }
  const keysDir = resolve(process.env.KEYS_DIR!);
  const missingKeys = [GATEWAY, ...subgraphs.map((s) => s.name)].flatMap((p) => [`${p}.key`, `${p}.pub`]).filter((file) => !existsSync(join(keysDir, file)));
  if (missingKeys.length > 0) throw new Error(`KEYS_DIR (${keysDir}) lacks ${missingKeys.join(', ')}; \`npm run keys -- <folder>\` makes a set.`);
  // A test or live key and a webhook secret; STRIPE_API_URL (a stand-in) is refused in production.
  readStripeConfig(process.env);
  const persistedDir = process.env.PERSISTED_OPERATIONS_DIR || resolve(root, 'schema', 'persisted');
  const manifests = loadManifests(persistedDir);
  if (manifests.size === 0) throw new Error(`No persisted operations in ${persistedDir} (PERSISTED_OPERATIONS_DIR): the production gateway runs only those; \`npm run codegen\` writes them.`);
  const seedDemo = process.env.SEED_DEMO_DATA === '1';
  const staff = { email: process.env.SEED_STAFF_EMAIL, password: process.env.SEED_STAFF_PASSWORD };
  if (seedDemo && (!staff.email || !staff.password)) throw new Error('SEED_DEMO_DATA=1 needs SEED_STAFF_EMAIL and SEED_STAFF_PASSWORD: production generates no password.');
  await stripSourcesInChild(log);

  const prepared = await prepareDatabaseInChild({
    databaseUrl: process.env.DATABASE_URL!,
    ownUrls: ownDatabaseUrls((url) => !!url),
    events: { url: process.env.EVENTS_DATABASE_URL || undefined, role: process.env.EVENTS_ROLE || undefined },
    ...(seedDemo ? { seed: { size: 'full' as const, staff: { email: staff.email!, password: staff.password! } } } : {}),
  });
  const urlFor = (name: string) => prepared.urls[name]!;

  const gatewayPort = Number(process.env.PORT ?? 4000);
  const ports = Object.fromEntries(subgraphs.map((s) => [s.name, Number(process.env[`${s.name.toUpperCase()}_PORT`] ?? s.port)]));
  const subgraphUrls = Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, `http://${host}:${ports[s.name]}/graphql`]));
  const shared = { ...withoutStripe(process.env), NODE_ENV: 'production', KEYS_DIR: keysDir, PERSISTED_OPERATIONS_DIR: persistedDir, ...subgraphUrls };
  await Promise.all(
    subgraphs.map((subgraph) =>
      supervisor.start({
        name: subgraph.name,
        args: serviceArgs(subgraph.name, resolve(root, 'subgraphs', subgraph.name, 'src', 'main.ts')),
        env: {
          ...shared,
          DATABASE_URL: urlFor(subgraph.name),
          ...(subgraph.env?.some((name) => name.startsWith('STRIPE_')) ? pickEnv(STRIPE_VARIABLES) : {}),
          PORT: String(ports[subgraph.name]),
          HOST: host,
        },
        readyUrl: `http://${host}:${ports[subgraph.name]}/health/ready`,
      }),
    ),
  );
  await supervisor.start({
    name: 'gateway',
    args: serviceArgs('gateway', resolve(root, 'gateway', 'src', 'main.ts')),
    env: { ...shared, PORT: String(gatewayPort), HOST: process.env.HOST ?? host },
    readyUrl: `http://${host}:${gatewayPort}/health/ready`,
  });

  const endpoint = `http://localhost:${gatewayPort}/graphql`;
  log.info({ endpoint, seeded: seedDemo }, 'supergraph ready (production)');
  process.stdout.write(
    [
      '',
      `  supergraph-commerce is ready (production): ${endpoint}`,
      `  storefront: http://localhost:${gatewayPort}/   POS: http://localhost:${gatewayPort}/pos/   (the builds of \`npm run build\`)`,
      `  subgraphs: ${subgraphs.map((s) => `${s.name} ${subgraphUrls[`${s.name.toUpperCase()}_URL`]}`).join(', ')}`,
      `  persisted operations only: ${[...manifests].map(([client, operations]) => `${client} (${operations.size})`).join(', ')} from ${persistedDir}; partners with an X-API-Key may send documents`,
      `  payments: Stripe (STRIPE_SECRET_KEY)`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n') + '\n',
  );
}

/**
 * Offline payments: stripe-local as a supervised process, with the key and webhook secret kept in the dev
 * config. It delivers webhooks to the gateway's /webhooks/stripe, as Stripe would to the public URL, so a
 * delivery takes the whole path (gateway, then orders, which verifies the signature).
 */
async function startStripeLocal(config: DevConfig, gatewayPort: number): Promise<{ env: Record<string, string>; banner: string; localUrl: string }> {
  const port = Number(process.env.STRIPE_LOCAL_PORT ?? 12111);
  const url = `http://${host}:${port}`;
  const webhookUrl = `http://${host}:${gatewayPort}/webhooks/stripe`;
  await supervisor.start({
    name: 'stripe-local',
    args: [resolve(root, 'stripe-local', 'src', 'main.ts')],
    env: {
      ...withoutStripe(process.env),
      STRIPE_WEBHOOK_SECRET: config.STRIPE_LOCAL_WEBHOOK_SECRET,
      STRIPE_LOCAL_WEBHOOK_URL: webhookUrl,
      PORT: String(port),
      HOST: host,
    },
    readyUrl: `${url}/health/ready`,
  });
  return {
    env: { STRIPE_SECRET_KEY: config.STRIPE_LOCAL_SECRET_KEY, STRIPE_WEBHOOK_SECRET: config.STRIPE_LOCAL_WEBHOOK_SECRET, STRIPE_API_URL: url },
    banner: `local Stripe-compatible server ${url}, webhooks to ${webhookUrl} (no STRIPE_SECRET_KEY; see stripe-local/README.md)`,
    localUrl: url,
  };
}

/** The development key set: generated once into the data folder, so tokens survive restarts. */
function ensureDevKeys(dir: string): string {
  const principals = [GATEWAY, ...subgraphs.map((s) => s.name)];
  if (!hasKeySet(dir, principals)) {
    writeKeySet(dir, principals);
    log.warn({ dir }, 'generated a development key set');
  }
  return dir;
}

async function shutdown(signal: string, code = 0) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping');
  stopOneShots();
  await supervisor.stopAll();
  await postgres?.stop();
  process.exit(code);
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
// A closed terminal: the services and the database are detached from it, so only this stops them.
process.on('SIGHUP', () => void shutdown('SIGHUP'));

main().catch(async (error) => {
  log.fatal({ err: error }, 'start failed');
  await shutdown('error', 1);
});
