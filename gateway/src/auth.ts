import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, verifyAccessToken, type KeyRing, type Viewer } from '#kit';

/**
 * The viewer behind a request's `Authorization: Bearer <token>`, verified with the customers subgraph's
 * public key. A missing, forged or expired token makes the caller anonymous rather than failing the
 * request: catalog reads work for everyone, and fields that need a customer (`me`) answer as they
 * would for a shopper who is not signed in.
 */
export async function viewerOf(req: IncomingMessage, keys: KeyRing): Promise<Viewer> {
  const header = req.headers.authorization;
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return ANONYMOUS;
  return (await verifyAccessToken(match[1]!, keys)) ?? ANONYMOUS;
}
