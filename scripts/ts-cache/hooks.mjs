/**
 * `--import` hook that every service process runs with (scripts/process-memory.ts): serves each .ts module
 * already stripped of its types from the cache scripts/ts-cache/build.ts fills, so that Node never loads its
 * own stripper (amaro: swc compiled to WebAssembly), which costs a long-lived process 20-25 MB of RSS.
 *
 * Plain JavaScript on purpose: were this file TypeScript, loading it would load the stripper. Synchronous
 * `registerHooks`, not `register`, which would start a loader thread (more memory than it saves).
 *
 * A cache entry is named by the sha256 of the source it was stripped from, so an edited file simply misses
 * and Node strips it as usual: a stale cache costs memory, never runs old code. Stripping replaces types
 * with spaces, so lines and columns (stack traces) and the module's URL stay those of the .ts file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Keep in step with cacheDir() in build.ts. Per Node version: another version may strip differently.
const cacheDir = join(process.env.TS_CACHE_DIR || fileURLToPath(new URL('../../node_modules/.cache/ts-strip', import.meta.url)), process.version);

registerHooks({
  load(url, context, nextLoad) {
    // Only ES modules Node would strip itself: not CommonJS .ts, not node_modules (Node refuses those).
    if (context.format !== 'module-typescript' || !url.startsWith('file:') || url.includes('/node_modules/')) return nextLoad(url, context);
    let source;
    try {
      const hash = createHash('sha256').update(readFileSync(fileURLToPath(url))).digest('hex');
      source = readFileSync(join(cacheDir, `${hash}.js`), 'utf8');
    } catch {
      return nextLoad(url, context);
    }
    return { format: 'module', source, shortCircuit: true };
  },
});
