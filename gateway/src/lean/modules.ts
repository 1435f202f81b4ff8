import { createRequire, registerHooks } from 'node:module';

/**
 * Modules the gateway's dependencies require at load and the gateway never runs, resolved to an inert stand-in
 * (absent.cjs) instead. Each is named with the one file that requires it, so nothing else is touched.
 *
 * Why. @apollo/gateway 2.14 loads, at start, OpenTelemetry's metrics SDK, resource detectors for four clouds
 * (with Google's HTTP client) and the semantic conventions' 1.8 MB incubating table: all for the usage metrics
 * it sends Apollo, which the gateway turns off (APOLLO_TELEMETRY_DISABLED, server.ts). Its data source builds a
 * make-fetch-happen fetcher (with a disk cache, proxies, sockets) that the gateway replaces with its own
 * (hardening/subgraph-fetch.ts); the query graphs load a Graphviz writer for debugging. Every process keeps the
 * source text of each module it loads, and its compiled code: importing @apollo/gateway alone took 72 MB of RSS
 * with them and 46 MB without (24.5 → 12.1 MB of heap, 1,056 → 662 modules).
 *
 * Telemetry opted in (APOLLO_TELEMETRY_DISABLED set to anything but `true` or `1`) keeps OpenTelemetry's
 * modules. Another @apollo/gateway version gets nothing replaced until this list is checked against it.
 */
export const GATEWAY_VERSION = '2.14.4';

const TELEMETRY_FILE = '@apollo/gateway/dist/utilities/opentelemetry.js';
const TELEMETRY = [
  '@opentelemetry/semantic-conventions/incubating',
  '@opentelemetry/sdk-metrics',
  '@opentelemetry/resource-detector-alibaba-cloud',
  '@opentelemetry/resource-detector-aws',
  '@opentelemetry/resource-detector-gcp',
  '@opentelemetry/resource-detector-azure',
  '@opentelemetry/resources',
  '@opentelemetry/exporter-metrics-otlp-http',
  'node-cpu-count',
];

/** What each file of the dependencies gets instead of a module it requires: `file → specifiers`. */
export function leanReplacements(env: NodeJS.ProcessEnv): Map<string, readonly string[]> {
  const telemetryOff = env.APOLLO_TELEMETRY_DISABLED === undefined || env.APOLLO_TELEMETRY_DISABLED === 'true' || env.APOLLO_TELEMETRY_DISABLED === '1';
  return new Map<string, readonly string[]>([
    ...(telemetryOff ? [[TELEMETRY_FILE, TELEMETRY] as const] : []),
    ['@apollo/gateway/dist/datasources/RemoteGraphQLDataSource.js', ['make-fetch-happen']],
    // Managed federation (Apollo's Uplink); the gateway reads its supergraph from a file.
    ['@apollo/gateway/dist/supergraphManagers/UplinkSupergraphManager/index.js', ['make-fetch-happen']],
    ['@apollo/query-graphs/dist/graphviz.js', ['ts-graphviz']],
  ]);
}

export const ABSENT_URL = new URL('./absent.cjs', import.meta.url).href;

/**
 * Registers the replacement (a synchronous resolve hook, for `require` and `import` alike). Call it before
 * @apollo/gateway loads; answers whether it did (not for another version of @apollo/gateway).
 */
export function loadLean(env: NodeJS.ProcessEnv = process.env): boolean {
  const version = (createRequire(import.meta.url)('@apollo/gateway/package.json') as { version: string }).version;
  if (version !== GATEWAY_VERSION) return false;
  const replacements = [...leanReplacements(env)].map(([file, specifiers]) => [`/node_modules/${file}`, new Set(specifiers)] as const);
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const parent = context.parentURL;
      if (parent) {
        for (const [file, specifiers] of replacements) {
          if (specifiers.has(specifier) && parent.endsWith(file)) return { url: ABSENT_URL, format: 'commonjs', shortCircuit: true };
        }
      }
      return nextResolve(specifier, context);
    },
  });
  return true;
}
