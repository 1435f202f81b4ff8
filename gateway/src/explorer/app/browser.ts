/**
 * The browser globals the explorer's page uses, typed by hand: the project type-checks as Node code (no DOM
 * library, so server files cannot reach for `window` by mistake), and this folder is the one exception.
 */
export interface ExplorerConfig {
  /** Where operations go: the gateway's GraphQL endpoint, same origin. */
  endpoint: string;
  /** The public API schema as SDL, same origin (docs and completion, without introspection). */
  schemaUrl: string;
  /** Example operations, one tab each (the web client's persisted operations, when there are any). */
  operations: { name: string; body: string }[];
  /** Monaco's web workers by label (`editor`, `json`, `graphql`), same origin. */
  workers: Record<string, string>;
}

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface BrowserGlobals {
  document: { getElementById(id: string): ({ textContent: string | null } & Element) | null };
  sessionStorage: StorageLike;
  Worker: new (url: string, options?: { name?: string }) => unknown;
  MonacoEnvironment?: { getWorker(workerId: string, label: string): unknown };
}

export const browser = globalThis as unknown as BrowserGlobals;

/** The page's configuration, written by the gateway into `<script id="explorer-config" type="application/json">`. */
export function readConfig(): ExplorerConfig {
  const text = browser.document.getElementById('explorer-config')?.textContent;
  if (!text) throw new Error('explorer: the page has no #explorer-config');
  return JSON.parse(text) as ExplorerConfig;
}

/** The partner API key, kept for this browser tab only (sessionStorage), never in localStorage. */
export const apiKeyStore = {
  key: 'supergraph-explorer:api-key',
  get(): string {
    try {
      return browser.sessionStorage.getItem(this.key) ?? '';
    } catch {
      return '';
    }
  },
  set(value: string): void {
    try {
      if (value) browser.sessionStorage.setItem(this.key, value);
      else browser.sessionStorage.removeItem(this.key);
    } catch {
      // Storage refused (private mode): the key lasts as long as the page.
    }
  },
};
