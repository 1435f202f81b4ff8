import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '#kit/logger.ts';

/**
 * Serves the committed supergraph file and, when `watchForChanges` is on (development), hands the gateway
 * each new version after `npm run compose` rewrites it. A file that fails to load leaves the running
 * schema in place.
 */
export function supergraphFromFile(path: string, options: { watchForChanges: boolean; log: Logger }): SupergraphSdlHook {
  return async ({ update }) => {
    const supergraphSdl = await readFile(path, 'utf8');
    if (!options.watchForChanges) return { supergraphSdl };
    let last = supergraphSdl;
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(path, () => {
      // Editors and compose write in several steps: settle before reading.
      clearTimeout(timer);
      timer = setTimeout(async () => {
        try {
          const next = await readFile(path, 'utf8');
          if (next === last || next.trim() === '') return;
          update(next);
          last = next;
          options.log.info({ path }, 'supergraph reloaded');
        } catch (error) {
          options.log.error({ err: error, path }, 'supergraph reload failed; keeping the current schema');
        }
      }, 100);
    });
    return {
      supergraphSdl,
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
      },
    };
  };
}
