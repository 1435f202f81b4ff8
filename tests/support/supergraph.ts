import { createLogger, readSchema, type SubgraphDefinition } from '#kit';
import { createTestDatabase, postGraphQL, startTestSubgraph, TEST_SECRETS, type GraphQLResult, type TestSubgraph } from '#kit/testing/index.ts';
import { composeSupergraph } from '../../gateway/src/compose.ts';
import { createGatewayServer } from '../../gateway/src/server.ts';
import { subgraphs as allSubgraphs } from '../../subgraphs/index.ts';

export interface TestSupergraph {
  /** The gateway's GraphQL URL. */
  url: string;
  subgraphs: Record<string, TestSubgraph>;
  /** Sends an operation to the gateway over HTTP, with `token` as the Bearer token when given. */
  request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

/**
 * The whole system for a test file: every subgraph on its own loopback port over one fresh database
 * (a schema each, as in production), composed in-process, behind the real gateway on real HTTP.
 * Outside vitest (the benchmark) pass the database to use.
 */
export async function startTestSupergraph(
  definitions: SubgraphDefinition<any>[] = allSubgraphs,
  databaseUrl?: string,
): Promise<TestSupergraph> {
  databaseUrl ??= await createTestDatabase('supergraph');
  const started = await Promise.all(definitions.map((definition) => startTestSubgraph(definition, databaseUrl!)));
  const byName = Object.fromEntries(definitions.map((definition, index) => [definition.name, started[index]!]));
  const supergraph = composeSupergraph(
    definitions.map((definition) => ({ name: definition.name, url: byName[definition.name]!.url, sdl: readSchema(definition) })),
  );
  const gateway = await createGatewayServer({ supergraph, secrets: TEST_SECRETS, log: createLogger('gateway') });
  const url = await gateway.listen(0);
  return {
    url,
    subgraphs: byName,
    request: (query, variables, token) => postGraphQL(url, query, variables, token ? { authorization: `Bearer ${token}` } : {}),
    async close() {
      await gateway.close();
      await Promise.all(started.map((subgraph) => subgraph.close()));
    },
  };
}
