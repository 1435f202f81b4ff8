import { portFor, databaseUrlFor, readSecrets } from './config.ts';
import { openDatabase } from './database.ts';
import { createLogger } from './logger.ts';
import { createSubgraphServer, type SubgraphDefinition } from './server.ts';

/**
 * A subgraph's `main.ts`: read configuration, apply migrations, listen, and shut down gracefully on
 * SIGTERM/SIGINT (finish in-flight requests, close the pool) so a rolling restart drops nothing.
 */
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

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down');
      await server.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
  } catch (error) {
    log.fatal({ err: error }, `${definition.name} subgraph failed to start`);
    process.exit(1);
  }
}
