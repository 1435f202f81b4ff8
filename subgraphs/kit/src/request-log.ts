import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from 'pino';

/** One log line per operation, carrying the request id that the gateway passes to every subgraph. */
export function requestLogPlugin<T extends BaseContext & { log: Logger }>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, contextValue: ctx, response }) {
          const log = ctx?.log ?? contextValue?.log;
          log?.info(
            {
              operation: operationName ?? undefined,
              status: response.http.status ?? 200,
              errors: errors?.length ?? 0,
              ms: Math.round(performance.now() - started),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
