/**
 * `npm run migrate`: every subgraph's migrations and event queues, then exit; for deployments that
 * migrate before rolling out (each subgraph also migrates at start, under a lock, so this is optional).
 * Reads the same variables as the subgraphs: `<NAME>_DATABASE_URL` or `DATABASE_URL`, and
 * `EVENTS_DATABASE_URL` / `EVENTS_ROLE`.
 */
import { createLogger, databaseUrlFor } from '#kit';
import { prepareDatabase } from './prepare-database.ts';

const log = createLogger('migrate');
try {
  await prepareDatabase({
    urlFor: (name) => databaseUrlFor(name),
    events: { url: process.env.EVENTS_DATABASE_URL || undefined, role: process.env.EVENTS_ROLE || undefined },
    log,
  });
  log.info('migrations applied');
} catch (error) {
  log.fatal({ err: error }, 'migration failed');
  process.exit(1);
}
