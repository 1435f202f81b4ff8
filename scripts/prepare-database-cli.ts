/**
 * The runner's one-shot database preparation (scripts/database-child.ts starts it): in development the
 * database and a role per subgraph, then every subgraph's migrations, event queues and, when asked, the
 * seed. Reads a PrepareRequest as JSON from PREPARE_DATABASE_REQUEST, sends the PreparedDatabase back over
 * IPC and exits; its log lines are the runner's.
 */
import { createHmac } from 'node:crypto';
import { createLogger } from '#kit/logger.ts';
import { ensureDatabase } from '#kit/database.ts';
import { provisionRoles, type ProvisionedRoles } from '#kit/roles.ts';
import { services } from '../subgraphs/services.ts';
import type { PrepareRequest, PreparedDatabase } from './database-child.ts';
import { prepareDatabase } from './prepare-database.ts';

const log = createLogger('runner');

async function prepare(request: PrepareRequest): Promise<PreparedDatabase> {
  const adminUrl = request.createDatabase ? await ensureDatabase(request.databaseUrl, request.createDatabase) : request.databaseUrl;
  const roles = request.roles ? await ownRoles(adminUrl, request.roles) : null;
  // A subgraph given its own database keeps it; the others log in as their own role when there is one.
  const urls = Object.fromEntries(services.map(({ name }) => [name, request.ownUrls[name] ?? roles?.urlFor(name) ?? adminUrl]));
  const { seeded } = await prepareDatabase({
    urlFor: (name) => urls[name]!,
    events: { url: request.events?.url, role: request.events?.role ?? roles?.eventsRole },
    ...(request.seed ? { seed: request.seed } : {}),
    log,
  });
  return { adminUrl, urls, ...(roles ? { eventsRole: roles.eventsRole } : {}), seeded };
}

/**
 * One PostgreSQL role per subgraph, owning its schema and nothing else. Needs a superuser (the embedded
 * server's, or yours in DATABASE_URL); without one, every subgraph connects as DATABASE_URL's user and
 * ownership is not enforced, which the log says.
 */
async function ownRoles(adminUrl: string, { prefix, secret }: { prefix: string; secret: string }): Promise<ProvisionedRoles | null> {
  try {
    return await provisionRoles(adminUrl, {
      subgraphs: services.map((s) => s.name),
      prefix,
      passwordOf: (role) => createHmac('sha256', secret).update(role).digest('base64url'),
    });
  } catch (error) {
    log.warn({ err: error }, 'could not create a role per subgraph (needs a superuser); every subgraph connects as DATABASE_URL\'s user');
    return null;
  }
}

// The runner gone (stopped, or killed), there is no one to prepare for.
process.on('disconnect', () => process.exit(1));
try {
  const raw = process.env.PREPARE_DATABASE_REQUEST;
  if (!raw) throw new Error('PREPARE_DATABASE_REQUEST is not set: this script is started by the runner (scripts/start.ts)');
  const prepared = await prepare(JSON.parse(raw) as PrepareRequest);
  await new Promise<void>((done, fail) => process.send!(prepared, (error: Error | null) => (error ? fail(error) : done())));
  // Not waiting for the database clients' timers to wind down: everything was closed or committed.
  process.exit(0);
} catch (error) {
  log.fatal({ err: error }, 'preparing the database failed');
  process.exit(1);
}
