/**
 * `node scripts/ts-cache-cli.ts`: fills the cache of stripped .ts modules (scripts/ts-cache/build.ts) and
 * prunes it. The runner runs it as a one-shot before it starts anything, the Docker image at build; the
 * cache only saves memory, so a failure here is logged and the services start all the same.
 */
import { createLogger } from '#kit/logger.ts';
import { buildTsCache, cacheDir } from './ts-cache/build.ts';

// stripTypeScriptTypes says once per process that it is experimental: noise in the runner's log and the
// image build, where it is expected. Every other warning still goes to Node's own printer.
const printers = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && warning.message.includes('stripTypeScriptTypes')) return;
  for (const print of printers) print(warning);
});

const log = createLogger('runner');
const started = performance.now();
try {
  const dir = cacheDir();
  const { sources, written, pruned, failed } = buildTsCache(undefined, dir);
  for (const { file, message } of failed) log.warn({ file, err: message }, 'Node cannot strip the types of this file; it is left out of the cache');
  const ms = Math.round(performance.now() - started);
  (written + pruned > 0 ? log.info.bind(log) : log.debug.bind(log))({ dir, sources, written, pruned, ms }, 'stripped TypeScript cache');
} catch (error) {
  log.warn({ err: error }, 'could not build the stripped TypeScript cache; services strip their own (more memory)');
}
