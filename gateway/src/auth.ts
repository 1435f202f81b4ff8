import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { ANONYMOUS, type Viewer } from '#kit/identity.ts';
import { verifyAccessToken } from '#kit/tokens.ts';
import type { KeyRing } from '#kit/keys.ts';
import { partnerViewerOf } from './partners/index.ts';

/**
 * The viewer behind a request's `Authorization: Bearer <token>`, verified with the customers subgraph's
 * public key. A missing, forged or expired token makes the caller anonymous rather than failing the
 * request: catalog reads work for everyone, and fields that need a customer (`me`) answer as they
 * would for a shopper who is not signed in.
 *
 * A request whose `X-API-Key` was verified (partners/guard.ts) is that partner (`role: 'partner'`), whatever
 * its Authorization says: a key never acts as a customer.
 */
export async function viewerOf(req: IncomingMessage, keys: KeyRing): Promise<Viewer> {
  const clientIp = clientIpOf(req);
  const partner = partnerViewerOf(req);
  if (partner) return clientIp ? { ...partner, clientIp } : partner;
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  const viewer = match ? ((await verifyAccessToken(match[1]!, keys)) ?? ANONYMOUS) : ANONYMOUS;
  return clientIp ? { ...viewer, clientIp } : viewer;
}

/**
 * The caller's address: the socket's, or with TRUST_PROXY=1 (behind a load balancer that sets it) the
 * first address of X-Forwarded-For. Subgraphs receive it inside the signed identity, for risk checks.
 */
export function clientIpOf(req: IncomingMessage): string | null {
  if (process.env.TRUST_PROXY === '1') {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first && isIP(first)) return first;
  }
  const address = req.socket.remoteAddress ?? null;
  return address?.startsWith('::ffff:') ? address.slice(7) : address;
}
