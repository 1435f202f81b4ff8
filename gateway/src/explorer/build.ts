/**
 * Builds the explorer's browser assets with esbuild, from `app/` and the graphiql, React and Monaco
 * packages in node_modules: the page's script and stylesheet (fonts inlined by the packages as data: URIs,
 * Monaco's icon font emitted as a file) and Monaco's three web workers. Nothing is fetched from anywhere.
 *
 * A build is identified by a hash of its inputs (this folder's sources and the bundled packages' versions)
 * and kept in `node_modules/.cache/supergraph-explorer/<id>/`, so a gateway starts serving the second time
 * without building; where that folder cannot be written (a read-only image) the build lives in memory.
 * `node gateway/src/explorer/build.ts` builds ahead of time (the Docker image does, as root).
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { BuildOptions, Plugin } from 'esbuild';

/**
 * One file of a build. Served from the cache folder, read at each request: the page's script alone is 5 MB,
 * which a gateway serving GraphQL all day need not keep for the odd visit to the explorer (browsers keep the
 * assets for good). Only a build that could not be written to the folder stays in memory.
 */
export interface ExplorerAsset {
  contentType: string;
  /** Bytes, uncompressed. */
  size: number;
  body(): Promise<Buffer>;
  /** Its gzip: written beside it at build time, or compressed once and kept with an in-memory build. */
  gzipped(): Promise<Buffer>;
}

export interface ExplorerBuild {
  /** The inputs' hash: assets are served under `/explorer/assets/<id>/`, cacheable for good. */
  id: string;
  /** File name (no folder) → content. */
  assets: Map<string, ExplorerAsset>;
  /** The files the page loads: its script and stylesheet, and each Monaco worker by label. */
  entries: { script: string; style: string; workers: Record<WorkerLabel, string> };
}

export type WorkerLabel = 'editor' | 'json' | 'graphql';

const root = resolve(import.meta.dirname, '../../..');
const appDir = resolve(import.meta.dirname, 'app');
const require = createRequire(import.meta.url);
const DEFAULT_CACHE_DIR = resolve(root, 'node_modules/.cache/supergraph-explorer');
/** What the bundle is made of: a new version of any of these is a new build. */
const BUNDLED_PACKAGES = ['esbuild', 'graphiql', '@graphiql/react', '@graphiql/plugin-doc-explorer', '@graphiql/plugin-history', 'monaco-editor', 'monaco-graphql', 'react', 'react-dom', 'graphql'];
const WORKER_ENTRIES: Record<WorkerLabel, string> = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
};
const MANIFEST = 'build.json';
const GZIP_SUFFIX = '.gz';
const compress = promisify(gzip);

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function contentTypeOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return CONTENT_TYPES[dot < 0 ? '' : file.slice(dot)] ?? 'application/octet-stream';
}

/** The hash of everything a build depends on. */
export function explorerBuildId(): string {
  const hash = createHash('sha256');
  for (const file of [import.meta.filename, ...sourceFiles(appDir)]) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const name of BUNDLED_PACKAGES) hash.update(`${name}@${packageVersion(name)}\0`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The current build: from the cache folder when it holds one for these inputs, else built now (a few
 * seconds) and written there for next time.
 */
export async function loadExplorerBuild(options: { cacheDir?: string; inProcess?: boolean } = {}): Promise<ExplorerBuild> {
  const cacheDir = options.cacheDir ?? process.env.EXPLORER_CACHE_DIR ?? DEFAULT_CACHE_DIR;
  const id = explorerBuildId();
  const cached = await readCached(join(cacheDir, id), id);
  if (cached) return cached;
  // Built by a process of its own, which writes the folder and exits: built here, esbuild's output and the
  // gzip pass left the gateway's memory high for good (bench, cold cache: 580 MB of RSS after the first round
  // instead of about 200; glibc keeps what the peak took). In process only where that cannot work.
  if (!options.inProcess && (await buildInChild(cacheDir))) {
    const built = await readCached(join(cacheDir, id), id);
    if (built) return built;
  }
  const build = await buildExplorer(id);
  // Served from the folder once written there; from memory where it could not be.
  return (await writeCache(cacheDir, build)) ? ((await readCached(join(cacheDir, id), id)) ?? build) : build;
}

/** Runs this file as a script (it builds into `cacheDir`); whether it succeeded. */
function buildInChild(cacheDir: string): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...process.env, EXPLORER_CACHE_DIR: cacheDir }, stdio: 'ignore' });
    child.once('error', () => done(false));
    child.once('exit', (code) => done(code === 0));
  });
}

