/**
 * Child processes of the benchmark, each in a process group of its own (a terminal's Ctrl-C reaches the
 * benchmark alone, which then stops them in order), every one registered so that any way out of the
 * benchmark stops them: a normal end, an error, SIGINT, SIGTERM, SIGHUP, and `exit` as the last resort.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  name: string;
  pid: number;
  process: ChildProcess;
  exited(): boolean;
  /** Polls `url` until it answers 2xx; fails at once if the process exits first. */
  waitForUrl(url: string, timeoutMs: number): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs` (10 s). */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<Child>();

export function spawnChild(name: string, args: string[], options: { env: NodeJS.ProcessEnv; output: number | 'ignore' | 'inherit' }): Child {
  const child = spawn(process.execPath, args, { env: options.env, stdio: ['ignore', options.output, options.output], detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const handle: Child = {
    name,
    pid: child.pid,
    process: child,
    exited,
    async waitForUrl(url, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (exited()) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before ${url} answered; see its log`);
        try {
          const response = await fetch(url);
          if (response.ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((done) => setTimeout(done, 250));
      }
      throw new Error(`${name}: ${url} did not answer within ${timeoutMs / 1000} s`);
    },
    stop(graceMs = 10_000) {
      return new Promise((done) => {
        if (exited()) {
          running.delete(handle);
          return done();
        }
        const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
          clearTimeout(kill);
          running.delete(handle);
          done();
        });
        child.kill('SIGTERM');
      });
    },
  };
  running.add(handle);
  child.once('exit', () => running.delete(handle));
  return handle;
}

/** Stops every child still running, the last started first. */
export async function stopAllChildren(): Promise<void> {
  for (const child of [...running].reverse()) await child.stop();
}

let cleanup: (() => Promise<void>) | undefined;
let signalled = false;

/** Whether a signal is stopping the benchmark (errors that follow are its consequence, not failures). */
export function interrupted(): boolean {
  return signalled;
}

/**
 * Runs `stop` once on SIGINT, SIGTERM or SIGHUP, then exits (130 for SIGINT). On `exit` (a crash, or a
 * process.exit elsewhere), whatever still runs gets SIGKILL: nothing is left behind.
 */
export function stopEverythingOnExit(stop: () => Promise<void>): void {
  cleanup = stop;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    signalled = true;
    console.error(`\n${signal}: stopping the benchmark's processes…`);
    void cleanup!()
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('exit', () => {
    for (const child of running) if (!child.exited()) child.process.kill('SIGKILL');
  });
}
