import type { Secrets } from '../config.ts';
import { openDatabase, type Database } from '../database.ts';
import { ANONYMOUS, IDENTITY_HEADER, signIdentity, type Viewer } from '../identity.ts';
import { createLogger } from '../logger.ts';
import { createSubgraphServer, type SubgraphDefinition } from '../server.ts';

/** Fixed secrets for tests: long enough for readSecrets, and never used outside tests. */
export const TEST_SECRETS: Secrets = {
  jwtSecret: 'test-jwt-secret-0123456789abcdef0123456789abcdef',
  subgraphSecret: 'test-subgraph-secret-0123456789abcdef0123456789',
};

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestSubgraph {
  url: string;
  db: Database;
  /** Sends an operation over HTTP as the gateway would, vouching for `viewer` (anonymous by default). */
  request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResult<T>>;
  /** Raw SQL on the subgraph's database outside any request, for fixtures and assertions (its schema is the search_path). */
  sql<T = Record<string, any>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Migrates a database and serves the subgraph on a free loopback port, exactly as `runSubgraph` would. */
export async function startTestSubgraph<L>(definition: SubgraphDefinition<L>, databaseUrl: string): Promise<TestSubgraph> {
  const log = createLogger(definition.name);
  const db = await openDatabase({
    schema: definition.name,
    url: databaseUrl,
    entities: definition.entities,
    migrations: definition.migrations,
    log,
  });
  await db.migrate();
  const server = await createSubgraphServer(definition, { db, secrets: TEST_SECRETS, log });
  const url = await server.listen(0);
  return {
    url,
    db,
    request: (query, variables, viewer = ANONYMOUS) =>
      postGraphQL(url, query, variables, { [IDENTITY_HEADER]: signIdentity(viewer, TEST_SECRETS.subgraphSecret) }),
    sql: (query, params = []) => db.fork().execute(query, params as any[]) as Promise<any[]>,
    close: () => server.close(),
  };
}

export async function postGraphQL<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResult<T>, 'status'>;
  return { status: response.status, ...body };
}
