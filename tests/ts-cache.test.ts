import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTsCache, cacheDir } from '../scripts/ts-cache/build.ts';
import { TS_CACHE_HOOKS, withMemorySettings } from '../scripts/process-memory.ts';

const run = promisify(execFile);
const AMARO = 'NativeModule internal/deps/amaro/dist/index';
const temp = mkdtempSync(join(tmpdir(), 'ts-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A module tree in a folder of its own (an ES module package, as the repository is): main.ts imports lib/. */
function fixture(name: string): { dir: string; env: NodeJS.ProcessEnv; cache: string } {
  const dir = join(temp, name);
  mkdirSync(join(dir, 'src/lib'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(dir, 'src/main.ts'),
    [
      "import { greet, type Greeting } from './lib/greet.ts';",
      "const greeting: Greeting = greet('world');",
      "const loaded = process.moduleLoadList.includes('" + AMARO + "');",
      'console.log(JSON.stringify({ greeting, loaded, url: import.meta.url, dirname: import.meta.dirname }));',
      "if (process.argv.includes('--boom')) (await import('./lib/boom.ts')).boom(3);",
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'src/lib/greet.ts'), "export interface Greeting { text: string }\nexport function greet(name: string): Greeting {\n  return { text: `hello ${name}` };\n}\n");
  // The throw sits after type annotations on its own line: were they removed rather than blanked, its column would move.
  writeFileSync(join(dir, 'src/lib/boom.ts'), 'export function boom(times: number): never {\n  const limit: Readonly<number> = times as number; throw new Error(`boom ${limit}`);\n}\n');
  const cache = join(dir, 'cache');
  return { dir, cache, env: { PATH: process.env.PATH, TS_CACHE_DIR: cache } };
}

/** The tree's main.ts run as a service is: with the hook in NODE_OPTIONS, as withMemorySettings gives it. */
async function start(dir: string, env: NodeJS.ProcessEnv, ...args: string[]) {
  const { stdout } = await run(process.execPath, [join(dir, 'src/main.ts'), ...args], { env: withMemorySettings(env) });
  return JSON.parse(stdout) as { greeting: { text: string }; loaded: boolean; url: string; dirname: string };
}

describe('the stripped TypeScript cache', () => {
  it('runs a built tree the same, without loading Node\'s stripper; an edited file runs its new code', async () => {
    const { dir, env, cache } = fixture('edit');
    const unbuilt = await start(dir, env);
    expect(unbuilt.loaded).toBe(true);

    expect(buildTsCache([join(dir, 'src')], cacheDir(env))).toMatchObject({ sources: 3, written: 3, pruned: 0, failed: [] });
    expect(readdirSync(join(cache, process.version))).toHaveLength(3);
    const cached = await start(dir, env);
    expect(cached).toEqual({ ...unbuilt, loaded: false });
    expect(cached.url).toBe(pathToFileURL(join(dir, 'src/main.ts')).href);
    expect(cached.dirname).toBe(join(dir, 'src'));

    // Edited after the build: a miss, which Node strips as before; never the old code.
    const greet = join(dir, 'src/lib/greet.ts');
    writeFileSync(greet, readFileSync(greet, 'utf8').replace('hello', 'goodbye'));
    expect(await start(dir, env)).toEqual({ ...unbuilt, greeting: { text: 'goodbye world' } });
    // Built again: the old entry goes, the new one serves.
    expect(buildTsCache([join(dir, 'src')], cacheDir(env))).toMatchObject({ sources: 3, written: 1, pruned: 1 });
    expect(await start(dir, env)).toEqual({ ...unbuilt, greeting: { text: 'goodbye world' }, loaded: false });
  });

  it('reports an error thrown in a cached module at its .ts file, line and column', async () => {
    const { dir, env } = fixture('stack');
    const frameOf = async () => {
      const failed = await start(dir, env, '--boom').then(() => undefined, (error: { stdout: string; stderr: string }) => error);
      return { frame: /at \S*boom \((.+)\)/.exec(failed?.stderr ?? '')?.[1], loaded: JSON.parse(failed?.stdout ?? '{}').loaded };
    };
    const stripped = await frameOf();
    buildTsCache([join(dir, 'src')], cacheDir(env));
    const line = readFileSync(join(dir, 'src/lib/boom.ts'), 'utf8').split('\n')[1]!;
    const frame = `${pathToFileURL(join(dir, 'src/lib/boom.ts')).href}:2:${line.indexOf('new Error') + 1}`;
    expect(stripped).toEqual({ frame, loaded: true });
    expect(await frameOf()).toEqual({ frame, loaded: false });
  });

  it('prunes what no source maps to, stale temporary files too, and changes nothing when built again', () => {
    const { dir, env } = fixture('prune');
    const entries = cacheDir(env);
    buildTsCache([join(dir, 'src')], entries);
    writeFileSync(join(entries, `${'0'.repeat(64)}.js`), 'old');
    writeFileSync(join(entries, 'abandoned.js.1.tmp'), 'half');
    utimesSync(join(entries, 'abandoned.js.1.tmp'), new Date(0), new Date(0));
    // Another builder's, being written now: not to be taken from under it.
    writeFileSync(join(entries, 'inflight.js.2.tmp'), 'half');
    const before = readdirSync(entries).filter((name) => /^[0-9a-f]{64}\.js$/.test(name) && !name.startsWith('0000')).map((name) => [name, statSync(join(entries, name)).mtimeMs]);

    expect(buildTsCache([join(dir, 'src')], entries)).toEqual({ sources: 3, written: 0, pruned: 1, failed: [] });
    expect(buildTsCache([join(dir, 'src')], entries)).toEqual({ sources: 3, written: 0, pruned: 0, failed: [] });
    expect(readdirSync(entries).sort()).toEqual([...before.map(([name]) => name), 'inflight.js.2.tmp'].sort());
    for (const [name, mtime] of before) expect(statSync(join(entries, name as string)).mtimeMs).toBe(mtime);
  });

  it('leaves out a file Node cannot strip (it fails to load either way)', () => {
    const { dir, env } = fixture('unstrippable');
    writeFileSync(join(dir, 'src/lib/enum.ts'), 'export enum Colour { Red }\n');
    const result = buildTsCache([join(dir, 'src')], cacheDir(env));
    expect(result).toMatchObject({ sources: 4, written: 3 });
    expect(result.failed.map((failure) => failure.file)).toEqual([join(dir, 'src/lib/enum.ts')]);
  });

  it('survives builders running at once: every entry whole, no temporary file left', async () => {
    const { dir, env } = fixture('concurrent');
    // Enough files for the builders to overlap.
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `src/lib/m${i}.ts`), `export const value${i}: number = ${i};\n${'export type T = { a: string };\n'.repeat(50)}`);
    const builder = `import { buildTsCache } from ${JSON.stringify(pathToFileURL(resolve(import.meta.dirname, '../scripts/ts-cache/build.ts')).href)};
      buildTsCache([${JSON.stringify(join(dir, 'src'))}], ${JSON.stringify(cacheDir(env))});`;
    await Promise.all(Array.from({ length: 4 }, () => run(process.execPath, ['--no-warnings', '--input-type=module', '-e', builder], { env })));
    const entries = cacheDir(env);
    const names = readdirSync(entries);
    expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(names).toHaveLength(303);
    for (let i = 0; i < 300; i += 37) {
      const source = readFileSync(join(dir, `src/lib/m${i}.ts`), 'utf8');
      const hash = (await import('node:crypto')).createHash('sha256').update(source).digest('hex');
      expect(readFileSync(join(entries, `${hash}.js`), 'utf8')).toBe(stripTypeScriptTypes(source));
    }
  });
});

describe('the hook in a service\'s NODE_OPTIONS', () => {
  it('comes after the V8 flags and before an operator\'s options, as a file: URL', () => {
    const options = withMemorySettings({ NODE_OPTIONS: '--import=./mine.mjs' }).NODE_OPTIONS!.split(' ');
    expect(options.slice(-2)).toEqual([`--import=${TS_CACHE_HOOKS}`, '--import=./mine.mjs']);
    expect(TS_CACHE_HOOKS).toMatch(/^file:\/\/\/.+\/scripts\/ts-cache\/hooks\.mjs$/);
  });

  it('is plain JavaScript, so that loading it loads no stripper', async () => {
    const { stdout } = await run(process.execPath, ['-p', `process.moduleLoadList.includes('${AMARO}')`], { env: withMemorySettings({ PATH: process.env.PATH }) });
    expect(stdout.trim()).toBe('false');
  });
});
