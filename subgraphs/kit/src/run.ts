import { portFor, databaseUrlFor, readSecrets } from './config.ts';
import { openDatabase } from './database.ts';
import { stopOnSignals } from './lifecycle.ts';
import { createLogger } from './logger.ts';
import { createSubgraphServer, type SubgraphDefinition } from './server.ts';

/** A subgraph's `main.ts`: read configuration, apply migrations, listen, and stop gracefully on signals. */
export async function runSubgraph<TLoaders>(definition: SubgraphDefinition<TLoaders>): Promise<void> {
  const log = createLogger(definition.name);
  try {
    const secrets = readSecrets();
    const db = await openDatabase({
      schema: definition.name,
      url: databaseUrlFor(definition.name),
      entities: definition.entities,
      migrations: definition.migrations,
      log,
    });
    await db.migrate();
    const server = await createSubgraphServer(definition, { db, secrets, log });
    const host = process.env.HOST ?? '127.0.0.1';
    const url = await server.listen(portFor(definition.name, definition.port), host);
    log.info({ url }, `${definition.name} subgraph ready`);
    stopOnSignals(log, () => server.close());
  } catch (error) {
    log.fatal({ err: error }, `${definition.name} subgraph failed to start`);
    process.exit(1);
  }
}