async function buildExplorer(id: string): Promise<ExplorerBuild> {
  const esbuild = await import('esbuild');
  const common: BuildOptions = {
    bundle: true,
    write: false,
    minify: true,
    legalComments: 'none',
    target: ['es2022', 'chrome120', 'firefox120', 'safari17'],
    outdir: '/out',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Monaco's icon font and anything else a stylesheet points at: a file beside the page, never a URL elsewhere.
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    assetNames: '[name]-[hash]',
    publicPath: `/explorer/assets/${id}`,
    absWorkingDir: root,
  };
  const [page, workers] = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { app: join(appDir, 'main.ts'), style: join(appDir, 'style.css') },
      format: 'esm',
      entryNames: '[name]',
      plugins: [withoutMonacosOwnCss],
    }),
    esbuild.build({
      ...common,
      entryPoints: Object.fromEntries(Object.entries(WORKER_ENTRIES).map(([label, entry]) => [`${label}.worker`, require.resolve(entry)])),
      format: 'iife',
      entryNames: '[name]',
    }),
  ]);
  const assets = new Map<string, ExplorerAsset>();
  for (const file of [...(page.outputFiles ?? []), ...(workers.outputFiles ?? [])]) {
    const name = basename(file.path);
    assets.set(name, inMemoryAsset(name, Buffer.from(file.contents)));
  }
  const entries = {
    script: 'app.js',
    style: 'style.css',
    workers: { editor: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' },
  };
  for (const name of [entries.script, entries.style, ...Object.values(entries.workers)]) {
    if (!assets.has(name)) throw new Error(`explorer build did not produce ${name}`);
  }
  return { id, assets, entries };
}

/**
 * Monaco's modules import their own stylesheets; graphiql/style.css already holds the same rules (and
 * Monaco's icon font, inlined), so those imports are dropped rather than shipped twice.
 */
const withoutMonacosOwnCss: Plugin = {
  name: 'without-monacos-own-css',
  setup(build) {
    build.onLoad({ filter: /[\\/]monaco-editor[\\/].*\.css$/ }, () => ({ contents: '', loader: 'empty' }));
  },
};

async function readCached(dir: string, id: string): Promise<ExplorerBuild | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as { id: string; files: string[]; entries: ExplorerBuild['entries'] };
    if (manifest.id !== id) return undefined;
    const assets = new Map<string, ExplorerAsset>();
    for (const name of manifest.files) {
      const path = join(dir, name);
      const { size } = await stat(path);
      // Checked now, so that a folder missing a file is rebuilt rather than found out at a request.
      await stat(`${path}${GZIP_SUFFIX}`);
      assets.set(name, { contentType: contentTypeOf(name), size, body: () => readFile(path), gzipped: () => readFile(`${path}${GZIP_SUFFIX}`) });
    }
    return { id, assets, entries: manifest.entries };
  } catch {
    return undefined;
  }
}

function inMemoryAsset(name: string, bytes: Buffer): ExplorerAsset {
  let compressed: Promise<Buffer> | undefined;
  return { contentType: contentTypeOf(name), size: bytes.length, body: async () => bytes, gzipped: () => (compressed ??= compress(bytes)) };
}

/**
 * Written to a temporary folder, then renamed: two processes building at once never see half a build. Each
 * file with its gzip beside it. False when the folder could not be written.
 */
async function writeCache(cacheDir: string, build: ExplorerBuild): Promise<boolean> {
  const target = join(cacheDir, build.id);
  const temporary = join(cacheDir, `.${build.id}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(temporary, { recursive: true });
    for (const [name, asset] of build.assets) {
      await writeFile(join(temporary, name), await asset.body());
      await writeFile(join(temporary, `${name}${GZIP_SUFFIX}`), await asset.gzipped());
    }
    await writeFile(join(temporary, MANIFEST), JSON.stringify({ id: build.id, files: [...build.assets.keys()], entries: build.entries }));
    if (existsSync(target)) await rm(temporary, { recursive: true, force: true });
    else await rename(temporary, target);
    // Older builds are of no use to anyone.
    for (const entry of readdirSync(cacheDir)) {
      if (entry !== build.id && !entry.startsWith('.')) await rm(join(cacheDir, entry), { recursive: true, force: true });
    }
    return true;
  } catch {
    // A read-only folder, or another process got there first: the build in memory serves all the same.
    await rm(temporary, { recursive: true, force: true }).catch(() => {});
    return false;
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

if (import.meta.main) {
  const started = Date.now();
  const build = await loadExplorerBuild({ inProcess: true });
  const bytes = [...build.assets.values()].reduce((sum, asset) => sum + asset.size, 0);
  process.stdout.write(`explorer build ${build.id}: ${build.assets.size} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${Date.now() - started} ms\n`);
}
