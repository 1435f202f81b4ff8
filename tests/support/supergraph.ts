import { fileURLToPath } from 'node:url';
import { createLogger, readSchema, seedSubgraphs, type SeedOptions, type SubgraphDefinition } from '#kit';
import { createTestDatabase, postGraphQL, startTestSubgraph, testKeyRing, type GraphQLResult, type TestSubgraph } from '#kit/testing/index.ts';
import { composeSupergraph } from '../../gateway/src/compose.ts';
import { createGatewayServer } from '../../gateway/src/server.ts';
import { loadManifests } from '../../gateway/src/safelist/index.ts';
import { subgraphs as allSubgraphs } from '../../subgraphs/index.ts';

export const STAFF = { email: 'staff@example.com', password: 'staff-password-for-tests' };

export interface TestSupergraph {
  /** The gateway's GraphQL URL. */
  url: string;
  /** The database every subgraph uses (a test may start a subgraph again on it). */
  databaseUrl: string;
  /** Where each subgraph listens, by name (a test that restarts one may point the others at it). */
  urls: Record<string, string>;
  subgraphs: Record<string, TestSubgraph>;
  /** The composed supergraph SDL (a second gateway, e.g. a production one, may serve it too). */
  supergraph: string;
  /** Sends an operation to the gateway over HTTP, with `token` as the Bearer token when given. */
  request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

export interface TestSupergraphOptions {
  definitions?: SubgraphDefinition<any>[];
  /** Outside vitest (the benchmark), the database to use. */
  databaseUrl?: string;
  /** Seed the demo data first (`small` for flow tests; only the runner seeds the full catalog). */
  seed?: SeedOptions['size'];
  /**
   * The gateway as in production: only the persisted operations of schema/persisted run (each for its own
   * client), partners aside. Set for the gateway alone; process.env is left as it is.
   */
  production?: boolean;
}

/**
 * The whole system for a test file: every subgraph on its own loopback port over one fresh database
 * (a schema and a role each, as in production), composed in-process, behind the real gateway on real
 * HTTP, with real keys and the event bus running. Seeding happens before subscribers start, through
 * the same path as `npm start` (each subgraph's seed, events applied in between).
 */
export async function startTestSupergraph(options: TestSupergraphOptions = {}): Promise<TestSupergraph> {
  const definitions = options.definitions ?? allSubgraphs;
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase('supergraph'));
  const urls: Record<string, string> = {};
  const started = await Promise.all(
    definitions.map((definition) => startTestSubgraph(definition, databaseUrl, { serviceUrl: (name) => urls[name], events: false })),
  );
  const byName = Object.fromEntries(definitions.map((definition, index) => [definition.name, started[index]!]));
  for (const [name, subgraph] of Object.entries(byName)) urls[name] = subgraph.url;
  for (const subgraph of started) await subgraph.server.bus.install();
  if (options.seed) {
    await seedSubgraphs(
      definitions.map((definition) => ({ definition, server: byName[definition.name]!.server })),
      { size: options.seed, staff: STAFF },
    );
  }
  for (const subgraph of started) await subgraph.server.startEvents();
  const supergraph = composeSupergraph(
    definitions.map((definition) => ({ name: definition.name, url: byName[definition.name]!.url, sdl: readSchema(definition) })),
  );
  const gateway = await createGatewayServer({
    supergraph,
    keys: testKeyRing('gateway'),
    log: createLogger('gateway'),
    ...(options.production ? { safelist: { manifests: loadManifests(fileURLToPath(new URL('../../schema/persisted', import.meta.url))), enforce: true } } : {}),
  });
  const url = await gateway.listen(0);
  return {
    url,
    databaseUrl,
    urls,
    subgraphs: byName,
    supergraph,
    request: (query, variables, token) => postGraphQL(url, query, variables, token ? { authorization: `Bearer ${token}` } : {}),
    async close() {
      await gateway.close();
      await Promise.all(started.map((subgraph) => subgraph.close()));
    },
  };
}
