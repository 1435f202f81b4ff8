import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

/** Listens and resolves to the GraphQL URL (port 0 picks a free port). */
export function listen(httpServer: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      const { port: bound } = httpServer.address() as AddressInfo;
      resolve(`http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}/graphql`);
    });
  });
}

/**
 * On SIGTERM or SIGINT, runs `stop` once (finish in-flight requests, close pools) and exits, so a rolling
 * restart or Ctrl-C drops nothing. Under `npm start` the same happens when the runner goes away.
 */
export function stopOnSignals(log: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    try {
      await stop();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  // First in line: of two concurrent apollo.stop() calls the second never returns, so should anything
  // else stop Apollo on a signal (its own handlers are off: stopOnTerminationSignals), `stop` must go first.
  process.prependListener('SIGTERM', () => void handle('SIGTERM'));
  process.prependListener('SIGINT', () => void handle('SIGINT'));
  // The runner spawns its services with an IPC channel and out of the terminal's process group (so that
  // it alone decides the order of shutdown); the channel closing is how they learn it was killed.
  if (process.send) {
    if (process.connected) process.on('disconnect', () => void handle('runner gone'));
    else void handle('runner gone');
  }
}
