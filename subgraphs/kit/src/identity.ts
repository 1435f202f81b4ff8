import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who is asking, as verified by the gateway. */
export type Role = 'anonymous' | 'customer' | 'staff';

export interface Viewer {
  role: Role;
  /** The customer account id (a uuid) for customers and staff; null for anonymous shoppers. */
  customerId: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ role: 'anonymous', customerId: null });

/** The header carrying the gateway-signed identity to subgraphs. */
export const IDENTITY_HEADER = 'x-commerce-identity';

/** Signed identities expire quickly: they are minted per subgraph request, so a leaked one is worth little. */
const IDENTITY_TTL_SECONDS = 60;

interface IdentityClaims {
  v: 1;
  role: Role;
  sub: string | null;
  exp: number;
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** `<base64url claims>.<base64url HMAC-SHA256>`, signed with SUBGRAPH_SECRET, which only the gateway holds. */
export function signIdentity(viewer: Viewer, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const claims: IdentityClaims = { v: 1, role: viewer.role, sub: viewer.customerId, exp: nowSeconds + IDENTITY_TTL_SECONDS };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The viewer a header vouches for, or null when it is missing, malformed, forged or expired. */
export function verifyIdentity(
  header: string | undefined,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Viewer | null {
  if (!header) return null;
  const [payload, signature, ...rest] = header.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let claims: Partial<IdentityClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (claims.v !== 1 || typeof claims.exp !== 'number' || claims.exp < nowSeconds) return null;
  if (claims.role === 'anonymous') return ANONYMOUS;
  if ((claims.role === 'customer' || claims.role === 'staff') && typeof claims.sub === 'string') {
    return { role: claims.role, customerId: claims.sub };
  }
  return null;
}
