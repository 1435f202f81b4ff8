import { databaseUrlFor, portFor } from './config.ts';
import { openDatabase } from './database.ts';
import { GATEWAY } from './identity.ts';
import { idleSecondsFromEnv, returnMemoryWhenIdle } from './idle-memory.ts';
import { loadKeyRing } from './keys.ts';
import { stopOnSignals } from './lifecycle.ts';
import { createLogger } from './logger.ts';
import { createSubgraphServer } from './server.ts';
import type { SubgraphDefinition } from './subgraph-definition.ts';

/** Where another subgraph listens: `<NAME>_URL`, which the runner, docker-compose or your platform sets. */
export function serviceUrlFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[`${name.toUpperCase()}_URL`] || undefined;
}

/**
 * A subgraph's `main.ts`: read configuration (keys, database, the subgraphs it calls), apply migrations
 * under a lock, listen, run its events and workers, and stop gracefully on signals.
 */
export async function runSubgraph<TLoaders>(definition: SubgraphDefinition<TLoaders>): Promise<void> {
  const log = createLogger(definition.name);
  try {
    // Its own private key, and the gateway's public key; callers' keys are read when they first call.
    const keys = loadKeyRing(definition.name, { required: [GATEWAY] });
    const missing = (definition.calls ?? []).filter((name) => !serviceUrlFromEnv(name));
    if (missing.length > 0) throw new Error(`Set ${missing.map((name) => `${name.toUpperCase()}_URL`).join(', ')}: ${definition.name} calls them.`);
    const url = databaseUrlFor(definition.name);
    const db = await openDatabase({ schema: definition.name, url, entities: definition.entities, migrations: definition.migrations, log });
    await db.migrate();
    const server = await createSubgraphServer(definition, {
      db,
      log,
      keys,
      serviceUrl: (name) => serviceUrlFromEnv(name),
      events: { url: process.env.EVENTS_DATABASE_URL || url, role: process.env.EVENTS_ROLE || undefined },
    });
    await server.startEvents();
    const host = process.env.HOST ?? '127.0.0.1';
    const listening = await server.listen(portFor(definition.name, definition.port), host);
    log.info({ url: listening }, `${definition.name} subgraph ready`);
    returnMemoryWhenIdle({ idleSeconds: idleSecondsFromEnv(), log });
    stopOnSignals(log, () => server.close());
  } catch (error) {
    log.fatal({ err: error }, `${definition.name} subgraph failed to start`);
    process.exit(1);
  }
}
