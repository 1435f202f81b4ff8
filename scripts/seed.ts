/**
 * `node scripts/seed.ts`: migrations and the demo seed without starting anything, for containers
 * (docker-compose's one-shot `seed` service) and for databases you manage yourself. Reads the same
 * variables as the subgraphs, plus SEED_STAFF_EMAIL / SEED_STAFF_PASSWORD.
 */
import { createLogger, databaseUrlFor } from '#kit';
import { prepareDatabase } from './prepare-database.ts';

const log = createLogger('seed');
const email = process.env.SEED_STAFF_EMAIL;
const password = process.env.SEED_STAFF_PASSWORD;
if (!email || !password) {
  log.fatal('SEED_STAFF_EMAIL and SEED_STAFF_PASSWORD must be set');
  process.exit(1);
}
try {
  const { seeded } = await prepareDatabase({
    urlFor: (name) => databaseUrlFor(name),
    events: { url: process.env.EVENTS_DATABASE_URL || undefined, role: process.env.EVENTS_ROLE || undefined },
    seed: { size: 'full', staff: { email, password } },
    log,
  });
  log.info({ seeded }, seeded.length ? 'database ready (seeded)' : 'database ready (already seeded)');
} catch (error) {
  log.fatal({ err: error }, 'seed failed');
  process.exit(1);
}
