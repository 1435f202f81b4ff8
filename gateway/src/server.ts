import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloGateway, type SupergraphSdlHook } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createErrorMasker, RELAYED_CODES } from '#kit/errors.ts';
import { createIdentitySigner } from '#kit/identity.ts';
import { createRequestListener, sendJson, stringifyResult } from '#kit/http.ts';
import { isProduction } from '#kit/config.ts';
import { listen } from '#kit/lifecycle.ts';
import type { KeyRing } from '#kit/keys.ts';
import type { Logger } from '#kit/logger.ts';
import { viewerOf } from './auth.ts';
import { subgraphUrlsOf } from './compose.ts';
import { SignedDataSource, type GatewayContext } from './signed-data-source.ts';
import { forwardWebhook } from './webhook-forward.ts';
import { createExplorer } from './explorer/index.ts';
import { CLIENT_NAME_HEADER, SAFELIST_CODES, safelistPlugins, type SafelistOptions } from './safelist/index.ts';
import { createHardening, type HardeningOverrides } from './hardening/index.ts';
import { createPartnerContract, createPartnerKeys, partnerKeyAdmission, readPartnerKeyCacheSeconds } from './partners/index.ts';
import { warmQueryPlans } from './warmup.ts';
import { cachedBody, createResponseCache, finishGraphQLResponse, type ResponseCache, type ResponseCacheOptions } from './cache/index.ts';
import { createApps, type AppMount, type PaymentsMode } from './apps/index.ts';
import { installFastResultShaping } from './result-shaping/install.ts';

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
  /**
   * The persisted-operation safelist (safelist/plugin.ts): each client's manifest, and whether only those
   * operations run. By default no manifests, enforced in production (everyone but partners refused).
   */
  safelist?: SafelistOptions<GatewayContext>;
  /** How often each client's request count, errors and latency are logged (60 s). */
  metricsIntervalMs?: number;
  /** Limits that replace the environment's (hardening/config.ts; README, "Hardening"). */
  hardening?: HardeningOverrides;
  /** Seconds a partner API key's check is reused (`PARTNER_KEY_CACHE_SECONDS`, 30; 0: every request asks customers). */
  partnerKeyCacheSeconds?: number;
  /**
   * The shared response cache for anonymous persisted queries (cache/index.ts; main.ts reads it from the
   * environment with readResponseCacheConfig). Without it, none; Cache-Control and ETag apply either way.
   */
  responseCache?: ResponseCacheOptions;
  /**
   * The storefront and POS builds served from this origin (apps/index.ts), and how their pages take a card.
   * main.ts serves clients/web/dist at `/` and clients/pos/dist at `/pos/`; without this, none.
   */
  apps?: { mounts: AppMount[]; payments: PaymentsMode };
}

export interface GatewayServer {
  httpServer: Server;
  listen(port: number, host?: string): Promise<string>;
  /** The response cache: its store (null when off) and whether it serves now (its events consumer runs). */
  responseCache: Pick<ResponseCache, 'store' | 'active'>;
  close(): Promise<void>;
}

/**
 * Builds the gateway: the supergraph over HTTP, verified identity forwarded, errors masked; and, beside
 * GraphQL, `POST /webhooks/stripe` passed on untouched to the orders subgraph (Stripe knows one public URL).
 */
