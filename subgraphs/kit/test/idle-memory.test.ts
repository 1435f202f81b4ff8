import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { idleSecondsFromEnv } from '../src/idle-memory.ts';

/**
 * A real process (idle-memory.ts acts on V8's own heap, which a test process shares with everything else):
 * it churns a large heap, works flat out for two seconds, then goes quiet, printing its RSS as it goes.
 */

const IDLE_MEMORY = new URL('../src/idle-memory.ts', import.meta.url).href;

interface Sample {
  phase: 'busy' | 'quiet';
  rss: number;
  collections: number;
}

const CHILD = `
import { returnMemoryWhenIdle } from ${JSON.stringify(IDLE_MEMORY)};
const idle = returnMemoryWhenIdle({ idleSeconds: Number(process.env.IDLE_SECONDS) });
const say = (phase) => console.log(JSON.stringify({ phase, rss: process.memoryUsage.rss(), collections: idle.collections }));
// A burst: some 50 MB of objects, four times over that live long enough to be promoted, then die.
for (let round = 0; round < 4; round++) {
  let keep = [];
  for (let i = 0; i < 300000; i++) keep.push({ i, text: 'item ' + i, list: [i, i + 1] });
  keep = null;
  await new Promise((resolve) => setImmediate(resolve));
}
// Two seconds of work with the event loop kept busy: no collection may run in them.
const busyUntil = Date.now() + 2000;
while (Date.now() < busyUntil) {
  const spinUntil = Date.now() + 40;
  while (Date.now() < spinUntil);
  say('busy');
  await new Promise((resolve) => setImmediate(resolve));
}
// Quiet: a sample every 250 ms.
const quietUntil = Date.now() + Number(process.env.QUIET_MS);
while (Date.now() < quietUntil) {
  say('quiet');
  await new Promise((resolve) => setTimeout(resolve, 250));
}
process.exit(0);
`;

async function run(idleSeconds: number, quietMs: number): Promise<Sample[]> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, IDLE_SECONDS: String(idleSeconds), QUIET_MS: String(quietMs) },
  });
  let text = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Sample);
}

const MB = 1024 * 1024;

describe('memory given back when idle', () => {
  it('collects once the process has been quiet, never while it is busy, and its RSS falls', async () => {
    const samples = await run(1, 3500);
    const busy = samples.filter((sample) => sample.phase === 'busy');
    const quiet = samples.filter((sample) => sample.phase === 'quiet');
    expect(busy.length).toBeGreaterThan(10);
    expect(busy.every((sample) => sample.collections === 0)).toBe(true);
    const first = quiet.findIndex((sample) => sample.collections > 0);
    expect(first).toBeGreaterThan(0);
    // Once, not every second: the process did not grow again after it.
    expect(quiet.at(-1)?.collections).toBe(1);
    const held = Math.min(...quiet.slice(0, first).map((sample) => sample.rss));
    expect(quiet[first]!.rss).toBeLessThan(held - 30 * MB);
  });

  it('turned off, collects nothing, and the process keeps what its burst took (the reason for it)', async () => {
    const samples = await run(0, 2500);
    const quiet = samples.filter((sample) => sample.phase === 'quiet');
    expect(samples.every((sample) => sample.collections === 0)).toBe(true);
    expect(quiet.at(-1)!.rss).toBeGreaterThan(quiet[0]!.rss - 15 * MB);
  });

  it('reads IDLE_MEMORY_SECONDS: 10 by default, 0 to turn it off, and refuses nonsense', () => {
    expect(idleSecondsFromEnv({})).toBe(10);
    expect(idleSecondsFromEnv({ IDLE_MEMORY_SECONDS: '0' })).toBe(0);
    expect(idleSecondsFromEnv({ IDLE_MEMORY_SECONDS: '30' })).toBe(30);
    expect(() => idleSecondsFromEnv({ IDLE_MEMORY_SECONDS: 'soon' })).toThrow(/IDLE_MEMORY_SECONDS/);
    expect(() => idleSecondsFromEnv({ IDLE_MEMORY_SECONDS: '-1' })).toThrow(/IDLE_MEMORY_SECONDS/);
  });
});
