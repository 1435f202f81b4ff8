import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Viewer } from './identity.ts';

/**
 * Customer access tokens: short-lived HS256 JWTs signed with JWT_SECRET. The customers subgraph issues
 * them; the gateway verifies them. Both sides share these claim rules, so they live here.
 */
const ISSUER = 'supergraph-commerce';
const AUDIENCE = 'supergraph-commerce:storefront';
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function issueAccessToken(
  viewer: { customerId: string; role: 'customer' | 'staff' },
  secret: string,
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
): Promise<{ accessToken: string; expiresAt: Date }> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = new Date((issuedAt + ttlSeconds) * 1000);
  const accessToken = await new SignJWT({ role: viewer.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(viewer.customerId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(key(secret));
  return { accessToken, expiresAt };
}

/** The viewer of a valid token; null for a forged, expired or malformed one (the caller is then anonymous). */
export async function verifyAccessToken(token: string, secret: string): Promise<Viewer | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    const role = payload.role;
    if (typeof payload.sub !== 'string' || (role !== 'customer' && role !== 'staff')) return null;
    return { role, customerId: payload.sub };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}
