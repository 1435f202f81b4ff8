/**
 * One built app's files (Vite's dist/), read into memory once: a build is a few hundred kilobytes, and
 * a page view then costs no file system call. Each file keeps its precompressed copies (.br, .gz, written
 * by `npm run build`) and a strong ETag.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

export interface StaticFile {
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
  /** Content-hashed by the bundler (under assets/): cacheable for a year, never revalidated. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Files by URL path below the app's base (`index.html`, `assets/index-1a2b3c.js`); null when not built. */
export function readBuild(dir: string, transformHtml: (html: string) => string): Map<string, StaticFile> | null {
  if (!existsSync(join(dir, 'index.html'))) return null;
  const files = new Map<string, StaticFile>();
  for (const path of walk(dir)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const name = relative(dir, path).split(sep).join('/');
    const html = name.endsWith('.html');
    // The HTML is rewritten (the payments tag), so its stale precompressed copies are not used.
    const body = html ? Buffer.from(transformHtml(readFileSync(path, 'utf8'))) : readFileSync(path);
    files.set(name, {
      body,
      ...(!html && existsSync(`${path}.br`) ? { br: readFileSync(`${path}.br`) } : {}),
      ...(!html && existsSync(`${path}.gz`) ? { gzip: readFileSync(`${path}.gz`) } : {}),
      type: TYPES[extname(name)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      immutable: name.startsWith('assets/'),
    });
  }
  return files;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}
