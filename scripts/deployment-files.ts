/**
 * docker-compose.yml and deploy/roles.sql, derived from subgraphs/index.ts so that adding a subgraph
 * needs no edit here: `npm run compose` writes them, and a test fails when the committed files differ.
 */
import { stringify } from 'yaml';
import { GATEWAY, type SubgraphDefinition } from '#kit';

const DATABASE = 'commerce';
const EVENTS_ROLE = 'commerce_events';
const roleOf = (name: string) => `commerce_${name}`;
// For a laptop only, like every default here; production sets its own (see the README).
const passwordOf = (name: string) => `dev-only-${name}-password`;
const healthcheck = (port: number) => ({
  test: ['CMD', 'node', '-e', `fetch('http://127.0.0.1:${port}/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`],
  interval: '5s',
});
const databaseUrl = (name: string) => `postgres://${roleOf(name)}:${passwordOf(name)}@postgres:5432/${DATABASE}`;

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
        ...Object.fromEntries((subgraph.env ?? []).map((name) => [name, `\${${name}:-}`])),
        ...Object.fromEntries((subgraph.calls ?? []).map((name) => {
          const callee = subgraphs.find((s) => s.name === name);
          if (!callee) throw new Error(`${subgraph.name} calls ${name}, which subgraphs/index.ts does not list`);
          return [`${name.toUpperCase()}_URL`, urlOf(callee)];
        })),
      },
      secrets: keysFor(subgraph.name, principals),
      depends_on: { seed: { condition: 'service_completed_successfully' } },
      healthcheck: healthcheck(subgraph.port),
    };
  }
  services.gateway = {
    build: '.',
    restart: 'unless-stopped',
    command: ['node', 'gateway/src/main.ts'],
    ports: ['4000:4000'],
    environment: { PORT: '4000', KEYS_DIR: '/run/secrets', ...Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, urlOf(s)])) },
    secrets: keysFor(GATEWAY, principals),
    depends_on: Object.fromEntries(subgraphs.map((s) => [s.name, { condition: 'service_healthy' }])),
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
    '# subgraph from deploy/roles.sql. Passwords here are for a laptop only.',
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
