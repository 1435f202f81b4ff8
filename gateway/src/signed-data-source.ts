import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ANONYMOUS, IDENTITY_HEADER, type Logger, type Viewer } from '#kit';

export interface GatewayContext {
  viewer: Viewer;
  requestId: string;
  log: Logger;
}

/**
 * Sends subgraph requests with the caller's identity signed by the gateway's private key and addressed
 * to that one subgraph (subgraphs refuse anything else, and another subgraph refuses it too), plus the
 * request id, so one operation can be followed through every service's logs.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  subgraph = '';
  sign: (viewer: Viewer, audience: string) => Promise<string> = () => Promise.reject(new Error('no signer'));

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const context = options.context as Partial<GatewayContext>;
    const headers = options.request.http?.headers;
    if (!headers) return;
    headers.set(IDENTITY_HEADER, await this.sign(context.viewer ?? ANONYMOUS, this.subgraph));
    if (context.requestId) headers.set('x-request-id', context.requestId);
  }
}
