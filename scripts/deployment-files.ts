/**
 * docker-compose.yml and deploy/roles.sql, derived from subgraphs/index.ts so that adding a subgraph
 * needs no edit here: `npm run compose` writes them, and a test fails when the committed files differ.
 */
import { stringify } from 'yaml';
import { GATEWAY, type SubgraphDefinition } from '#kit';
import { MALLOC_SETTINGS, serviceNodeOptions } from './process-memory.ts';

const DATABASE = 'commerce';
const EVENTS_ROLE = 'commerce_events';
const roleOf = (name: string) => `commerce_${name}`;
// For a laptop only, like every default here; production sets its own (see the README).
const passwordOf = (name: string) => `dev-only-${name}-password`;
const healthcheck = (port: number) => ({
  test: ['CMD', 'node', '-e', `fetch('http://127.0.0.1:${port}/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`],
  interval: '5s',
});
/** Where the Dockerfile puts the sources (its WORKDIR). */
export const IMAGE_ROOT = '/app';
/**
 * What `npm start` gives each process too (scripts/process-memory.ts: why), with the image's path of the
 * stripped-TypeScript hook (the image builds its cache); an operator's override file may replace them.
 */
const memorySettings = { NODE_OPTIONS: serviceNodeOptions(`${IMAGE_ROOT}/scripts/ts-cache/hooks.mjs`).join(' '), ...MALLOC_SETTINGS };
const databaseUrl = (name: string) => `postgres://${roleOf(name)}:${passwordOf(name)}@postgres:5432/${DATABASE}`;
/**
 * The gateway's shared response cache (gateway/src/cache/) and rate-limit counters. Only a cache: nothing is
 * saved to disk. Under memory pressure it evicts what expires (entries, counters), never the invalidation
 * marks, which have no expiry (`volatile-lru`; an `allkeys-*` policy could revive an invalidated entry).
 */
export const REDIS = { service: 'redis', port: 6379 } as const;
/** The gateway's own login: no schema, only the event queue (it consumes invalidation events) through EVENTS_ROLE. */
const GATEWAY_ROLE = roleOf(GATEWAY);

/**
 * Payments work out of the box: a subgraph that reads STRIPE_ variables talks to the `stripe-local`
 * service with a laptop-only key and webhook secret, unless the host gives its own. Compose cannot say
 * "if STRIPE_SECRET_KEY is unset", only "if set" (`:+`) or "default when unset" (`:-`), so:
 *   - NODE_ENV is `production` exactly when the host sets STRIPE_SECRET_KEY (production rules: a real
 *     webhook secret, Stripe's own API, live keys allowed), and empty otherwise (stripe-local allowed);
 *   - STRIPE_API_URL points at stripe-local unless the host sets it, to empty (`STRIPE_API_URL=`) for
 *     Stripe: a real key with the local URL refuses to start (production rules), never silently local;
 *   - with a key but no STRIPE_WEBHOOK_SECRET the default is made invalid (`missing:whsec_...`), so the
 *     service refuses to start rather than verify Stripe's deliveries with the laptop secret.
 */
export const STRIPE_LOCAL = { service: 'stripe-local', port: 12111 } as const;
const stripeLocalUrl = `http://${STRIPE_LOCAL.service}:${STRIPE_LOCAL.port}`;
const LOCAL_WEBHOOK_SECRET = 'whsec_local_compose_only';
const stripeDefaults: Record<string, string> = {
  STRIPE_SECRET_KEY: '${STRIPE_SECRET_KEY:-sk_test_local_compose_only}',
  STRIPE_WEBHOOK_SECRET: `\${STRIPE_WEBHOOK_SECRET:-\${STRIPE_SECRET_KEY:+missing:}${LOCAL_WEBHOOK_SECRET}}`,
  STRIPE_API_URL: `\${STRIPE_API_URL-${stripeLocalUrl}}`,
};
const usesStripe = (subgraph: SubgraphDefinition<any>) => (subgraph.env ?? []).some((name) => name.startsWith('STRIPE_'));