export async function createGatewayServer(options: GatewayOptions): Promise<GatewayServer> {
  const { keys, log, subgraphUrl = () => undefined } = options;
  // @apollo/gateway's response shaping, compiled per operation (result-shaping/install.ts); once per process.
  installFastResultShaping();
  const sign = createIdentitySigner(keys);
  const httpServer = createServer();
  let ready = false;
  let shuttingDown = false;
  // Limits, masking, deadlines and headers, all checked before planning or any subgraph call (hardening/).
  const hardening = await createHardening(log, options.hardening);
  const safelist = options.safelist ?? { manifests: new Map(), enforce: isProduction() };
  const safelisting = safelistPlugins(safelist, log, { intervalMs: options.metricsIntervalMs });
  // Anonymous persisted queries answered from a cache shared by replicas, invalidated by events (cache/).
  const responseCache = await createResponseCache(options.responseCache, { log, outcomeOf: safelisting.outcomeOf });

  const common = {
    buildService: ({ name, url }: { name: string; url?: string }) =>
      Object.assign(new SignedDataSource({ url: subgraphUrl(name) ?? url, fetcher: hardening.fetcher }), { subgraph: name, sign, observer: responseCache.observer }),
    logger: log,
  };
  // Unless told otherwise, @apollo/gateway sends usage metrics to Apollo (usage-reporting.api.apollographql.com)
  // every hour and when it stops, and probes the AWS, GCP, Azure and Alibaba metadata addresses at start. A
  // merchant's gateway reaches its subgraphs and nothing else: an operator may still opt in with "false".
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const gateway =
    typeof options.supergraph === 'string'
      ? new ApolloGateway({ ...common, supergraphSdl: options.supergraph })
      : new ApolloGateway({ ...common, supergraphSdl: options.supergraph });
  // Every persisted operation planned when a supergraph loads, before the gateway reports ready (warmup.ts).
  const warmup = warmQueryPlans(gateway, safelist.manifests, log);
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
  // Partner API keys (`X-API-Key`, checked with customers, cached) and partners' contract of the schema (partners/).
  const partnerKeys = createPartnerKeys({
    customersUrl: () => subgraphUrl('customers') ?? composedUrls.get('customers'),
    sign,
    log,
    cacheSeconds: options.partnerKeyCacheSeconds ?? readPartnerKeyCacheSeconds(),
  });
  const partnerContract = createPartnerContract<GatewayContext>(gateway, log);
  const admitPartnerKey = partnerKeyAdmission(partnerKeys, log);
  // GraphiQL at /explorer and the public schema at /schema.graphql (explorer/index.ts); follows the loaded schema.
  const explorer = createExplorer({ gateway, log, onRequest: hardening.http.onRequest });
  const apps = options.apps ? createApps({ apps: options.apps.mounts, payments: options.apps.payments, log, onRequest: hardening.http.onRequest }) : undefined;
  // Each request's context, for `beforeSend`, which sees only the request.
  const contexts = new WeakMap<IncomingMessage, GatewayContext>();
  const withApps = (listener: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>) => (apps ? apps.wrap(listener) : listener);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Depth, cost, alias, directive and token limits, batching off, introspection gated per request.
    ...hardening.apollo,
    // Enforced, only the manifests' operations run: Apollo's own APQ cache (which registers any document
    // sent with its hash) is off. Otherwise it stays on, beside the manifests.
    ...(safelist.enforce ? { persistedQueries: false as const } : {}),
    // Apollo's CSRF rule lets a GET through only with a header no browser sends cross-site unasked; the
    // client's name is one (a custom header forces a preflight), and every client sends it for a persisted GET.
    csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', CLIENT_NAME_HEADER] },
    // Subgraphs mask their own errors; the codes they send stand, and anything the gateway itself
    // fails with (an unreachable subgraph's address, say) is masked here.
    formatError: hardening.formatError(createErrorMasker(log, { trustCodes: new Set([...RELAYED_CODES, ...SAFELIST_CODES]) })),
    includeStacktraceInErrorResponses: false,
    stringifyResult,
    // Shutdown is ours (lifecycle.ts), in order: Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    // Introspection: Apollo's option is on (hardening.apollo); hardening's gate lets partners only in production.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ...safelisting, ...hardening.plugins, partnerContract.plugin, responseCache.plugin],
  });
  await apollo.start();
  await warmup.warmed();
  ready = true;

  httpServer.on(
    'request',
    withApps(explorer.wrap(createRequestListener(apollo, {
      ...hardening.http,
      // After the rate limits: a request with `X-API-Key` goes on only when the key is valid (partners/guard.ts).
      admit: async (req, res) => (await hardening.http.admit(req, res)) && (await admitPartnerKey(req, res)),
      // A cached answer's stored bytes as the body, gzipped for clients that take gzip (cache/body.ts); then
      // Cache-Control for CDNs and browsers (GET only, private with credentials), ETag, 304 (cache/http.ts).
      beforeSend: (req, res, body) => finishGraphQLResponse(req, res, cachedBody(contexts.get(req)?.cacheSlot, body, req, res)),
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
      context: async ({ req, requestId }) => {
        const context: GatewayContext = { viewer: await viewerOf(req, keys), requestId, log: log.child({ requestId }), cacheSlot: {} };
        contexts.set(req, context);
        return context;
      },
    }))),
  );

  return {
    httpServer,
    listen: (port, host = '127.0.0.1') => listen(httpServer, port, host),
    responseCache: { store: responseCache.store, active: responseCache.active },
    async close() {
      shuttingDown = true;
      await apollo.stop();
      await Promise.all([hardening.close(), responseCache.close()]);
    },
  };
}
