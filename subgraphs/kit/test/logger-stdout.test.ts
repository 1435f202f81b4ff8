import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * The production destination buffers JSON lines (logger.ts, `bufferedStdout`): these run a real process
 * writing to a real pipe and check that no line is lost or held back for good.
 */

const LOGGER = new URL('../src/logger.ts', import.meta.url).href;

interface Child {
  /** Lines read so far from the child's stdout. */
  lines(): string[];
  /** Resolves when the child exits, with its exit code. */
  exited: Promise<number | null>;
  /** Resolves once `count` lines have arrived; rejects if the child exits first. */
  waitForLines(count: number): Promise<void>;
  kill(): void;
}

function runLogging(body: string): Child {
  const source = `import { createLogger } from ${JSON.stringify(LOGGER)};\nconst log = createLogger('probe', { format: 'json', level: 'info' });\n${body}`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
  let text = '';
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const lines = () => text.split('\n').filter(Boolean);
  return {
    lines,
    exited,
    async waitForLines(count) {
      let done = false;
      void exited.then(() => (done = true));
      while (lines().length < count) {
        if (done) throw new Error(`the child exited with ${lines().length} of ${count} lines written`);
        await Promise.race([new Promise<void>((resolve) => waiters.push(resolve)), exited]);
      }
    },
    kill: () => child.kill('SIGKILL'),
  };
}

describe('the buffered stdout destination', () => {
  it('writes every line, in order, when the process exits right after logging', async () => {
    const child = runLogging(`for (let i = 0; i < 2000; i++) log.info({ i }, 'line'); process.exit(0);`);
    expect(await child.exited).toBe(0);
    const numbers = child.lines().map((line) => (JSON.parse(line) as { i: number }).i);
    expect(numbers).toEqual(Array.from({ length: 2000 }, (_, i) => i));
  });

  it('writes the lines logged before an uncaught exception ends the process', async () => {
    const child = runLogging(`log.info('before'); log.error('about to fail'); setImmediate(() => { throw new Error('boom'); });`);
    expect(await child.exited).not.toBe(0);
    expect(child.lines().map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['before', 'about to fail']);
  });

  it('does not hold a quiet process’s last line back until more arrive', async () => {
    // Far below the 4 KiB the buffer waits for: only the periodic flush can write it while the process idles.
    const child = runLogging(`log.info('ready'); setInterval(() => {}, 1000);`);
    try {
      await child.waitForLines(1);
      expect(JSON.parse(child.lines()[0]!)).toMatchObject({ msg: 'ready', service: 'probe' });
    } finally {
      child.kill();
    }
  });
});
