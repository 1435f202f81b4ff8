import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { isProduction } from '#kit/config.ts';
import type { Logger } from '#kit/logger.ts';
import { loadExplorerBuild, type ExplorerBuild } from './build.ts';
import { explorerPage, PAGE_HEADERS } from './page.ts';
import { readExampleOperations, WEB_MANIFEST_PATH } from './operations.ts';

// graphql-js as @apollo/gateway loads it (CommonJS). An `import` of graphql can resolve to its ES module
// build instead (vitest does), a second copy whose printSchema refuses the gateway's schema objects.
const { printSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export const EXPLORER_PATH = '/explorer';
export const SCHEMA_PATH = '/schema.graphql';
const ASSETS_PREFIX = `${EXPLORER_PATH}/assets/`;
const GRAPHQL_PATH = '/graphql';

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface ExplorerOptions {
  /** The gateway whose API schema `/schema.graphql` and the explorer's docs show (followed on every reload). */
  gateway: Pick<ApolloGateway, 'onSchemaLoadOrUpdate'>;
  log: Logger;
  /** Development: a browser opening `/graphql` is sent to the explorer. Outside production by default. */
  development?: boolean;
  /** Build the page's assets now rather than at the first request: in production by default. */
  warm?: boolean;
  /** The manifest whose operations are example tabs (schema/persisted/web.json). */
  manifestPath?: string;
  /** Where builds are cached (node_modules/.cache/supergraph-explorer). */
  cacheDir?: string;
  /** Runs first on every request answered here: the gateway's security headers (hardening.http.onRequest). */
  onRequest?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface Explorer {
  /** Serves `/explorer`, its assets and `/schema.graphql`, and hands every other request to `next`. */
  wrap(next: Listener): Listener;
}

/**
 * GraphiQL at `/explorer`, every asset from this origin, and the public API schema at `/schema.graphql`.
 * Register it before the gateway loads (it follows `onSchemaLoadOrUpdate`).
 */
export function createExplorer(options: ExplorerOptions): Explorer {
  const { log } = options;
  const development = options.development ?? !isProduction();
  const manifestPath = options.manifestPath ?? WEB_MANIFEST_PATH;
  let schemaSdl: string | undefined;
  // The API schema: what clients see, without federation's join__/link__ machinery or @inaccessible parts.
  options.gateway.onSchemaLoadOrUpdate(({ apiSchema }: { apiSchema: GraphQLSchema }) => {
    schemaSdl = `${printSchema(apiSchema)}\n`;
  });

  let building: Promise<ExplorerBuild> | undefined;
  const build = () => {
    building ??= loadExplorerBuild(options.cacheDir ? { cacheDir: options.cacheDir } : {}).catch((error: unknown) => {
      building = undefined;
      throw error;
    });
    return building;
  };
  if (options.warm ?? isProduction()) {
    build().catch((error: unknown) => log.error({ err: error }, 'explorer build failed; it is tried again at the next request'));
  }

  async function page(req: IncomingMessage, res: ServerResponse) {
    const [current, operations] = await Promise.all([
      build(),
      readExampleOperations(manifestPath, (reason) => log.warn({ path: manifestPath, reason }, 'persisted-operation manifest ignored by the explorer')),
    ]);
    send(req, res, 200, PAGE_HEADERS, explorerPage(current, { endpoint: GRAPHQL_PATH, schemaUrl: SCHEMA_PATH, operations }));
  }

  async function asset(req: IncomingMessage, res: ServerResponse, path: string) {
    const current = await build();
    const [id, name, ...rest] = path.slice(ASSETS_PREFIX.length).split('/');
    const found = id === current.id && name && rest.length === 0 ? current.assets.get(name) : undefined;
    if (!found) return send(req, res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found\n');
    const headers: Record<string, string> = {
      'content-type': found.contentType,
      // The build id is in the path: a new build is a new URL.
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      vary: 'accept-encoding',
    };
    if (found.size > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      return send(req, res, 200, { ...headers, 'content-encoding': 'gzip' }, await found.gzipped());
    }
    send(req, res, 200, headers, await found.body());
  }

  function schema(req: IncomingMessage, res: ServerResponse) {
    if (!schemaSdl) return send(req, res, 503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' }, 'The schema is not loaded yet\n');
    send(req, res, 200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' }, schemaSdl);
  }

  return {
    wrap(next) {
      return async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const path = url.pathname;
        const ours = path === EXPLORER_PATH || path === `${EXPLORER_PATH}/` || path.startsWith(ASSETS_PREFIX) || path === SCHEMA_PATH;
        // In development a browser opening the endpoint gets the explorer, not Apollo's CSRF refusal.
        const redirect = development && path === GRAPHQL_PATH && url.search === '' && req.method === 'GET' && acceptsHtml(req);
        if (!ours && !redirect) return next(req, res);
        options.onRequest?.(req, res);
        if (redirect) {
          res.writeHead(302, { location: EXPLORER_PATH, 'cache-control': 'no-store' }).end();
          return;
        }
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          return send(req, res, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'Method not allowed\n');
        }
        try {
          if (path === SCHEMA_PATH) return schema(req, res);
          if (path.startsWith(ASSETS_PREFIX)) return await asset(req, res, path);
          return await page(req, res);
        } catch (error) {
          log.error({ err: error, path }, 'explorer unavailable');
          if (!res.headersSent) send(req, res, 503, { 'content-type': 'text/plain; charset=utf-8' }, 'The explorer is unavailable\n');
          else res.end();
        }
      };
    },
  };
}

function acceptsHtml(req: IncomingMessage): boolean {
  return String(req.headers.accept ?? '')
    .split(',')
    .some((type) => type.trim().toLowerCase().startsWith('text/html'));
}

function send(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer) {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
