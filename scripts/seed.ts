/**
 * `node scripts/seed.ts`: migrations and the demo seed without starting anything, for containers
 * (docker-compose's one-shot `seed` service) and for a DATABASE_URL you manage yourself.
 */
import { createLogger, databaseUrlFor } from '#kit';
import { prepareDatabase } from './prepare-database.ts';

const log = createLogger('seed');
const staffEmail = process.env.SEED_STAFF_EMAIL;
const staffPassword = process.env.SEED_STAFF_PASSWORD;
if (!staffEmail || !staffPassword) {
  log.fatal('SEED_STAFF_EMAIL and SEED_STAFF_PASSWORD must be set');
  process.exit(1);
}
try {
  const { seeded } = await prepareDatabase((name) => databaseUrlFor(name), { staffEmail, staffPassword, log });
  log.info({ seeded }, seeded.length ? 'database ready (seeded)' : 'database ready (already seeded)');
} catch (error) {
  log.fatal({ err: error }, 'seed failed');
  process.exit(1);
}