/** A declared variable passed through from the host: with the local default for Stripe's, empty otherwise. */
function environmentOf(subgraph: SubgraphDefinition<any>): Record<string, string> {
  const names = new Set(subgraph.env ?? []);
  if (usesStripe(subgraph)) for (const name of Object.keys(stripeDefaults)) names.add(name);
  return {
    ...(usesStripe(subgraph) ? { NODE_ENV: '${STRIPE_SECRET_KEY:+production}' } : {}),
    ...Object.fromEntries([...names].map((name) => [name, stripeDefaults[name] ?? `\${${name}:-}`])),
  };
}

/** Each process gets its own private key and every public key, as Docker secrets under /run/secrets. */
function keysFor(principal: string, principals: readonly string[]) {
  return [{ source: `${principal}_key`, target: `${principal}.key` }, ...principals.map((p) => ({ source: `${p}_pub`, target: `${p}.pub` }))];
}

export function dockerComposeFile(subgraphs: readonly SubgraphDefinition<any>[]): string {
  const principals = [GATEWAY, ...subgraphs.map((s) => s.name)];
  const urlOf = (s: SubgraphDefinition<any>) => `http://${s.name}:${s.port}/graphql`;
  const services: Record<string, unknown> = {
    postgres: {
      image: 'postgres:18',
      environment: { POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:-postgres}', POSTGRES_DB: DATABASE },
      volumes: ['postgres-data:/var/lib/postgresql', './deploy/roles.sql:/docker-entrypoint-initdb.d/10-roles.sql:ro'],
      healthcheck: { test: ['CMD-SHELL', `pg_isready -U postgres -d ${DATABASE}`], interval: '2s', retries: 30 },
    },
    seed: {
      build: '.',
      command: ['node', 'scripts/seed.ts'],
      environment: {
        ...Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_DATABASE_URL`, databaseUrl(s.name)])),
        EVENTS_ROLE,
        SEED_STAFF_EMAIL: '${SEED_STAFF_EMAIL:-staff@example.com}',
        SEED_STAFF_PASSWORD: '${SEED_STAFF_PASSWORD:-change-me-staff-password}',
      },
      depends_on: { postgres: { condition: 'service_healthy' } },
    },
  };
  for (const subgraph of subgraphs) {
    services[subgraph.name] = {
      build: '.',
      restart: 'unless-stopped',
      command: ['node', `subgraphs/${subgraph.name}/src/main.ts`],
      environment: {
        PORT: String(subgraph.port),
        DATABASE_URL: databaseUrl(subgraph.name),
        EVENTS_ROLE,
        KEYS_DIR: '/run/secrets',
        ...memorySettings,
        ...environmentOf(subgraph),
        ...Object.fromEntries((subgraph.calls ?? []).map((name) => {
          const callee = subgraphs.find((s) => s.name === name);
          if (!callee) throw new Error(`${subgraph.name} calls ${name}, which subgraphs/index.ts does not list`);
          return [`${name.toUpperCase()}_URL`, urlOf(callee)];
        })),
      },
      secrets: keysFor(subgraph.name, principals),
      depends_on: {
        seed: { condition: 'service_completed_successfully' },
        ...(usesStripe(subgraph) ? { [STRIPE_LOCAL.service]: { condition: 'service_healthy' } } : {}),
      },
      healthcheck: healthcheck(subgraph.port),
    };
  }
  if (subgraphs.some(usesStripe)) {
    // Stripe's stand-in (stripe-local/README.md): in memory, for a laptop; unused when the host gives a key.
    // It delivers webhooks to the gateway, as Stripe would to the public URL; its /_local routes (confirm a
    // payment, redeliver an event) take no key, so its port is published on the host's loopback only.
    services[STRIPE_LOCAL.service] = {
      build: '.',
      restart: 'unless-stopped',
      command: ['node', 'stripe-local/src/main.ts'],
      ports: [`127.0.0.1:${STRIPE_LOCAL.port}:${STRIPE_LOCAL.port}`],
      environment: {
        // It refuses to run in production mode, which the image sets.
        NODE_ENV: 'development',
        PORT: String(STRIPE_LOCAL.port),
        ...memorySettings,
        STRIPE_WEBHOOK_SECRET: `\${STRIPE_WEBHOOK_SECRET:-${LOCAL_WEBHOOK_SECRET}}`,
        STRIPE_LOCAL_WEBHOOK_URL: 'http://gateway:4000/webhooks/stripe',
      },
      healthcheck: healthcheck(STRIPE_LOCAL.port),
    };
  }
  services[REDIS.service] = {
    image: 'redis:8-alpine',
    restart: 'unless-stopped',
    command: ['redis-server', '--save', '', '--maxmemory', '256mb', '--maxmemory-policy', 'volatile-lru'],
    healthcheck: { test: ['CMD', 'redis-cli', 'ping'], interval: '2s', retries: 30 },
  };
  services.gateway = {
    build: '.',
    restart: 'unless-stopped',
    command: ['node', 'gateway/src/main.ts'],
    ports: ['4000:4000'],
    environment: {
      PORT: '4000',
      KEYS_DIR: '/run/secrets',
      ...memorySettings,
      ...Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, urlOf(s)])),
      // The response cache and rate limits, shared by replicas; invalidation events from the queue's database.
      REDIS_URL: `redis://${REDIS.service}:${REDIS.port}`,
      EVENTS_DATABASE_URL: `postgres://${GATEWAY_ROLE}:${passwordOf(GATEWAY)}@postgres:5432/${DATABASE}`,
      EVENTS_ROLE,
      // The storefront's card form: Stripe's Payment Element with a publishable key, else test cards
      // confirmed through stripe-local (unless the host empties STRIPE_API_URL for real Stripe).
      STRIPE_PUBLISHABLE_KEY: '${STRIPE_PUBLISHABLE_KEY:-}',
      PAYMENTS_LOCAL_URL: stripeDefaults.STRIPE_API_URL!,
    },
    secrets: keysFor(GATEWAY, principals),
    depends_on: { ...Object.fromEntries(subgraphs.map((s) => [s.name, { condition: 'service_healthy' }])), [REDIS.service]: { condition: 'service_healthy' } },
    healthcheck: healthcheck(4000),
  };
  const secrets = Object.fromEntries(
    principals.flatMap((p) => [
      [`${p}_key`, { file: `./keys/${p}.key` }],
      [`${p}_pub`, { file: `./keys/${p}.pub` }],
    ]),
  );
  const header = [
    '# Generated from subgraphs/index.ts by `npm run compose`; edit scripts/deployment-files.ts, not this file.',
    '# The same system as `npm start`, as containers. First make a key set: `npm run keys -- keys`.',
    '# Each service receives only its own private key (Docker secrets); PostgreSQL creates one role per',
    '# subgraph from deploy/roles.sql. Passwords here are for a laptop only. Payments go to stripe-local, a',
    '# Stripe stand-in, unless you set STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_API_URL= (empty).',
    '# Redis holds the gateway\'s response cache and rate-limit counters (README, "Caching").',
  ].join('\n');
  return `${header}\n${stringify({ services, secrets, volumes: { 'postgres-data': null } }, { lineWidth: 0 })}`;
}

/** The SQL that gives each subgraph its own role and schema; the README shows it for production. */
export function rolesSql(subgraphs: readonly SubgraphDefinition<any>[]): string {
  const lines = [
    '-- Generated from subgraphs/index.ts by `npm run compose`. One login role per subgraph, owning its',
    '-- schema and nothing else; a shared NOLOGIN role owns the event queue (schema pgboss), and every',
    '-- subgraph role may act as it (they connect with EVENTS_ROLE=commerce_events). Run as a superuser',
    `-- in the database the subgraphs use (docker-compose runs it in "${DATABASE}"); change the passwords.`,
    `create role ${EVENTS_ROLE} nologin;`,
    `create schema pgboss authorization ${EVENTS_ROLE};`,
    '',
    '-- The gateway: no schema, only the event queue (its response cache consumes invalidation events).',
    `create role ${GATEWAY_ROLE} login password '${passwordOf(GATEWAY)}';`,
    `grant ${EVENTS_ROLE} to ${GATEWAY_ROLE};`,
    '',
  ];
  for (const { name } of subgraphs) {
    lines.push(
      `create role ${roleOf(name)} login password '${passwordOf(name)}';`,
      `grant ${EVENTS_ROLE} to ${roleOf(name)};`,
      `create schema ${name} authorization ${roleOf(name)};`,
      `revoke all on schema ${name} from public;`,
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
