import { describe, expect, it } from 'vitest';
import { createLogger, createErrorMasker } from '#kit';
import { freePort } from '#kit/testing/index.ts';
import { hardenFormatError } from '../src/hardening/errors.ts';
import { createSubgraphFetcher, isSubgraphUnavailable, SERVICE_UNAVAILABLE } from '../src/hardening/subgraph-fetch.ts';

/**
 * A subgraph that cannot be reached (down, restarting): its fields are answered as SERVICE_UNAVAILABLE,
 * without its address. tests/resilience/subgraph-kill.test.ts kills one under load through the real gateway.
 */
describe('an unreachable subgraph', () => {
  it('fails its fetch as unavailable, and is shown to clients as SERVICE_UNAVAILABLE without the URL', async () => {
    const { fetcher, close } = createSubgraphFetcher({ timeoutMs: 5_000, maxConnections: 2 });
    const url = `http://127.0.0.1:${await freePort()}/graphql`;
    try {
      const failure = await fetcher(url, { method: 'POST', body: '{}' }).then(() => null, (error: unknown) => error);
      expect(isSubgraphUnavailable(failure)).toBe(true);
      const log = createLogger('gateway', { level: 'silent' });
      const format = hardenFormatError(createErrorMasker(log), { log, production: true });
      const shown = format({ message: String((failure as Error).message), path: ['products'] }, { originalError: failure });
      expect(shown).toEqual({ message: 'A service is unavailable right now; try again.', path: ['products'], extensions: { code: SERVICE_UNAVAILABLE } });
      expect(JSON.stringify(shown)).not.toContain('127.0.0.1');
    } finally {
      await close();
    }
  });
});
