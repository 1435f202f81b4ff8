/**
 * The storefront at `/` and the POS app at `/pos/`, built by `npm run build`, served from the gateway's
 * origin so the pages' only requests are to it (persisted operations and their own assets: no CORS, one
 * TLS origin, one CSP). Hashed assets are cached for a year; index.html is revalidated on every visit so
 * a deploy is picked up at once. Any other page path gets index.html (the apps route in the browser).
 *
 * Payments: the page learns from a meta tag how to take a card (clients/app-kit/src/payments.ts). With a
 * publishable key, Stripe's Payment Element (js.stripe.com is added to the page's CSP); offline, the local
 * Stripe-compatible server confirms test cards through `POST /payments/local/confirm` (payments-local.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '#kit/logger.ts';
import { contentSecurityPolicy, PAGE_CSP, type CspDirectives } from '../hardening/headers.ts';
import { readBuild, type StaticFile } from './static-files.ts';
import { LOCAL_CONFIRM_PATH, localConfirmRoute } from './payments-local.ts';

export interface AppMount {
  /** For logs: `web`, `pos`. */
  name: string;
  /** Where it is served: `/` or `/pos/` (Vite's `base`). */
  base: string;
  /** Its build (clients/<name>/dist). */
  dir: string;
}

export type PaymentsMode = { mode: 'stripe'; publishableKey: string } | { mode: 'local'; stripeLocalUrl: string } | { mode: 'none' };

export interface AppsOptions {
  apps: AppMount[];
  payments: PaymentsMode;
  log: Logger;
  /** The gateway's security headers, applied first (hardening.http.onRequest). */
  onRequest?: (req: IncomingMessage, res: ServerResponse) => void;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Paths that belong to the API, the explorer and the webhooks: never an app's. */
const RESERVED = /^\/(graphql|health|webhooks|explorer|schema\.graphql)(\/|$)/;

const STRIPE_CSP: CspDirectives = {
  'script-src': ['https://js.stripe.com'],
  'frame-src': ['https://js.stripe.com', 'https://hooks.stripe.com'],
  'connect-src': ['https://api.stripe.com'],
};

export function createApps(options: AppsOptions): { wrap(next: Listener): Listener } {
  const { payments, log } = options;
  const meta = `<meta name="sgc-payments" content="${escapeAttribute(JSON.stringify(payments.mode === 'stripe' ? payments : { mode: payments.mode }))}" />`;
  const injectConfig = (html: string) => html.replace('</head>', `    ${meta}\n  </head>`);
  // Longest base first, so /pos/ wins over /.
  const mounts = [...options.apps]
    .sort((a, b) => b.base.length - a.base.length)
    .map((app) => {
      const files = readBuild(app.dir, injectConfig);
      if (!files) log.warn({ app: app.name, dir: app.dir }, `${app.name} app is not built (npm run build): ${app.base} answers 404`);
      else log.info({ app: app.name, base: app.base, files: files.size }, `${app.name} app served at ${app.base}`);
      return { ...app, files };
    });
  const csp = contentSecurityPolicy(PAGE_CSP, { 'img-src': ['data:'], ...(payments.mode === 'stripe' ? STRIPE_CSP : {}) });
  const confirm = payments.mode === 'local' ? localConfirmRoute(payments.stripeLocalUrl, log) : undefined;

  return {
    wrap(next) {
      return async (req, res) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (confirm && path === LOCAL_CONFIRM_PATH) {
          options.onRequest?.(req, res);
          return confirm(req, res);
        }
        if (RESERVED.test(path) || (req.method !== 'GET' && req.method !== 'HEAD')) return next(req, res);
        // `/pos` without its slash: relative asset URLs need it.
        const bare = mounts.find((mount) => mount.base !== '/' && path === mount.base.slice(0, -1));
        if (bare) {
          options.onRequest?.(req, res);
          res.writeHead(301, { location: bare.base }).end();
          return;
        }
        const mount = mounts.find((candidate) => path.startsWith(candidate.base));
        if (!mount?.files) return next(req, res);
        options.onRequest?.(req, res);
        const name = decodeURIComponent(path.slice(mount.base.length));
        const file = mount.files.get(name) ?? (looksLikeFile(name) ? undefined : mount.files.get('index.html'));
        if (!file) return notFound(res);
        serve(req, res, file, csp);
      };
    },
  };
}

function serve(req: IncomingMessage, res: ServerResponse, file: StaticFile, csp: string): void {
  const html = file.type.startsWith('text/html');
  const headers: Record<string, string> = {
    'content-type': file.type,
    etag: file.etag,
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : html ? 'no-cache' : 'public, max-age=3600',
    vary: 'accept-encoding',
  };
  if (html) headers['content-security-policy'] = csp;
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const accepted = String(req.headers['accept-encoding'] ?? '');
  let body = file.body;
  if (file.br && /\bbr\b/.test(accepted)) [body, headers['content-encoding']] = [file.br, 'br'];
  else if (file.gzip && /\bgzip\b/.test(accepted)) [body, headers['content-encoding']] = [file.gzip, 'gzip'];
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }).end('Not found\n');
}

/** A path with an extension is a file request: a missing one is a 404, not the app's page. */
function looksLikeFile(name: string): boolean {
  return /\.[a-z0-9]+$/i.test(name);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
