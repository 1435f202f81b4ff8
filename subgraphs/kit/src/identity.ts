import { SignJWT, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import type { KeyRing } from './keys.ts';

/**
 * Who is asking. People come through the gateway (anonymous, customer, staff); a subgraph calling
 * another is a `service`, named by the key that signed the call. `partner` (a verified `X-API-Key`)
 * exists at the gateway only: subgraphs never see it, the signer forwards a partner as `anonymous`.
 */
export type Role = 'anonymous' | 'customer' | 'staff' | 'service' | 'partner';

export interface Viewer {
  role: Role;
  /** The customer account id (a uuid) for customers and staff; null otherwise. */
  customerId: string | null;
  /** The calling subgraph, for `service` viewers only. */
  service?: string | null;
  /** The person's IP address as the gateway saw it (risk checks, rate limits); absent for services. */
  clientIp?: string | null;
  /** The partner API key's global id, for `partner` viewers only (at the gateway; never forwarded). */
  partnerId?: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ role: 'anonymous', customerId: null });

/** A subgraph acting on its own behalf (event subscribers, workers, seeds). */
export function serviceViewer(service: string): Viewer {
  return { role: 'service', customerId: null, service };
}

/** The header carrying a signed identity to a subgraph. */
export const IDENTITY_HEADER = 'x-commerce-identity';
/** The principal whose signature vouches for people; any other signer is a service. */
export const GATEWAY = 'gateway';

/** Identities are minted per call and addressed to one subgraph, so a short life is all they need. */
const IDENTITY_TTL_SECONDS = 60;
/** A signed identity is reused for this long, so a busy gateway signs a few per second, not one per fetch. */
const REUSE_SECONDS = 20;
const ALGORITHM = 'EdDSA';

/**
 * Signs identities as `keys.self`, each addressed to one subgraph. The gateway signs the person it
 * verified; a subgraph signs only itself (a service viewer), whatever it is asked to sign.
 */
export function createIdentitySigner(keys: KeyRing) {
  const cache = new Map<string, { token: string; reuseUntil: number }>();
  return async (viewer: Viewer, audience: string): Promise<string> => {
    const claims =
      keys.self === GATEWAY
        ? { ...forwardedPerson(viewer), ip: viewer.clientIp ?? undefined }
        : { role: 'service' as const, sub: undefined, ip: undefined };
    const cacheKey = `${audience}|${claims.role}|${claims.sub ?? ''}|${claims.ip ?? ''}`;
    const now = Math.floor(Date.now() / 1000);
    const cached = cache.get(cacheKey);
    if (cached && cached.reuseUntil > now) return cached.token;
    let jwt = new SignJWT(claims.ip ? { role: claims.role, ip: claims.ip } : { role: claims.role })
      .setProtectedHeader({ alg: ALGORITHM, kid: keys.self })
      .setIssuer(keys.self)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + IDENTITY_TTL_SECONDS);
    if (claims.sub) jwt = jwt.setSubject(claims.sub);
    const token = await jwt.sign(keys.privateKey);
    if (cache.size > 10_000) cache.clear();
    cache.set(cacheKey, { token, reuseUntil: now + REUSE_SECONDS });
    return token;
  };
}

/**
 * Whom the gateway vouches for to subgraphs: customers and staff as they are; a partner (a verified API
 * key) as `anonymous`, with no subject, since partners read public data only and subgraphs know no
 * partner role; a `service` viewer (never a person) as `anonymous` too.
 */
function forwardedPerson(viewer: Viewer): { role: 'anonymous' | 'customer' | 'staff'; sub: string | undefined } {
  if (viewer.role === 'customer' || viewer.role === 'staff') return { role: viewer.role, sub: viewer.customerId ?? undefined };
  return { role: 'anonymous', sub: undefined };
}

/**
 * Verifies identities addressed to `keys.self`: the viewer they vouch for, or null when the header is
 * missing, malformed, forged, expired, addressed elsewhere, or signed by a key this process does not
 * hold. Only the gateway's key can vouch for a person; any other known key makes a service viewer.
 */
export function createIdentityVerifier(keys: KeyRing) {
  const cache = new Map<string, { viewer: Viewer; expires: number }>();
  return async (header: string | undefined): Promise<Viewer | null> => {
    if (!header || header.length > 4096) return null;
    const now = Math.floor(Date.now() / 1000);
    const cached = cache.get(header);
    if (cached && cached.expires > now) return cached.viewer;
    let issuer: string;
    try {
      const kid = decodeProtectedHeader(header).kid;
      if (typeof kid !== 'string') return null;
      issuer = kid;
    } catch {
      return null;
    }
    const key = keys.publicKey(issuer);
    if (!key) return null;
    try {
      const { payload } = await jwtVerify(header, key, { algorithms: [ALGORITHM], issuer, audience: keys.self });
      const viewer = viewerOf(issuer, payload.role, payload.sub, payload.ip);
      if (viewer && typeof payload.exp === 'number') {
        if (cache.size > 10_000) cache.clear();
        cache.set(header, { viewer, expires: payload.exp });
      }
      return viewer;
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return null;
      throw error;
    }
  };
}

function viewerOf(issuer: string, role: unknown, sub: unknown, ip: unknown): Viewer | null {
  if (issuer !== GATEWAY) return role === 'service' ? serviceViewer(issuer) : null;
  const clientIp = typeof ip === 'string' && ip.length <= 64 ? { clientIp: ip } : {};
  if (role === 'anonymous') return clientIp.clientIp ? { ...ANONYMOUS, ...clientIp } : ANONYMOUS;
  if ((role === 'customer' || role === 'staff') && typeof sub === 'string') return { role, customerId: sub, ...clientIp };
  return null;
}
