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

/** The viewer of a valid token; null for a forged, expired or malformed one (the caller is then anonymous). */
export async function verifyAccessToken(token: string, keys: KeyRing): Promise<Viewer | null> {
  const key = keys.publicKey(TOKEN_ISSUER);
  if (!key) return null;
  try {
    const { payload } = await jwtVerify(token, key, { issuer: TOKEN_ISSUER, audience: AUDIENCE, algorithms: ['EdDSA'] });
    const role = payload.role;
    if (typeof payload.sub !== 'string' || (role !== 'customer' && role !== 'staff')) return null;
    return { role, customerId: payload.sub };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}
