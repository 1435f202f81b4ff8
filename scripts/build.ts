/**
 * `npm run build`: the storefront (clients/web) and the POS app (clients/pos) for production, each into
 * its own dist/ with content-hashed asset names, and a gzip and a brotli copy of every text file, so the
 * gateway serves compressed bytes without compressing per request. `npm start` runs it (as a process of
 * its own) when a build is missing or older than its sources.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const APPS = [
  { name: 'web', base: '/' },
  { name: 'pos', base: '/pos/' },
] as const;

const root = fileURLToPath(new URL('..', import.meta.url));
export const appDir = (name: string) => join(root, 'clients', name);
export const distDir = (name: string) => join(appDir(name), 'dist');

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map|webmanifest)$/;

export async function buildApps(names: readonly string[] = APPS.map((app) => app.name)): Promise<void> {
  // Imported here: the staleness check (the runner's, the tests') loads no Vite; only a build does.
  const { build } = await import('vite');
  for (const name of names) {
    await build({ configFile: join(appDir(name), 'vite.config.ts'), logLevel: 'warn' });
    precompress(distDir(name));
  }
}

/** True when an app has no build, or a source it is built from changed after it. */
export function buildIsStale(name: string): boolean {
  const built = newest(distDir(name));
  if (built === 0) return true;
  const sources = [join(appDir(name), 'src'), join(appDir(name), 'index.html'), join(appDir(name), 'generated'), join(root, 'clients', 'app-kit')];
  return sources.some((source) => newest(source) > built);
}

function precompress(dir: string): void {
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const bytes = readFileSync(file);
    if (bytes.length < 1024) continue;
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  }
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** The latest modification time under a path (0 when it does not exist). */
function newest(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const file of walk(path)) latest = Math.max(latest, statSync(file).mtimeMs);
  return latest;
}

// `node scripts/build.ts [app...]`: the apps named (the runner passes the stale ones), else all of them.
if (import.meta.main) {
  const named = process.argv.slice(2);
  const unknown = named.filter((name) => !APPS.some((app) => app.name === name));
  if (unknown.length > 0) throw new Error(`No app named ${unknown.join(', ')}; the apps are ${APPS.map((app) => app.name).join(', ')}`);
  const apps = named.length > 0 ? APPS.filter((app) => named.includes(app.name)) : APPS;
  await buildApps(apps.map((app) => app.name));
  console.log(`built ${apps.map((app) => `${app.name} → clients/${app.name}/dist (${app.base})`).join(', ')}`);
}
