import { spawn, type ChildProcess } from 'node:child_process';

/** The one-shot processes still running, for the runner to stop if it stops first. */
const running = new Set<ChildProcess>();

/**
 * Runs a Node script (the runner's own binary) to completion, its output on the runner's, and resolves
 * with the last message it sent over IPC. A one-shot rather than an import: module code is never
 * unloaded, so work the runner does once (migrations, the seed, Vite) would stay in its memory for good.
 * Rejects when the script exits other than with 0, naming it; the script has logged why.
 */
export function runOnce<T = unknown>(what: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    // Not detached: a terminal's Ctrl-C reaches it with the runner, and it stops when the runner goes (IPC).
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    running.add(child);
    let result: T | undefined;
    child.on('message', (message) => (result = message as T));
    child.once('error', (error) => {
      running.delete(child);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve(result);
      else reject(new Error(`${what} failed (${signal ? `signal ${signal}` : `exit code ${code}`}); its log is above`));
    });
  });
}

/** Stops the one-shot processes still running (the runner is stopping). */
export function stopOneShots(): void {
  for (const child of running) child.kill('SIGTERM');
}
