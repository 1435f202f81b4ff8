import { Agent } from 'undici';

/**
 * What the gateway's subgraph fetches and the subgraphs' calls to each other share: one undici Agent of
 * keep-alive connections, called with `request()` (one socket write per call, no WHATWG streams), and the
 * origin and path of each URL parsed once.
 */

/** Keep-alive connections, at most `connections` per origin when given. */
export function keepAliveAgent(options: { connections?: number } = {}): Agent {
  return new Agent({
    ...options,
    // Below Node's server default (5 s), so a caller never reuses a socket the callee is closing.
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 4_000,
  });
}

/** A service URL's origin and path, parsed once: a process calls only a few. */
const targets = new Map<string, { origin: string; path: string }>();
export function targetOf(url: string): { origin: string; path: string } {
  let target = targets.get(url);
  if (!target) {
    const parsed = new URL(url);
    target = { origin: parsed.origin, path: parsed.pathname + parsed.search };
    targets.set(url, target);
  }
  return target;
}
