import { fileURLToPath } from 'node:url';
import { createLogger, isProduction, loadKeyRing, portFor, stopOnSignals, TOKEN_ISSUER } from '#kit';
import { createGatewayServer } from './server.ts';
import { supergraphFromFile } from './supergraph-file.ts';

const log = createLogger('gateway');
try {
  const path = process.env.SUPERGRAPH_PATH ?? fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));
  const server = await createGatewayServer({
    supergraph: supergraphFromFile(path, { watchForChanges: !isProduction(), log }),
    // Its own private key, and the customers subgraph's public key for access tokens.
    keys: loadKeyRing('gateway', { required: [TOKEN_ISSUER] }),
    log,
    // PRODUCTS_URL=http://products:4001/graphql and the like point one committed supergraph at containers.
    subgraphUrl: (name) => process.env[`${name.toUpperCase()}_URL`],
  });
  const url = await server.listen(portFor('gateway', 4000), process.env.HOST ?? '127.0.0.1');
  log.info({ url }, 'gateway ready');
  stopOnSignals(log, () => server.close());
} catch (error) {
  log.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
}
