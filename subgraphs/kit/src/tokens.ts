import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Viewer } from './identity.ts';
import type { KeyRing } from './keys.ts';

/**
 * Customer access tokens: short-lived EdDSA JWTs that only the customers subgraph can sign (its private
 * key) and the gateway verifies (customers' public key). Both sides share these claim rules.
 */
export const TOKEN_ISSUER = 'customers';
const AUDIENCE = 'supergraph-commerce:storefront';
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;

export async function issueAccessToken(
  viewer: { customerId: string; role: 'customer' | 'staff' },
  keys: KeyRing,
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
): Promise<{ accessToken: string; expiresAt: Date }> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = new Date((issuedAt + ttlSeconds) * 1000);
  const accessToken = await new SignJWT({ role: viewer.role })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: keys.self })
    .setSubject(viewer.customerId)
    .setIssuer(keys.self)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(keys.privateKey);
  return { accessToken, expiresAt };
}

/**
 * Tokens already verified, per key ring, until they expire: a signed-in shopper sends the same token with
 * every request for an hour, and an Ed25519 verification (a WebCrypto job on libuv's thread pool) was the
 * largest cost of ours in the gateway's CPU profile. Only valid tokens are kept (a forged one costs a
 * verification each time, as before), at most MAX_CACHED_TOKENS, all dropped when full.
 */
const verified = new WeakMap<KeyRing, Map<string, { viewer: Viewer; exp: number }>>();
const MAX_CACHED_TOKENS = 10_000;

/** The viewer of a valid token; null for a forged, expired or malformed one (the caller is then anonymous). */
export async function verifyAccessToken(token: string, keys: KeyRing): Promise<Viewer | null> {
  let cache = verified.get(keys);
  // jose's own expiry rule (valid while `exp` is after the current second), so a cached token expires when a verified one would.
  const cached = cache?.get(token);
  if (cached && cached.exp > Math.floor(Date.now() / 1000)) return cached.viewer;
  const key = keys.publicKey(TOKEN_ISSUER);
  if (!key) return null;
  try {
    const { payload } = await jwtVerify(token, key, { issuer: TOKEN_ISSUER, audience: AUDIENCE, algorithms: ['EdDSA'] });
    const role = payload.role;
    if (typeof payload.sub !== 'string' || (role !== 'customer' && role !== 'staff')) return null;
    // Frozen: every request with this token shares the one object.
    const viewer: Viewer = Object.freeze({ role, customerId: payload.sub });
    if (typeof payload.exp === 'number') {
      if (!cache) verified.set(keys, (cache = new Map()));
      if (cache.size >= MAX_CACHED_TOKENS) cache.clear();
      cache.set(token, { viewer, exp: payload.exp });
    }
    return viewer;
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}
