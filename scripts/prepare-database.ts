import { generateKeyPairSync } from 'node:crypto';
import { createSubgraphServer, openDatabase, seedSubgraphs, type KeyRing, type Logger, type SeedOptions, type SubgraphServer } from '#kit';
import { subgraphs } from '../subgraphs/index.ts';

export interface PrepareOptions {
  /** The URL each subgraph connects with (its own role, where roles are set up). */
  urlFor(subgraph: string): string;
  /** The event queue's database and role (EVENTS_DATABASE_URL, EVENTS_ROLE); each subgraph's own by default. */
  events?: { url?: string; role?: string };
  /** Seed the demo data into domains that are still empty; leave out to only migrate. */
  seed?: SeedOptions;
  log: Logger;
}

/**
 * Applies every subgraph's migrations (each under its advisory lock, as its own role), declares every
 * event queue and subscription (so no event emitted later finds a subscriber missing), then optionally
 * seeds, each domain after the events of the ones before it were applied.
 */
export async function prepareDatabase(options: PrepareOptions): Promise<{ seeded: string[] }> {
  const { log } = options;
  const servers: SubgraphServer[] = [];
  try {
    for (const definition of subgraphs) {
      const url = options.urlFor(definition.name);
      const db = await openDatabase({ schema: definition.name, url, entities: definition.entities, migrations: definition.migrations, log });
      await db.migrate();
      const server = await createSubgraphServer(definition, {
        db,
        log,
        // Preparing signs nothing and calls no one: a throw-away key nobody trusts is enough.
        keys: throwAwayKeys(definition.name),
        serviceUrl: () => undefined,
        events: { url: options.events?.url ?? url, role: options.events?.role },
      });
      servers.push(server);
      await server.bus.install();
    }
    if (!options.seed) return { seeded: [] };
    const started = performance.now();
    const seeded = await seedSubgraphs(
      subgraphs.map((definition, index) => ({ definition, server: servers[index]! })),
      options.seed,
    );
    if (seeded.length > 0) log.info({ seeded, ms: Math.round(performance.now() - started) }, 'seeded demo data');
    return { seeded };
  } finally {
    for (const server of servers) await server.close();
  }
}

function throwAwayKeys(self: string): KeyRing {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { self, privateKey, publicKey: () => undefined };
}
