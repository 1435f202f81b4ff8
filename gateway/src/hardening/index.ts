import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError, ValidationRule } from 'graphql';
import type { Logger } from '#kit/logger.ts';
import { readHardeningConfig, type HardeningConfig } from './config.ts';
import { hardenFormatError } from './errors.ts';
import { applySecurityHeaders, securityHeaders } from './headers.ts';
import { introspectionGate, operationLimits } from './operation-limits.ts';
import { createRateLimiter, memoryStore, redisStore, type RateLimitStore } from './rate-limit.ts';
import { createSubgraphFetcher, type Fetcher } from './subgraph-fetch.ts';

export { readHardeningConfig, DEFAULT_LIMITS, DEFAULT_RATE_LIMITS, type HardeningConfig } from './config.ts';
export { CLIENT_ERROR_EXTENSIONS } from './errors.ts';
export { API_CSP, PAGE_CSP, contentSecurityPolicy, securityHeaders, applySecurityHeaders, type CspDirectives } from './headers.ts';
export { isIntrospectionAllowed, INTROSPECTION_REFUSED_MESSAGE } from './operation-limits.ts';
export { RATE_LIMITED } from './rate-limit.ts';
export { SERVICE_TIMEOUT, SERVICE_UNAVAILABLE } from './subgraph-fetch.ts';

/** Settings that replace the environment's (tests; an embedding): any part of HardeningConfig. */
export interface HardeningOverrides {
  production?: boolean;
  limits?: Partial<HardeningConfig['limits']>;
  maxBodyBytes?: number;
  subgraphs?: Partial<HardeningConfig['subgraphs']>;
  rateLimit?: Partial<HardeningConfig['rateLimit']>;
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface Hardening {
  config: HardeningConfig;
  /** Spread into ApolloServer's options. */
  apollo: {
    validationRules: ValidationRule[];
    parseOptions: { maxTokens: number };
    allowBatchedHttpRequests: false;
    /** On: `introspectionGate` decides, per request. */
    introspection: true;
  };
  plugins: ApolloServerPlugin<any>[];
  /** Wraps the kit's error masker. */
  formatError(base: FormatError): FormatError;
  /** RemoteGraphQLDataSource's `fetcher`: a deadline on every subgraph fetch, a bounded keep-alive pool. */
  fetcher: Fetcher;
  /** For createRequestListener: headers on every response, rate limits and the body limit on /graphql. */
  http: {
    onRequest(req: IncomingMessage, res: ServerResponse): void;
    admit(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
    maxBodyBytes: number;
  };
  rateLimitStore: RateLimitStore['kind'] | null;
  close(): Promise<void>;
}

/**
 * Everything the gateway checks before it plans an operation or calls a subgraph (README, "Hardening"):
 * security headers, rate limits, the body limit, batching off, operation limits, the introspection gate;
 * and what it guarantees after: masked errors, subgraph deadlines.
 */
export async function createHardening(log: Logger, overrides: HardeningOverrides = {}): Promise<Hardening> {
  const env = readHardeningConfig();
  const config: HardeningConfig = {
    production: overrides.production ?? env.production,
    limits: { ...env.limits, ...overrides.limits },
    maxBodyBytes: overrides.maxBodyBytes ?? env.maxBodyBytes,
    subgraphs: { ...env.subgraphs, ...overrides.subgraphs },
    rateLimit: { ...env.rateLimit, ...overrides.rateLimit },
  };
  const { production, rateLimit } = config;
  const limited = rateLimit.perIp > 0 || rateLimit.perClient > 0 || rateLimit.perApiKey > 0;
  const store = limited ? (rateLimit.redisUrl ? await redisStore(rateLimit.redisUrl, log) : memoryStore()) : null;
  const admit = store ? createRateLimiter(rateLimit, store, log) : async () => true;
  const subgraphFetcher = createSubgraphFetcher(config.subgraphs);
  const headers = securityHeaders({ production });
  return {
    config,
    apollo: { ...operationLimits(config.limits), allowBatchedHttpRequests: false, introspection: true },
    plugins: [introspectionGate({ production })],
    formatError: (base) => hardenFormatError(base, { log, production }),
    fetcher: subgraphFetcher.fetcher,
    http: {
      onRequest: (_req, res) => applySecurityHeaders(res, headers),
      admit,
      maxBodyBytes: config.maxBodyBytes,
    },
    rateLimitStore: store?.kind ?? null,
    async close() {
      await Promise.all([subgraphFetcher.close(), store?.close()]);
    },
  };
}
