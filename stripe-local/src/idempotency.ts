/**
 * Stripe's idempotency for v1 POSTs: the first response to a key is saved and replayed for every later
 * request with that key (same status, same body, so the same object id); the same key with other
 * parameters, or on another endpoint, is an `idempotency_error`. Keys are kept 24 hours, as at Stripe.
 *
 * Stripe saves a result only once the endpoint has started to execute, so a request refused for its
 * parameters saves nothing and a corrected retry with the same key may run. Here that reads: successes
 * and card declines (402) are saved, other refusals are not.
 *
 * Concurrent requests with one key need no lock here: an operation runs synchronously between reading
 * the body and saving its response (see account.ts), so the second request always finds the first saved.
 */
import { idempotencyError, invalidRequest } from './errors.ts';
import type { Params } from './form.ts';

const RETENTION_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

export interface SavedResponse {
  status: number;
  body: string;
  requestId: string;
}

interface Entry extends SavedResponse {
  endpoint: string;
  fingerprint: string;
  savedAt: number;
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  /** The saved response to replay; undefined when the request should run. Throws on misuse of a key. */
  replay(key: string, endpoint: string, params: Params): SavedResponse | undefined {
    if (key.length > MAX_KEY_LENGTH) throw invalidRequest(`Idempotency keys can be at most ${MAX_KEY_LENGTH} characters long.`);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.endpoint !== endpoint) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (entry.fingerprint !== fingerprint(params)) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    return entry;
  }

  save(key: string, endpoint: string, params: Params, response: SavedResponse): void {
    if (response.status >= 400 && response.status !== 402) return;
    const now = Date.now();
    // Insertion order is age order: drop expired keys from the front.
    for (const [old, entry] of this.entries) {
      if (now - entry.savedAt < RETENTION_MS) break;
      this.entries.delete(old);
    }
    this.entries.set(key, { ...response, endpoint, fingerprint: fingerprint(params), savedAt: now });
  }
}

/** Parameters compared by value, whatever order their fields arrived in. */
function fingerprint(params: Params): string {
  return JSON.stringify(params, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value,
  );
}
