import { contentSecurityPolicy, PAGE_CSP } from '../hardening/index.ts';
import type { ExplorerBuild } from './build.ts';
import type { ExampleOperation } from './operations.ts';

/**
 * hardening/headers.ts's policy for the gateway's own pages (this origin's scripts, styles, fonts and API
 * only), plus what GraphiQL needs: `data:` fonts and images (the packages inline their fonts and icons), and
 * inline styles, which Monaco sets on elements as it lays them out (never inline scripts).
 */
export const EXPLORER_CSP = contentSecurityPolicy(PAGE_CSP, {
  'style-src': ["'unsafe-inline'"],
  'font-src': ['data:'],
  'img-src': ['data:'],
  'worker-src': ["'self'"],
});

export const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy': EXPLORER_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** The explorer's HTML: its configuration as JSON data (not a script), then the bundled script and stylesheet. */
export function explorerPage(build: ExplorerBuild, options: { endpoint: string; schemaUrl: string; operations: ExampleOperation[] }): string {
  const asset = (name: string) => `/explorer/assets/${build.id}/${name}`;
  const config = {
    endpoint: options.endpoint,
    schemaUrl: options.schemaUrl,
    operations: options.operations,
    workers: Object.fromEntries(Object.entries(build.entries.workers).map(([label, name]) => [label, asset(name)])),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>supergraph-commerce explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset(build.entries.style)}">
<script id="explorer-config" type="application/json">${jsonForScript(config)}</script>
<script type="module" src="${asset(build.entries.script)}"></script>
</head>
<body>
<noscript>The explorer needs JavaScript. The schema is at <a href="${options.schemaUrl}">${options.schemaUrl}</a>.</noscript>
<div id="explorer"></div>
</body>
</html>
`;
}

/** JSON inside <script>: no `</script>` or `<!--` can close or confuse the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
