import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '#kit/http.ts';
import type { Logger } from '#kit/logger.ts';
import { API_KEY_HEADER, type PartnerKeys, type PartnerViewer } from './api-keys.ts';

/** The stable codes of a refused key. */
export const PartnerKeyCode = {
  /** The `X-API-Key` is unknown, revoked or malformed (401). */
  INVALID: 'INVALID_API_KEY',
  /** customers could not say whether the key is valid (503); trying again may work. */
  UNVERIFIED: 'API_KEY_UNVERIFIED',
} as const;

const verified = new WeakMap<IncomingMessage, PartnerViewer>();

/** The partner a request's `X-API-Key` was verified as, if the guard verified one (auth.ts reads it). */
export function partnerViewerOf(req: IncomingMessage): PartnerViewer | undefined {
  return verified.get(req);
}

/** The `X-API-Key` sent, or undefined when none (an empty header counts as none). */
export function apiKeyOf(req: IncomingMessage): string | undefined {
  const value = req.headers[API_KEY_HEADER];
  const key = (Array.isArray(value) ? value.join(', ') : value)?.trim();
  return key ? key : undefined;
}

/**
 * For the gateway's request listener (its `admit` step, after the rate limits, before the body is read; it
 * runs for /graphql only): a request carrying `X-API-Key` goes on only with a valid key, its partner viewer
 * remembered for the context (auth.ts). Any other key is answered here, before Apollo parses anything, with
 * 401 and a GraphQL error `INVALID_API_KEY`: never served as an anonymous caller. When customers cannot say
 * (unreachable), 503 `API_KEY_UNVERIFIED`. Requests without the header go on untouched.
 */
export function partnerKeyAdmission(keys: PartnerKeys, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const secret = apiKeyOf(req);
    if (secret === undefined) return true;
    let check;
    try {
      check = await keys.check(secret);
    } catch (error) {
      log.error({ err: error }, 'partner API key check failed');
      check = { kind: 'unavailable' as const };
    }
    if (check.kind === 'partner') {
      verified.set(req, check.viewer);
      return true;
    }
    // The body is unread: drain it so the connection stays usable.
    req.resume();
    res.setHeader('cache-control', 'no-store');
    if (check.kind === 'invalid') {
      sendJson(res, 401, { errors: [{ message: 'The API key is not valid: unknown, revoked or malformed.', extensions: { code: PartnerKeyCode.INVALID } }] });
    } else {
      res.setHeader('retry-after', '5');
      sendJson(res, 503, { errors: [{ message: 'The API key could not be checked right now; try again shortly.', extensions: { code: PartnerKeyCode.UNVERIFIED } }] });
    }
    return false;
  };
}
