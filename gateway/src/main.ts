// First: what the gateway's dependencies require and it never runs stays unloaded (lean/modules.ts).
import './lean/register.ts';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { createLogger } from '#kit/logger.ts';
import { isProduction, portFor } from '#kit/config.ts';
import { loadKeyRing } from '#kit/keys.ts';
import { stopOnSignals } from '#kit/lifecycle.ts';
import { idleSecondsFromEnv, returnMemoryWhenIdle } from '#kit/idle-memory.ts';
import { TOKEN_ISSUER } from '#kit/tokens.ts';
import { createGatewayServer } from './server.ts';
import { supergraphFromFile } from './supergraph-file.ts';
import { loadManifests } from './safelist/index.ts';
import { readResponseCacheConfig } from './cache/index.ts';
import { readAppsConfig } from './apps/config.ts';

// No allocation-site pretenuring (V8 refuses the flag in NODE_OPTIONS). Per-request objects outlive a
// scavenge or two while their request waits on subgraphs, so V8 took their sites for long-lived ones and
// allocated them in the old generation, where only a full collection frees them. Without it (three runs
// against two, `--only listing`): the cached listing 7,600-8,600 -> 12,100-13,300 req/s and 0.13-0.14 -> 0.08 ms of CPU,
// full collections per 1,000 varying pages 7.1-7.3 -> 4.0-5.6, the gateway 15 MB smaller after them.
setFlagsFromString('--no-allocation-site-pretenuring');

const log = createLogger('gateway');
try {
  const path = process.env.SUPERGRAPH_PATH ?? fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));
  // Each client's persisted operations (`npm run codegen` writes them); in production, the only ones that run.
  const persistedDir = process.env.PERSISTED_OPERATIONS_DIR || fileURLToPath(new URL('../../schema/persisted', import.meta.url));
  const manifests = loadManifests(persistedDir);
  if (isProduction() && manifests.size === 0) throw new Error(`No persisted operations in ${persistedDir} (PERSISTED_OPERATIONS_DIR): production runs only those; \`npm run codegen\` writes them.`);
  log.info({ dir: persistedDir, clients: Object.fromEntries([...manifests].map(([client, operations]) => [client, operations.size])), enforced: isProduction() }, 'persisted operations loaded');
  const server = await createGatewayServer({
    supergraph: supergraphFromFile(path, { watchForChanges: !isProduction(), log }),
    // Its own private key, and the customers subgraph's public key for access tokens.
    keys: loadKeyRing('gateway', { required: [TOKEN_ISSUER] }),
    log,
    // PRODUCTS_URL=http://products:4001/graphql and the like point one committed supergraph at containers.
    subgraphUrl: (name) => process.env[`${name.toUpperCase()}_URL`],
    safelist: { manifests, enforce: isProduction() },
    // RESPONSE_CACHE, REDIS_URL, RESPONSE_CACHE_MEMORY_MB; EVENTS_DATABASE_URL or DATABASE_URL, EVENTS_ROLE.
    responseCache: readResponseCacheConfig(process.env),
    // The storefront at / and POS at /pos/ (`npm run build`); APPS_DIR, STRIPE_PUBLISHABLE_KEY, PAYMENTS_LOCAL_URL.
    apps: readAppsConfig(process.env),
    ...(process.env.METRICS_INTERVAL_SECONDS ? { metricsIntervalMs: Number(process.env.METRICS_INTERVAL_SECONDS) * 1000 } : {}),
  });
  const url = await server.listen(portFor('gateway', 4000), process.env.HOST ?? '127.0.0.1');
  log.info({ url }, 'gateway ready');
  returnMemoryWhenIdle({ idleSeconds: idleSecondsFromEnv(), log });
  stopOnSignals(log, () => server.close());
} catch (error) {
  log.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
}
