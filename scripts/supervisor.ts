import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Logger } from '#kit';
import { withMemorySettings } from './process-memory.ts';

export interface ProcessSpec {
  name: string;
  /** Arguments to Node 24 (the runner's own binary): the script and its flags. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Polled after (re)start; the process counts as up once it answers 200. */
  readyUrl: string;
}

/**
 * A service's arguments to Node: its main.ts, or, when `<NAME>_WORKERS` (else WEB_CONCURRENCY) asks for more
 * than one process, that many of it sharing its port under workers.ts. One by default: on a small machine
 * the services already share the cores between them (README, "Ports").
 */
export function serviceArgs(name: string, script: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env[`${name.toUpperCase()}_WORKERS`] || env.WEB_CONCURRENCY || '1';
  const workers = Number(raw);
  if (!Number.isSafeInteger(workers) || workers < 1) throw new Error(`${name.toUpperCase()}_WORKERS (or WEB_CONCURRENCY) must be a whole number of at least 1, not "${raw}"`);
  return workers === 1 ? [script] : [resolve(import.meta.dirname, 'workers.ts'), String(workers), script];
}

const READY_TIMEOUT_MS = 60_000;
const MAX_BACKOFF_MS = 30_000;
/** A process that stayed up this long has recovered: its next crash restarts without delay. */
const HEALTHY_AFTER_MS = 60_000;

/**
 * Runs each service as its own Node process, restarts one that exits unexpectedly (with backoff so a
 * crash loop does not spin), and on stop sends SIGTERM and waits for their graceful shutdown, the
 * processes started last first.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  /**
   * Per process, how many others were up when it was started: it may depend on those, so it stops
   * before them. Processes started side by side share a tier and stop together.
   */
  private readonly tiers = new Map<string, number>();
  private up = 0;
  private stopping = false;
  private readonly log: Logger;

  constructor(log: Logger) {
    this.log = log;
  }

  async start(spec: ProcessSpec): Promise<void> {
    this.tiers.set(spec.name, this.up);
    this.launch(spec, 0);
    await waitUntilReady(spec, () => this.stopping);
    this.up++;
  }

  private launch(spec: ProcessSpec, restarts: number): void {
    const startedAt = Date.now();
    // Detached: a terminal's Ctrl-C reaches the runner alone, which then stops the processes in order. The
    // IPC channel tells a process when the runner is gone (see stopOnSignals), even after a SIGKILL.
    // With the memory settings (process-memory.ts): Node's defaults let each process keep 2-3 times the memory it uses.
    const child = spawn(process.execPath, spec.args, { env: withMemorySettings(spec.env), stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true });
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

  /** The default outlasts Apollo Server's drain, which closes connections still open after 10 s. */
  async stopAll(timeoutMs = 15_000): Promise<void> {
    this.stopping = true;
    const tiers = [...new Set(this.tiers.values())].sort((a, b) => b - a);
    for (const tier of tiers) {
      const names = [...this.tiers].filter(([, t]) => t === tier).map(([name]) => name);
      await Promise.all(names.map((name) => this.stop(name, timeoutMs)));
    }
  }

  private stop(name: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const child = this.children.get(name);
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => {
        this.log.error({ process: name, timeoutMs }, `${name} did not stop in time; killing it`);
        child.kill('SIGKILL');
      }, timeoutMs);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
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
