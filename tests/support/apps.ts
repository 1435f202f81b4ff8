/**
 * The apps' browser tests: the storefront and POS builds behind a production gateway (persisted operations
 * only) over the whole system, stripe-local for payments, and a Chromium page whose every request is
 * recorded and classified, so a test can prove the pages ask for nothing but persisted operations and
 * their own assets, all from their own origin.
 *
 * Two gateways over the same subgraphs: the browser talks to the production one; the test's own setup and
 * checks (staff adjustments, ad-hoc queries) use the development one that `startCommerce` returns.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page, type Request } from 'playwright-core';
import { createLogger } from '#kit';
import { testKeyRing } from '#kit/testing/index.ts';
import { createGatewayServer, type GatewayServer } from '../../gateway/src/server.ts';
import { loadManifests } from '../../gateway/src/safelist/index.ts';
import { APPS, buildApps, buildIsStale, distDir } from '../../scripts/build.ts';
import { startCommerce, type Commerce } from './commerce.ts';
import { CHROMIUM_ARGS, findOrInstallChromium } from './chromium.ts';

export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts', import.meta.url));

export interface AppStack {
  /** The production gateway's origin: the storefront at `/`, POS at `/pos/`, GraphQL at `/graphql`. */
  url: string;
  /** The system behind it, with a development gateway for the test's own requests. */
  commerce: Commerce;
  close(): Promise<void>;
}

/** Builds the apps when a build is missing or stale (the global setup normally has). */
export async function ensureAppsBuilt(): Promise<void> {
  const stale = APPS.filter((app) => buildIsStale(app.name)).map((app) => app.name);
  if (stale.length > 0) await buildApps(stale);
}

export async function startAppStack(): Promise<AppStack> {
  await ensureAppsBuilt();
  const commerce = await startCommerce();
  let gateway: GatewayServer | undefined;
  try {
    gateway = await createGatewayServer({
      supergraph: commerce.system.supergraph,
      keys: testKeyRing('gateway'),
      log: createLogger('gateway'),
      safelist: { manifests: loadManifests(fileURLToPath(new URL('../../schema/persisted', import.meta.url))), enforce: true },
      apps: {
        mounts: APPS.map((app) => ({ name: app.name, base: app.base, dir: distDir(app.name) })),
        payments: { mode: 'local', stripeLocalUrl: commerce.local.url },
      },
    });
    const url = new URL(await gateway.listen(0)).origin;
    // Stripe's webhooks reach the public origin, as in a deployment.
    commerce.local.setWebhookUrl(`${url}/webhooks/stripe`);
    const running = gateway;
    return {
      url,
      commerce,
      async close() {
        await running.close();
        await commerce.close();
      },
    };
  } catch (error) {
    await gateway?.close();
    await commerce.close();
    throw error;
  }
}

/** Debian's Chromium, headless and offline; null (with the reason printed) when none can be had. */
export async function launchChromium(): Promise<Browser | null> {
  const lookup = await findOrInstallChromium();
  if ('reason' in lookup) {
    process.stdout.write(`browser test skipped: ${lookup.reason}\n`);
    return null;
  }
  return chromium.launch({ executablePath: lookup.path, args: CHROMIUM_ARGS, headless: true });
}

export type RequestKind = 'persisted-operation' | 'graphql-document' | 'static-asset' | 'payment-confirm' | 'other';

export interface RecordedRequest {
  url: string;
  method: string;
  sameOrigin: boolean;
  kind: RequestKind;
  resourceType: string;
  /** For GraphQL: the operation's name. */
  operationName?: string;
  status?: number;
  /** Bytes on the wire (compressed) and after decoding, once the response has finished. */
  transferBytes?: number;
  decodedBytes?: number;
}

export interface NetworkLog {
  entries: RecordedRequest[];
  /** A position to read from: `since(mark())` is what happened after it. */
  mark(): number;
  since(mark: number): RecordedRequest[];
  /** Waits until every recorded request has its response sizes. */
  settled(): Promise<void>;
}

