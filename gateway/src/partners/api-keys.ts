import { createHash, randomUUID } from 'node:crypto';
import { ANONYMOUS, IDENTITY_HEADER, type Viewer } from '#kit/identity.ts';
import type { Logger } from '#kit/logger.ts';

/** The header partners send their key in. */
export const API_KEY_HEADER = 'x-api-key';

/** How long the gateway trusts an answer about a key, by default: a revoked key works at most this long. */
export const DEFAULT_PARTNER_KEY_CACHE_SECONDS = 30;
const MAX_CACHE_SECONDS = 3600;
const MAX_CACHED_KEYS = 10_000;
const DEFAULT_TIMEOUT_MS = 3_000;

/**
 * What customers issues (`sgc_` and base64url); anything else is refused without asking it. Deliberately
 * looser than customers' exact format (`sgc_` + 43), which customers checks again.
 */
const PLAUSIBLE_SECRET = /^sgc_[A-Za-z0-9_-]{16,200}$/;

const PARTNER_BY_API_KEY = `query PartnerByApiKey($secret: String!) { partnerByApiKey(secret: $secret) { id name } }`;

/** A partner viewer: `role: 'partner'` at the gateway, forwarded to subgraphs as anonymous (identity.ts). */
export type PartnerViewer = Viewer & { role: 'partner'; partnerId: string };

export type PartnerKeyCheck =
  | { kind: 'partner'; viewer: PartnerViewer; name: string }
  | { kind: 'invalid' }
  /** customers did not answer (or not sensibly): the key may be fine, so the caller is told to retry. */
  | { kind: 'unavailable' };

export interface PartnerKeysOptions {
  /** customers' GraphQL URL (an override or the supergraph's), read at each lookup. */
  customersUrl: () => string | undefined;
  /** The gateway's identity signer (identity.ts): lookups are signed as the gateway itself, anonymous. */
  sign: (viewer: Viewer, audience: string) => Promise<string>;
  log: Logger;
  /** Seconds an answer (valid or not) is reused; 0 asks customers every time. */
  cacheSeconds?: number;
  timeoutMs?: number;
}

export interface PartnerKeys {
  check(secret: string): Promise<PartnerKeyCheck>;
}

/** `PARTNER_KEY_CACHE_SECONDS`: a whole number of seconds, 0 to 3600 (30 when unset). Throws otherwise: the gateway must not start misconfigured. */
export function readPartnerKeyCacheSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PARTNER_KEY_CACHE_SECONDS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_PARTNER_KEY_CACHE_SECONDS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > MAX_CACHE_SECONDS) {
    throw new Error(`PARTNER_KEY_CACHE_SECONDS must be a whole number of seconds from 0 to ${MAX_CACHE_SECONDS}, not "${raw}".`);
  }
  return value;
}

/** A key's fingerprint for logs and cache keys: the secret itself is kept nowhere. */
export const fingerprintOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/**
 * Verifies partner API keys by asking the customers subgraph (which owns them) its @inaccessible
 * `partnerByApiKey`, over HTTP, signed with the gateway's key as an anonymous viewer: the one viewer
 * customers allows that query, and one no client can present for it (the gateway never plans an
 * @inaccessible field). Answers, valid and invalid, are cached for `cacheSeconds` by the secret's SHA-256,
 * so a revoked key keeps working at most that long; concurrent checks of one key share one lookup. A
 * lookup that fails is not cached.
 */
export function createPartnerKeys(options: PartnerKeysOptions): PartnerKeys {
  const cacheMs = (options.cacheSeconds ?? DEFAULT_PARTNER_KEY_CACHE_SECONDS) * 1000;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cache = new Map<string, { answer: PartnerKeyCheck; expires: number }>();
  const inFlight = new Map<string, Promise<PartnerKeyCheck>>();

  async function lookUp(secret: string, fingerprint: string): Promise<PartnerKeyCheck> {
    const url = options.customersUrl();
    if (!url) {
      options.log.error('partner API key not checked: no URL for customers (set CUSTOMERS_URL)');
      return { kind: 'unavailable' };
    }
    let body: { data?: { partnerByApiKey?: { id?: unknown; name?: unknown } | null } | null; errors?: unknown[] };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: await options.sign(ANONYMOUS, 'customers'),
          'x-request-id': randomUUID(),
        },
        body: JSON.stringify({ query: PARTNER_BY_API_KEY, variables: { secret } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = (await response.json()) as typeof body;
      if (!response.ok || body.errors?.length || !body.data || !('partnerByApiKey' in body.data)) {
        options.log.error({ status: response.status, errors: body.errors }, 'partner API key not checked: customers refused the lookup');
        return { kind: 'unavailable' };
      }
    } catch (error) {
      options.log.error({ err: error }, 'partner API key not checked: customers unreachable');
      return { kind: 'unavailable' };
    }
    const partner = body.data.partnerByApiKey;
    if (!partner) {
      options.log.info({ key: fingerprint.slice(0, 12) }, 'partner API key refused: unknown or revoked');
      return { kind: 'invalid' };
    }
    if (typeof partner.id !== 'string' || typeof partner.name !== 'string') return { kind: 'unavailable' };
    return { kind: 'partner', name: partner.name, viewer: { role: 'partner', customerId: null, partnerId: partner.id } };
  }

  return {
    async check(secret) {
      if (!PLAUSIBLE_SECRET.test(secret)) return { kind: 'invalid' };
      const fingerprint = fingerprintOf(secret);
      const now = Date.now();
      const cached = cache.get(fingerprint);
      if (cached && cached.expires > now) return cached.answer;
      if (cached) cache.delete(fingerprint);
      let pending = inFlight.get(fingerprint);
      if (!pending) {
        pending = lookUp(secret, fingerprint).finally(() => inFlight.delete(fingerprint));
        inFlight.set(fingerprint, pending);
        void pending.then((answer) => {
          if (cacheMs <= 0 || answer.kind === 'unavailable') return;
          // Bounded: the oldest answer makes room (a flood of made-up keys costs lookups, never memory).
          if (cache.size >= MAX_CACHED_KEYS) cache.delete(cache.keys().next().value!);
          cache.set(fingerprint, { answer, expires: Date.now() + cacheMs });
        });
      }
      return pending;
    },
  };
}
