/**
 * The cache that scripts/ts-cache/hooks.mjs serves: every .ts file the services load, stripped of its types
 * by `module.stripTypeScriptTypes` (what Node does on load), under `<sha256 of the source>.js`. Filled before
 * anything starts (the runner's one-shot scripts/ts-cache-cli.ts, the Docker image's build), so that no
 * long-lived process loads Node's stripper (why: hooks.mjs, scripts/process-memory.ts).
 *
 * Several builders may run at once (two runners, a test beside the runner): each entry is written to a name
 * of its own and renamed into place, so a reader sees a whole entry or none.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/**
 * What the processes run from: the services, the runner and its one-shots, stripe-local; and the bench's
 * sources, since it imports one into every process it starts (bench/src/stripe-redirect.ts). Roots absent
 * (the image has no bench) are skipped.
 */
export const SERVICE_ROOTS: readonly string[] = ['gateway', 'subgraphs', 'scripts', 'stripe-local', 'bench'].map((dir) => join(root, dir));

/**
 * Folders no process loads a module from: tests, dependencies, and the generated resolver types (imported
 * with `import type` only, which stripping erases).
 */
const SKIPPED = new Set(['node_modules', 'test', 'generated']);

/** A leftover temporary file older than this belongs to no builder still running. */
const STALE_TEMP_MS = 60_000;

/** Where hooks.mjs looks (keep the two in step): per Node version, since another may strip differently. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.TS_CACHE_DIR || join(root, 'node_modules/.cache/ts-strip'), process.version);
}

export interface BuildResult {
  /** .ts files found under the roots. */
  sources: number;
  /** Entries written now (the others were there already). */
  written: number;
  /** Entries removed: no current source strips to them. */
  pruned: number;
  /** Sources Node could not strip (they fail to load either way): left to Node, which reports why. */
  failed: { file: string; message: string }[];
}

/** Every .ts module under `dir` a process may load: no declarations, no tests. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) || entry.name.startsWith('.') ? [] : sourceFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Strips each source under `roots` whose entry is missing, then removes the entries (and abandoned temporary
 * files) that no source maps to any more: the cache holds one checkout's sources, not their history.
 */
export function buildTsCache(roots: readonly string[] = SERVICE_ROOTS, dir: string = cacheDir()): BuildResult {
  mkdirSync(dir, { recursive: true });
  const existing = new Set(readdirSync(dir));
  const wanted = new Set<string>();
  const result: BuildResult = { sources: 0, written: 0, pruned: 0, failed: [] };
  for (const file of roots.filter((dir) => existsSync(dir)).flatMap(sourceFiles)) {
    result.sources++;
    const bytes = readFileSync(file);
    const name = `${createHash('sha256').update(bytes).digest('hex')}.js`;
    wanted.add(name);
    if (existing.has(name)) continue;
    let stripped: string;
    try {
      // 'strip' (the default) blanks types out in place: lines and columns stay those of the .ts file.
      stripped = stripTypeScriptTypes(bytes.toString('utf8'), { mode: 'strip' });
    } catch (error) {
      wanted.delete(name);
      result.failed.push({ file, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const temp = join(dir, `${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(temp, stripped);
    renameSync(temp, join(dir, name));
    existing.add(name);
    result.written++;
  }
  for (const name of existing) {
    const path = join(dir, name);
    if (name.endsWith('.tmp')) {
      if (ageOf(path) > STALE_TEMP_MS) rmSync(path, { force: true });
    } else if (!wanted.has(name)) {
      rmSync(path, { force: true });
      result.pruned++;
    }
  }
  return result;
}

function ageOf(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