/** A page in a fresh context whose every request is recorded against `origin`. */
export async function openPage(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<{ page: Page; network: NetworkLog }> {
  const context = await browser.newContext({ baseURL: origin, ...options });
  const page = await context.newPage();
  const entries: RecordedRequest[] = [];
  const pending = new Set<Promise<void>>();
  page.on('request', (request) => {
    const entry = classify(request, origin);
    entries.push(entry);
    const done = request
      .response()
      .then(async (response) => {
        if (!response) return;
        entry.status = response.status();
        await response.finished();
        const sizes = await request.sizes();
        entry.transferBytes = sizes.responseBodySize;
        entry.decodedBytes = (await response.body().catch(() => Buffer.alloc(0))).length;
      })
      .catch(() => undefined)
      .finally(() => pending.delete(done));
    pending.add(done);
  });
  return {
    page,
    network: {
      entries,
      mark: () => entries.length,
      since: (mark) => entries.slice(mark),
      settled: async () => {
        while (pending.size > 0) await Promise.all([...pending]);
      },
    },
  };
}

function classify(request: Request, origin: string): RecordedRequest {
  const url = new URL(request.url());
  const base = { url: request.url(), method: request.method(), sameOrigin: url.origin === origin, resourceType: request.resourceType() };
  if (url.pathname === '/graphql') {
    const payload = graphqlPayload(request, url);
    const persisted = !payload.query && Boolean(payload.extensions?.persistedQuery?.sha256Hash ?? payload.documentId);
    return { ...base, kind: persisted ? 'persisted-operation' : 'graphql-document', ...(payload.operationName ? { operationName: payload.operationName } : {}) };
  }
  if (url.pathname === '/payments/local/confirm') return { ...base, kind: 'payment-confirm' };
  const staticTypes = ['document', 'script', 'stylesheet', 'image', 'font', 'manifest'];
  return { ...base, kind: request.method() === 'GET' && staticTypes.includes(request.resourceType()) ? 'static-asset' : 'other' };
}

type Payload = { query?: string; operationName?: string; documentId?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } };

function graphqlPayload(request: Request, url: URL): Payload {
  try {
    if (request.method() === 'GET') {
      const extensions = url.searchParams.get('extensions');
      return {
        ...(url.searchParams.get('query') ? { query: url.searchParams.get('query')! } : {}),
        ...(url.searchParams.get('operationName') ? { operationName: url.searchParams.get('operationName')! } : {}),
        ...(url.searchParams.get('documentId') ? { documentId: url.searchParams.get('documentId')! } : {}),
        ...(extensions ? { extensions: JSON.parse(extensions) as Payload['extensions'] } : {}),
      };
    }
    return (request.postDataJSON() as Payload | null) ?? {};
  } catch {
    return {};
  }
}

/** JavaScript shipped and GraphQL requests made, per page view (label → entries of that view). */
export function pageBudgets(views: Record<string, RecordedRequest[]>) {
  return Object.fromEntries(
    Object.entries(views).map(([label, entries]) => {
      const scripts = entries.filter((entry) => entry.resourceType === 'script');
      return [
        label,
        {
          javascriptFiles: scripts.length,
          javascriptTransferBytes: scripts.reduce((sum, entry) => sum + (entry.transferBytes ?? 0), 0),
          javascriptDecodedBytes: scripts.reduce((sum, entry) => sum + (entry.decodedBytes ?? 0), 0),
          graphqlRequests: entries.filter((entry) => entry.kind === 'persisted-operation' || entry.kind === 'graphql-document').length,
          operations: entries.flatMap((entry) => (entry.operationName ? [entry.operationName] : [])),
        },
      ];
    }),
  );
}

/** Saves `value` as test-artifacts/<folder>/<file> and returns the path. */
export function writeArtifact(folder: string, file: string, value: string | Buffer): string {
  const dir = resolve(ARTIFACTS, folder);
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, file);
  writeFileSync(path, value);
  return path;
}
