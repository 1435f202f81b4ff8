import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import { staticCachePolicyPlugin } from './cache-policy.ts';
import { createCompiledExecutor } from './compiled-executor.ts';
import { createRequestContext, type RequestContext } from './context.ts';
import type { Database } from './database.ts';
import { ClientError, createErrorMasker } from './errors.ts';
import { EventBus } from './events/bus.ts';
import { healthRoutes } from './health.ts';
import { createRequestListener, stringifyResult } from './http.ts';
import { createIdentitySigner, createIdentityVerifier, IDENTITY_HEADER, type Viewer } from './identity.ts';
import type { KeyRing } from './keys.ts';
import { listen } from './lifecycle.ts';
import { metricsRoutes } from './metrics.ts';
import { applyPermissions } from './permissions.ts';
import { requestLogPlugin } from './request-log.ts';
import { createServiceClients } from './service-client.ts';
import type { SubgraphDefinition } from './subgraph-definition.ts';

export type { SubgraphDefinition } from './subgraph-definition.ts';

export function readSchema(definition: Pick<SubgraphDefinition, 'schemaPath'>): string {
  return readFileSync(definition.schemaPath, 'utf8');
}

/** What a subgraph needs from its environment; `runSubgraph` reads it from variables, tests build it. */
export interface SubgraphRuntime {
  db: Database;
  log: Logger;
  /** This subgraph's private key and the public keys it trusts (the gateway's, its callers'). */
  keys: KeyRing;
  /** Where the subgraphs this one calls listen. */
  serviceUrl(name: string): string | undefined;
  /** The event queue's database (and the role its sessions act as); the subgraph's own by default. */
  events: { url: string; role?: string };
}

export interface SubgraphServer {
  readonly db: Database;
  readonly bus: EventBus;
  readonly httpServer: Server;
  /** A context outside any request (seeds, scripts, tests), as `viewer` or as the subgraph itself. */
  context(viewer?: Viewer): RequestContext<any>;
  /** Listens and resolves to the GraphQL URL. Port 0 picks a free port. */
  listen(port: number, host?: string): Promise<string>;
  /** Starts subscribers, workers and the event relay. */
  startEvents(): Promise<void>;
  /**
   * Stops taking requests and lets in-flight ones finish, then lets subscribers and workers finish the
   * job in hand, then closes the database: each step only once nothing above it can still need it.
   */
  close(): Promise<void>;
}

/**
 * Builds a subgraph server: federation schema with its permissions, per-request context, error masking,
 * health checks, request logs and its event bus. It neither migrates nor listens: `runSubgraph` and the
 * test harness decide that.
 */
export async function createSubgraphServer<TLoaders>(
  definition: SubgraphDefinition<TLoaders>,
  runtime: SubgraphRuntime,
): Promise<SubgraphServer> {
  const { db, log, keys } = runtime;
  const httpServer = createServer();
  let shuttingDown = false;

  const schema = buildSubgraphSchema([
    // The generated resolver types are stricter than Apollo's loose resolver map; the shapes agree.
    { typeDefs: parse(readSchema(definition)), resolvers: definition.resolvers as never },
  ]);
  applyPermissions(schema, definition.permissions);

  const sign = createIdentitySigner(keys);
  const verify = createIdentityVerifier(keys);
  const services = createServiceClients({ urlOf: runtime.serviceUrl, sign: (audience) => sign({ role: 'service', customerId: null }, audience), log });
  let bus: EventBus;
  const context = (viewer: Viewer, requestId?: string): RequestContext<TLoaders> => {
    const requestLog = requestId ? log.child({ requestId }) : log;
    return createRequestContext<TLoaders>({
      viewer,
      requestId,
      log: requestLog,
      // Forked on first use of `ctx.em`: a read served by `read` alone costs no EntityManager.
      fork: () => db.fork(),
      read: db.read,
      createLoaders: definition.createLoaders,
      services: services.forRequest(requestId ?? 'internal', requestLog),
      keys,
      onEventsCommitted: () => bus.nudge(),
      wakeWorker: (worker) => bus.wake(worker),
    });
  };
  bus = new EventBus({
    name: definition.name,
    db,
    url: runtime.events.url,
    role: runtime.events.role,
    log,
    subscribers: definition.subscribers ?? {},
    workers: definition.workers ?? {},
    createContext: context,
  });

  const apollo = new ApolloServer<RequestContext<TLoaders>>({
    // The schema, with each operation compiled by graphql-jit rather than interpreted (compiled-executor.ts).
    gateway: createCompiledExecutor(schema),
    formatError: createErrorMasker(log),
    stringifyResult,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (lifecycle.ts), in order: Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Traces are only for Apollo's hosted reporting, which this project does not use.
      ApolloServerPluginInlineTraceDisabled(),
      // The same Cache-Control, from the document instead of a hook on every field (cache-policy.ts).
      ApolloServerPluginCacheControlDisabled(),
      staticCachePolicyPlugin(),
      requestLogPlugin(),
    ],
  });
  await apollo.start();

  const listener = createRequestListener(apollo, {
    routes: {
      ...healthRoutes({ ready: () => db.ping(), isShuttingDown: () => shuttingDown }),
      ...metricsRoutes({ httpServer, db }),
      ...definition.routes?.({ db, log, context: (viewer) => context(viewer ?? { role: 'service', customerId: null, service: definition.name }) }),
    },
    async context({ req, requestId }) {
      const header = req.headers[IDENTITY_HEADER];
      const viewer = await verify(typeof header === 'string' ? header : undefined);
      // A subgraph reached directly is not an open door: only the gateway and known services sign.
      if (!viewer) {
        throw new ClientError('UNAUTHENTICATED', 'Requests must come through the gateway.', undefined, { http: { status: 401 } });
      }
      return context(viewer, requestId);
    },
  });
  httpServer.on('request', listener);

  return {
    db,
    bus,
    httpServer,
    context: (viewer) => context(viewer ?? { role: 'service', customerId: null, service: definition.name }),
    listen: (port, host = '127.0.0.1') => listen(httpServer, port, host),
    startEvents: () => bus.start(),
    async close() {
      shuttingDown = true;
      await apollo.stop();
      await bus.stop();
      await services.close();
      await db.close();
    },
  };
}
