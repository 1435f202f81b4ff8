/**
 * What both apps' Vite configs share: Preact, and a plugin that ships persisted documents as their ids.
 * Codegen's typed documents carry the whole operation AST (Apollo Client and the tests need it); a browser
 * app that sends only ids needs the id and the operation's name, so the build keeps just those.
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin, UserConfig } from 'vite';

const DOCUMENT_LINE = /^export const (\w+Document) = (\{.*\}) as unknown as (DocumentNode<.*>;)$/gm;

export function persistedDocumentsOnly(): Plugin {
  return {
    name: 'persisted-documents-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]generated[\\/]graphql\.ts$/.test(id)) return null;
      return code.replace(DOCUMENT_LINE, (_line, name: string, json: string, type: string) => {
        const document = JSON.parse(json) as { __meta__: { hash: string }; definitions: { kind: string; name?: { value: string } }[] };
        const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
        if (!operation?.name) throw new Error(`${id}: ${name} has no named operation`);
        const slim = { __meta__: document.__meta__, kind: 'Document', definitions: [{ kind: 'OperationDefinition', name: { kind: 'Name', value: operation.name.value } }] };
        return `export const ${name} = ${JSON.stringify(slim)} as unknown as ${type}`;
      });
    },
  };
}

/** `dir`: the app's folder (its index.html); `base`: where the gateway serves it. */
export function appConfig(dir: URL, base: string): UserConfig {
  return {
    root: fileURLToPath(dir),
    base,
    // Served by the gateway, which sets its own CSP: no inline scripts, so no module preload polyfill.
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false }, assetsInlineLimit: 0, reportCompressedSize: false },
    plugins: [persistedDocumentsOnly(), preact({ prerender: { enabled: false } })],
    logLevel: 'warn',
  };
}
