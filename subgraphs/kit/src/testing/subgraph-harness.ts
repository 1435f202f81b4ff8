import { createIdentitySigner, GATEWAY, ANONYMOUS, IDENTITY_HEADER, type Viewer } from '../identity.ts';
import { openDatabase, type Database } from '../database.ts';
import { createLogger } from '../logger.ts';
import { provisionRoles } from '../roles.ts';
import { createSubgraphServer, type SubgraphServer } from '../server.ts';
import type { SubgraphDefinition } from '../subgraph-definition.ts';
import type { RequestContext } from '../context.ts';
import { testKeyRing } from './test-keys.ts';

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestSubgraph {
  url: string;
  db: Database;
  server: SubgraphServer;
  /**
   * Sends an operation over HTTP as the gateway would, vouching for `viewer` (anonymous by default); a
   * `service` viewer is signed with that subgraph's own key instead, as a service call.
   */
  request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResult<T>>;
  /** Raw SQL as the subgraph's own role, outside any request, for fixtures and assertions (its schema is the search_path). */
  sql<T = Record<string, any>>(query: string, params?: unknown[]): Promise<T[]>;
  /** A request context as `viewer` (the subgraph itself by default), for calling services directly. */
  context(viewer?: Viewer): RequestContext<any>;
  close(): Promise<void>;
}

export interface TestSubgraphOptions {
  /** Where the subgraphs this one calls listen (read when a call is made, so it may be filled in later). */
  serviceUrl?: (name: string) => string | undefined;
  /** Start subscribers, workers and the event relay (on by default). */
  events?: boolean;
}

/** The database name in a URL, which names the run's roles (roles are cluster-wide, databases are not). */
function rolePrefixOf(databaseUrl: string): string {
  return `${new URL(databaseUrl).pathname.slice(1)}_`;
}

/**
 * Migrates a database and serves the subgraph on a free loopback port, exactly as `runSubgraph` would:
 * as its own PostgreSQL role, with its own key, its event bus running.
 */
export async function startTestSubgraph<L>(
  definition: SubgraphDefinition<L>,
  databaseUrl: string,
  options: TestSubgraphOptions = {},
): Promise<TestSubgraph> {
  const log = createLogger(definition.name);
  const roles = await provisionRoles(databaseUrl, {
    subgraphs: [definition.name],
    prefix: rolePrefixOf(databaseUrl),
    passwordOf: (role) => `test-password-${role}`,
  });
  const url = roles.urlFor(definition.name);
  const db = await openDatabase({ schema: definition.name, url, entities: definition.entities, migrations: definition.migrations, log });
  await db.migrate();
  const server = await createSubgraphServer(definition, {
    db,
    log,
    keys: testKeyRing(definition.name),
    serviceUrl: options.serviceUrl ?? (() => undefined),
    events: { url, role: roles.eventsRole },
  });
  if (options.events !== false) await server.startEvents();
  const graphqlUrl = await server.listen(0);
  const gateway = createIdentitySigner(testKeyRing(GATEWAY));
  // A service viewer is signed by that service's own key, as its process would; people by the gateway's.
  const signerFor = (viewer: Viewer) => (viewer.role === 'service' && viewer.service ? createIdentitySigner(testKeyRing(viewer.service)) : gateway);
  return {
    url: graphqlUrl,
    db,
    server,
    request: async (query, variables, viewer = ANONYMOUS) =>
      postGraphQL(graphqlUrl, query, variables, { [IDENTITY_HEADER]: await signerFor(viewer)(viewer, definition.name) }),
    sql: (query, params = []) => db.fork().execute(query, params as any[]) as Promise<any[]>,
    context: (viewer) => server.context(viewer),
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
