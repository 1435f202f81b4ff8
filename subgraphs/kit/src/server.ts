import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError, parse } from 'graphql';
import type { Logger } from 'pino';
import type { Secrets } from './config.ts';
import type { Database, EntityClass, MigrationClass } from './database.ts';
import { createErrorMasker } from './errors.ts';
import { healthRoutes } from './health.ts';
import { createRequestListener, type Route } from './http.ts';
import { listen } from './lifecycle.ts';
import { IDENTITY_HEADER, verifyIdentity, type Viewer } from './identity.ts';
import { requestLogPlugin } from './request-log.ts';

/** What every resolver receives. */
export interface SubgraphContext<TLoaders = unknown> {
  /** This request's EntityManager: its own identity map, never shared with another request. */
  em: EntityManager;
  /** This request's DataLoaders, so related data loads in one statement per kind however many items. */
  loaders: TLoaders;
  /** Who is asking, as the gateway vouched. */
  viewer: Viewer;
  requestId: string;
  log: Logger;
  secrets: Secrets;
}

export interface LoaderScope {
  em: EntityManager;
  viewer: Viewer;
}

/** A subgraph is data: the runner, composition, codegen and the test harness all read this. */
export interface SubgraphDefinition<TLoaders = unknown> {
  /** Lower-case name; also its PostgreSQL schema and the prefix of its variables (PRODUCTS_DATABASE_URL). */
  name: string;
  /** Default port (PORT or <NAME>_PORT override it). */
  port: number;
  /** The subgraph's SDL file. */
  schemaPath: URL;
  /** Typed by the subgraph with its generated `Resolvers`. */
  resolvers: object;
  entities: EntityClass[];
  migrations: MigrationClass[];
  createLoaders(scope: LoaderScope): TLoaders;
  /** Extra HTTP routes (webhooks); each gets the database for its own work. */
  routes?(deps: { db: Database; log: Logger; secrets: Secrets }): Record<string, Route>;
}

export function defineSubgraph<TLoaders>(definition: SubgraphDefinition<TLoaders>): SubgraphDefinition<TLoaders> {
  return definition;
}

export function readSchema(definition: Pick<SubgraphDefinition, 'schemaPath'>): string {
  return readFileSync(definition.schemaPath, 'utf8');
}

export interface SubgraphServer {
  readonly db: Database;
  readonly httpServer: Server;
  /** Listens and resolves to the GraphQL URL. Port 0 picks a free port. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops taking requests, lets in-flight ones finish, then closes the database. */
  close(): Promise<void>;
}

/**
 * Builds a subgraph server: federation schema, per-request context, error masking, health checks and
 * request logs. It neither migrates nor listens: `runSubgraph` and the test harness decide that.
 */
export async function createSubgraphServer<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  deps: { db: Database; secrets: Secrets; log: Logger },
): Promise<SubgraphServer> {
  const { db, secrets, log } = deps;
  const httpServer = createServer();
  let shuttingDown = false;

  const schema = buildSubgraphSchema([
    // The generated resolver types are stricter than Apollo's loose resolver map; the shapes agree.
    { typeDefs: parse(readSchema(definition)), resolvers: definition.resolvers as never },
  ]);
  const apollo = new ApolloServer<SubgraphContext<TLoaders>>({
    schema,
    formatError: createErrorMasker(log),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Traces are only for Apollo's hosted reporting, which this project does not use.
      ApolloServerPluginInlineTraceDisabled(),
      requestLogPlugin(),
    ],
  });
  await apollo.start();

  const listener = createRequestListener(apollo, {
    routes: {
      ...healthRoutes({ ready: () => db.ping(), isShuttingDown: () => shuttingDown }),
      ...definition.routes?.({ db, log, secrets }),
    },
    async context({ req, requestId }) {
      const header = req.headers[IDENTITY_HEADER];
      const viewer = verifyIdentity(typeof header === 'string' ? header : undefined, secrets.subgraphSecret);
      // A subgraph reached directly is not an open door: only the gateway can sign an identity.
      if (!viewer) {
        throw new GraphQLError('Requests must come through the gateway.', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
      const em = db.fork();
      return {
        em,
        viewer,
        requestId,
        secrets,
        log: log.child({ requestId }),
        loaders: definition.createLoaders({ em, viewer }),
      };
    },
  });
  httpServer.on('request', listener);

  return {
    db,
    httpServer,
    listen: (port, host = '127.0.0.1') => listen(httpServer, port, host),
    async close() {
      shuttingDown = true;
      await apollo.stop();
      await db.close();
    },
  };
}
