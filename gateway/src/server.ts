import { createServer, type Server } from 'node:http';
import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createErrorMasker, createIdentitySigner, createRequestListener, isProduction, listen, RELAYED_CODES, requestLogPlugin, sendJson, type KeyRing, type Logger } from '#kit';
import { viewerOf } from './auth.ts';
import { subgraphUrlsOf } from './compose.ts';
import { SignedDataSource, type GatewayContext } from './signed-data-source.ts';
import { forwardWebhook } from './webhook-forward.ts';

export interface GatewayOptions {
  /** The supergraph: a composed SDL, or a hook that supplies and updates it (see supergraph-file.ts). */
  supergraph: string | SupergraphSdlHook;
  /** The gateway's private key (it signs forwarded identities) and the customers' public key (tokens). */
  keys: KeyRing;
  log: Logger;
  /** A subgraph URL that replaces the one composed into the supergraph (containers, tests). */
  subgraphUrl?: (name: string) => string | undefined;
  /** How long a forwarded webhook may take (8 s by default; Stripe gives up on an endpoint after about 10). */
  webhookTimeoutMs?: number;
}

export interface GatewayServer {
  httpServer: Server;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Builds the gateway: the supergraph over HTTP, verified identity forwarded, errors masked; and, beside
 * GraphQL, `POST /webhooks/stripe` passed on untouched to the orders subgraph (Stripe knows one public URL).
 */
export async function createGatewayServer(options: GatewayOptions): Promise<GatewayServer> {
  const { keys, log, subgraphUrl = () => undefined } = options;
  const sign = createIdentitySigner(keys);
  const httpServer = createServer();
  let ready = false;
  let shuttingDown = false;

  const common = {
    buildService: ({ name, url }: { name: string; url?: string }) =>
      Object.assign(new SignedDataSource({ url: subgraphUrl(name) ?? url }), { subgraph: name, sign }),
    logger: log,
  };
  const gateway =
    typeof options.supergraph === 'string'
      ? new ApolloGateway({ ...common, supergraphSdl: options.supergraph })
      : new ApolloGateway({ ...common, supergraphSdl: options.supergraph });
  // Each subgraph's URL as the gateway sends it GraphQL: the override, else the supergraph's (join__Graph),
  // following every supergraph the gateway loads. Webhooks go to a sibling of that URL.
  let composedUrls = new Map<string, string>();
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    composedUrls = subgraphUrlsOf(coreSupergraphSdl);
  });
  const endpointOf = (subgraph: string, path: string) => {
    const url = subgraphUrl(subgraph) ?? composedUrls.get(subgraph);
    return url ? new URL(path, url).href : undefined;
  };
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Subgraphs mask their own errors; the codes they send stand, and anything the gateway itself
    // fails with (an unreachable subgraph's address, say) is masked here.
    formatError: createErrorMasker(log, { trustCodes: RELAYED_CODES }),
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (lifecycle.ts), in order: Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    // Production schema browsing is for partners with a key (a later issue); until then it is closed.
    introspection: !isProduction(),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), requestLogPlugin()],
  });
  await apollo.start();
  ready = true;

  httpServer.on(
    'request',
    createRequestListener(apollo, {
      routes: {
        '/health/live': (_req, res) => sendJson(res, 200, { status: 'ok' }),
        '/health/ready': (_req, res) =>
          ready && !shuttingDown ? sendJson(res, 200, { status: 'ok' }) : sendJson(res, 503, { status: 'unavailable' }),
        // Relative to orders' GraphQL URL: http://orders:4004/graphql -> http://orders:4004/webhooks/stripe.
        '/webhooks/stripe': forwardWebhook({
          target: () => endpointOf('orders', 'webhooks/stripe'),
          headers: ['content-type', 'stripe-signature'],
          log,
          ...(options.webhookTimeoutMs ? { timeoutMs: options.webhookTimeoutMs } : {}),
        }),
      },
      context: async ({ req, requestId }) => ({
        viewer: await viewerOf(req, keys),
        requestId,
        log: log.child({ requestId }),
      }),
    }),
  );

  return {
    httpServer,
    listen: (port, host = '127.0.0.1') => listen(httpServer, port, host),
    async close() {
      shuttingDown = true;
      await apollo.stop();
    },
  };
}
