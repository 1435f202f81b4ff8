import { isProduction } from '#kit/config.ts';

/**
 * Every limit the gateway enforces before it plans an operation or calls a subgraph, with its default.
 * Read from the environment once, at start (README, "Configuration" and "Hardening"); tests pass their own.
 */
export interface HardeningConfig {
  /** Production: suggestions hidden, introspection for partners only, HSTS sent, rate limits on by default. */
  production: boolean;
  limits: {
    /** Deepest selection an operation may have (fragments count as written). */
    maxDepth: number;
    /** graphql-armor's cost: objects 2, scalars 1, ×1.5 per level, × `first`/`last` of a list. */
    maxCost: number;
    /** Aliased fields in one operation (`__typename` aside). */
    maxAliases: number;
    /** Directives in one operation. */
    maxDirectives: number;
    /** Lexical tokens in one document; parsing stops past it. */
    maxTokens: number;
  };
  /** Largest POST body /graphql accepts (413 past it). */
  maxBodyBytes: number;
  subgraphs: {
    /** Time a subgraph has to answer one fetch, body included. */
    timeoutMs: number;
    /** Open connections kept per subgraph origin (keep-alive); requests past it wait for one. */
    maxConnections: number;
  };
  rateLimit: {
    /** Length of a fixed window. */
    windowSeconds: number;
    /** Requests per window from one IP address, one `apollographql-client-name`, one `X-API-Key`; 0: no limit. */
    perIp: number;
    perClient: number;
    perApiKey: number;
    /** Counters shared by every gateway replica; without it (or '') each process counts on its own, in memory. */
    redisUrl?: string;
  };
}

export const DEFAULT_LIMITS: HardeningConfig['limits'] = {
  maxDepth: 12,
  maxCost: 100_000,
  maxAliases: 15,
  maxDirectives: 25,
  maxTokens: 2_000,
};

/** Rate limits in production unless configured; elsewhere none unless configured (tests, `npm run bench`). */
export const DEFAULT_RATE_LIMITS = { windowSeconds: 60, perIp: 600, perClient: 6_000, perApiKey: 1_200 } as const;

export function readHardeningConfig(): HardeningConfig {
  const production = isProduction();
  const rateDefault = (value: number) => (production ? value : 0);
  const config: HardeningConfig = {
    production,
    limits: {
      maxDepth: intOf('GRAPHQL_MAX_DEPTH', process.env.GRAPHQL_MAX_DEPTH, DEFAULT_LIMITS.maxDepth, 1),
      maxCost: intOf('GRAPHQL_MAX_COST', process.env.GRAPHQL_MAX_COST, DEFAULT_LIMITS.maxCost, 1),
      maxAliases: intOf('GRAPHQL_MAX_ALIASES', process.env.GRAPHQL_MAX_ALIASES, DEFAULT_LIMITS.maxAliases, 0),
      maxDirectives: intOf('GRAPHQL_MAX_DIRECTIVES', process.env.GRAPHQL_MAX_DIRECTIVES, DEFAULT_LIMITS.maxDirectives, 0),
      maxTokens: intOf('GRAPHQL_MAX_TOKENS', process.env.GRAPHQL_MAX_TOKENS, DEFAULT_LIMITS.maxTokens, 1),
    },
    maxBodyBytes: intOf('GRAPHQL_MAX_BODY_BYTES', process.env.GRAPHQL_MAX_BODY_BYTES, 256 * 1024, 1),
    subgraphs: {
      timeoutMs: intOf('SUBGRAPH_TIMEOUT_MS', process.env.SUBGRAPH_TIMEOUT_MS, 10_000, 1),
      maxConnections: intOf('SUBGRAPH_MAX_CONNECTIONS', process.env.SUBGRAPH_MAX_CONNECTIONS, 64, 1),
    },
    rateLimit: {
      windowSeconds: intOf('RATE_LIMIT_WINDOW_SECONDS', process.env.RATE_LIMIT_WINDOW_SECONDS, DEFAULT_RATE_LIMITS.windowSeconds, 1),
      perIp: intOf('RATE_LIMIT_PER_IP', process.env.RATE_LIMIT_PER_IP, rateDefault(DEFAULT_RATE_LIMITS.perIp), 0),
      perClient: intOf('RATE_LIMIT_PER_CLIENT', process.env.RATE_LIMIT_PER_CLIENT, rateDefault(DEFAULT_RATE_LIMITS.perClient), 0),
      perApiKey: intOf('RATE_LIMIT_PER_API_KEY', process.env.RATE_LIMIT_PER_API_KEY, rateDefault(DEFAULT_RATE_LIMITS.perApiKey), 0),
    },
  };
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) config.rateLimit.redisUrl = redisUrl;
  return config;
}

function intOf(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}"`);
  return value;
}
