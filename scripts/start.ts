/**
 * `npm start`: the whole system on one machine. PostgreSQL (DATABASE_URL, or an embedded server whose
 * data stays in .data/), migrations, the demo seed on an empty database, then each subgraph and the
 * gateway as its own process, restarted if one crashes. Ctrl-C stops everything.
 */
import { resolve } from 'node:path';
import { createLogger, ensureDatabase, isProduction, startEmbeddedPostgres, type RunningPostgres } from '#kit';
import { subgraphs } from '../subgraphs/index.ts';
import { loadDevConfig } from './dev-config.ts';
import { prepareDatabase } from './prepare-database.ts';
import { Supervisor } from './supervisor.ts';

const log = createLogger('runner');
const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(root, process.env.DATA_DIR ?? '.data');
const host = '127.0.0.1';

const supervisor = new Supervisor(log);
let postgres: RunningPostgres | undefined;
let stopping = false;

async function main() {
  if (isProduction()) throw new Error('`npm start` is the development runner; in production run each service with its main.ts.');
  const { config, generated } = loadDevConfig(dataDir, process.env);
  if (generated.length > 0) log.warn({ generated, file: `${dataDir}/dev-config.json` }, 'generated development settings');

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    postgres = await startEmbeddedPostgres({
      dataDir: resolve(dataDir, 'postgres'),
      port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
      log,
    });
    databaseUrl = await ensureDatabase(postgres.url, 'commerce');
    log.info({ port: new URL(postgres.url).port }, 'embedded PostgreSQL running');
  }
  const urlFor = (name: string) => process.env[`${name.toUpperCase()}_DATABASE_URL`] ?? databaseUrl;

  await prepareDatabase(urlFor, { staffEmail: config.SEED_STAFF_EMAIL, staffPassword: config.SEED_STAFF_PASSWORD, log });

  const shared = { ...process.env, ...config, DATABASE_URL: databaseUrl };
  const subgraphUrls: Record<string, string> = {};
  await Promise.all(
    subgraphs.map((subgraph) => {
      const port = Number(process.env[`${subgraph.name.toUpperCase()}_PORT`] ?? subgraph.port);
      subgraphUrls[`${subgraph.name.toUpperCase()}_URL`] = `http://${host}:${port}/graphql`;
      return supervisor.start({
        name: subgraph.name,
        args: [resolve(root, 'subgraphs', subgraph.name, 'src', 'main.ts')],
        env: { ...shared, PORT: String(port), HOST: host },
        readyUrl: `http://${host}:${port}/health/ready`,
      });
    }),
  );

  const gatewayPort = Number(process.env.PORT ?? 4000);
  await supervisor.start({
    name: 'gateway',
    args: [resolve(root, 'gateway', 'src', 'main.ts')],
    env: { ...shared, ...subgraphUrls, PORT: String(gatewayPort), HOST: process.env.HOST ?? host },
    readyUrl: `http://${host}:${gatewayPort}/health/ready`,
  });

  const endpoint = `http://localhost:${gatewayPort}/graphql`;
  log.info({ endpoint, staffEmail: config.SEED_STAFF_EMAIL }, 'supergraph ready');
  process.stdout.write(
    [
      '',
      `  supergraph-commerce is ready: ${endpoint}`,
      `  subgraphs: ${subgraphs.map((s) => `${s.name} ${subgraphUrls[`${s.name.toUpperCase()}_URL`]}`).join(', ')}`,
      `  staff login (development): ${config.SEED_STAFF_EMAIL} / ${config.SEED_STAFF_PASSWORD}`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n') + '\n',
  );
}

async function shutdown(signal: string, code = 0) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping');
  await supervisor.stopAll();
  await postgres?.stop();
  process.exit(code);
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

main().catch(async (error) => {
  log.fatal({ err: error }, 'start failed');
  await shutdown('error', 1);
});
