import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from '#kit';

export interface ProcessSpec {
  name: string;
  /** Arguments to Node 24 (the runner's own binary): the script and its flags. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Polled after (re)start; the process counts as up once it answers 200. */
  readyUrl: string;
}

const READY_TIMEOUT_MS = 60_000;
const MAX_BACKOFF_MS = 30_000;
/** A process that stayed up this long has recovered: its next crash restarts without delay. */
const HEALTHY_AFTER_MS = 60_000;

/**
 * Runs each service as its own Node process, restarts one that exits unexpectedly (with backoff so a
 * crash loop does not spin), and on stop sends SIGTERM to all and waits for their graceful shutdown.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;
  private readonly log: Logger;

  constructor(log: Logger) {
    this.log = log;
  }

  async start(spec: ProcessSpec): Promise<void> {
    this.launch(spec, 0);
    await waitUntilReady(spec, () => this.stopping);
  }

  private launch(spec: ProcessSpec, restarts: number): void {
    const startedAt = Date.now();
    const child = spawn(process.execPath, spec.args, { env: spec.env, stdio: ['ignore', 'inherit', 'inherit'] });
    this.children.set(spec.name, child);
    child.on('exit', (code, signal) => {
      this.children.delete(spec.name);
      if (this.stopping) return;
      const recovered = Date.now() - startedAt > HEALTHY_AFTER_MS;
      const attempt = recovered ? 0 : restarts + 1;
      const delay = attempt === 0 ? 0 : Math.min(MAX_BACKOFF_MS, 500 * 2 ** (attempt - 1));
      this.log.warn({ process: spec.name, code, signal, restartInMs: delay }, `${spec.name} exited; restarting`);
      setTimeout(() => {
        if (!this.stopping) this.launch(spec, attempt);
      }, delay).unref();
    });
  }

  async stopAll(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const kill = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
            child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}

async function waitUntilReady(spec: ProcessSpec, cancelled: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !cancelled()) {
    try {
      const response = await fetch(spec.readyUrl);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!cancelled()) throw new Error(`${spec.name} did not become ready at ${spec.readyUrl} within ${READY_TIMEOUT_MS / 1000}s`);
}
