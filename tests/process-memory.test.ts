import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MALLOC_SETTINGS, NODE_MEMORY_OPTIONS, serviceNodeOptions, TS_CACHE_HOOKS, withMemorySettings } from '../scripts/process-memory.ts';

const heapOf = (env: NodeJS.ProcessEnv) =>
  JSON.parse(
    execFileSync(process.execPath, ['-e', 'console.log(JSON.stringify({ limit: require("v8").getHeapStatistics().heap_size_limit, env: process.env.MALLOC_ARENA_MAX }))'], {
      env,
      encoding: 'utf8',
    }),
  ) as { limit: number; env: string | undefined };

describe('the memory settings of service processes', () => {
  it('put its V8 flags and the stripped-TypeScript hook first in NODE_OPTIONS, so an operator\'s own flags (later) win', () => {
    const env = withMemorySettings({ PATH: process.env.PATH, NODE_OPTIONS: '--max-old-space-size=1024 --enable-source-maps' });
    expect(serviceNodeOptions()).toEqual([...NODE_MEMORY_OPTIONS, `--import=${TS_CACHE_HOOKS}`]);
    expect(env.NODE_OPTIONS).toBe(`${serviceNodeOptions().join(' ')} --max-old-space-size=1024 --enable-source-maps`);
    expect(env.PATH).toBe(process.env.PATH);
  });

  it('keep the MALLOC_ variables the environment sets, and set the others', () => {
    expect(withMemorySettings({})).toMatchObject(MALLOC_SETTINGS);
    const env = withMemorySettings({ MALLOC_ARENA_MAX: '4' });
    expect(env.MALLOC_ARENA_MAX).toBe('4');
    expect(env.MALLOC_TRIM_THRESHOLD_).toBe(MALLOC_SETTINGS.MALLOC_TRIM_THRESHOLD_);
  });

  it('are flags Node accepts in NODE_OPTIONS, and they take effect', () => {
    // Many V8 flags are refused there (Node exits at once): only the few it allows may be listed.
    const MiB = 1024 * 1024;
    const limited = heapOf(withMemorySettings({ PATH: process.env.PATH }));
    expect(limited.env).toBe(MALLOC_SETTINGS.MALLOC_ARENA_MAX);
    // 512 MB of old generation and three 16 MB semi-spaces' worth of young generation (4 GB by default here).
    expect(limited.limit).toBeLessThan(600 * MiB);
    const overridden = heapOf(withMemorySettings({ PATH: process.env.PATH, NODE_OPTIONS: '--max-old-space-size=2048' }));
    expect(overridden.limit).toBeGreaterThan(2048 * MiB);
  });
});
