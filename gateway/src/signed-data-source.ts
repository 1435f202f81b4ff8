import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signIdentity, type Logger, type Viewer } from '#kit';

export interface GatewayContext {
  viewer: Viewer;
  requestId: string;
  log: Logger;
}

/**
 * Sends subgraph requests with the caller's identity signed by the gateway (subgraphs refuse anything
 * else) and the request id, so one operation can be followed through every service's logs.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  subgraphSecret = '';

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const context = options.context as Partial<GatewayContext>;
    const headers = options.request.http?.headers;
    if (!headers) return;
    headers.set(IDENTITY_HEADER, signIdentity(context.viewer ?? { role: 'anonymous', customerId: null }, this.subgraphSecret));
    if (context.requestId) headers.set('x-request-id', context.requestId);
  }
}
