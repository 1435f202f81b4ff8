import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { Logger } from 'pino';

/** What each `graphql request` line says, before any `fields` of the caller's. */
export interface RequestLogLine {
  operation?: string;
  status: number;
  errors: number;
  ms: number;
  [field: string]: unknown;
}

export interface RequestLogOptions<T extends BaseContext> {
  /** More fields for each line, overriding the defaults (the gateway adds the calling client and the persisted id). */
  fields?: (requestContext: GraphQLRequestContextWillSendResponse<T>) => Record<string, unknown>;
  /** Sees each line as logged (the gateway's per-client summaries count them). */
  onLine?: (line: RequestLogLine) => void;
}

/** One log line per operation, carrying the request id that the gateway passes to every subgraph. */
export function requestLogPlugin<T extends BaseContext & { log: Logger }>(options: RequestLogOptions<T> = {}): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse(requestContext) {
          const { operationName, errors, contextValue: ctx, response } = requestContext;
          const log = ctx?.log ?? contextValue?.log;
          const line: RequestLogLine = {
            operation: operationName ?? undefined,
            status: response.http.status ?? 200,
            errors: errors?.length ?? 0,
            ms: Math.round(performance.now() - started),
            ...options.fields?.(requestContext),
          };
          log?.info(line, 'graphql request');
          options.onLine?.(line);
        },
      };
    },
  };
}
