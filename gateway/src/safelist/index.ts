import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { requestLogPlugin } from '#kit/request-log.ts';
import type { Logger } from '#kit/logger.ts';
import { ClientMetrics, type ClientMetricsOptions } from './metrics.ts';
import { createSafelist, type Safelist, type SafelistOptions } from './plugin.ts';

export { loadManifests, manifestOf, parseManifest, sha256Hex, type PersistedManifests, type PersistedOperation } from './manifest.ts';
export { ClientMetrics, percentile, type ClientMetricsOptions, type ClientSummary } from './metrics.ts';
export { CLIENT_NAME_HEADER, createSafelist, SAFELIST_CODES, SafelistCode, type Safelist, type SafelistOptions, type SafelistOutcome } from './plugin.ts';

/**
 * The gateway's safelist with its request log and per-client summaries: each `graphql request` line names
 * the client, the persisted id and any refusal, and feeds the periodic `graphql clients` lines.
 */
export function safelistPlugins<T extends BaseContext & { log: Logger }>(
  options: SafelistOptions<T>,
  log: Logger,
  metricsOptions: ClientMetricsOptions = {},
): ApolloServerPlugin<T>[] & Pick<Safelist<T>, 'outcomeOf'> {
  const safelist = createSafelist(options);
  const metrics = new ClientMetrics(log, metricsOptions);
  // The outcome (client, persisted id) is also what the response cache keys on (cache/index.ts).
  return Object.assign([
    safelist.plugin,
    requestLogPlugin<T>({
      fields: ({ request, response }) => {
        const { client, operationId, operationName, refused } = safelist.outcomeOf(request) ?? { client: 'none' };
        // The response cache's verdict (cache/index.ts), when it runs: HIT, MISS or BYPASS.
        const cache = response.http.headers.get('x-cache');
        return { client, ...(operationId ? { operationId } : {}), ...(refused ? { refused, operation: operationName } : {}), ...(cache ? { cache } : {}) };
      },
      onLine: (line) => metrics.record(String(line.client), line.ms, line.errors > 0 || line.status >= 400),
    }),
    metrics.plugin<T>(),
  ], { outcomeOf: safelist.outcomeOf });
}
