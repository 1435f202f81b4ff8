import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { subgraphs } from '../../subgraphs/index.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

describe('key sets', () => {
  it('`npm run keys -- <folder>` writes one pair per process and refuses to overwrite a set', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'keyset-')), 'keys');
    try {
      await run(process.execPath, [join(root, 'scripts/keys.ts'), dir], { cwd: root });
      const expected = ['gateway', ...subgraphs.map((s) => s.name)].flatMap((p) => [`${p}.key`, `${p}.pub`]).sort();
      expect((await readdir(dir)).sort()).toEqual(expected);
      await expect(run(process.execPath, [join(root, 'scripts/keys.ts'), dir], { cwd: root })).rejects.toMatchObject({ code: 1 });
    } finally {
      await rm(join(dir, '..'), { recursive: true, force: true });
    }
  });

  it('a process in production refuses to start without its keys, naming what is missing', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'fatal', KEYS_DIR: '', PORT: '0', DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' };
    for (const key of Object.keys(env)) if (key.endsWith('_PRIVATE_KEY') || key.endsWith('_PUBLIC_KEY')) delete env[key];
    for (const main of ['gateway/src/main.ts', 'subgraphs/inventory/src/main.ts']) {
      const failure = await run(process.execPath, [join(root, main)], { cwd: root, env }).catch((error) => error);
      expect(failure.code, main).toBe(1);
      expect(failure.stdout + failure.stderr).toMatch(/No private key for (gateway|inventory)/);
    }
  });
});
