import { resolve } from 'node:path';
import type { Logger } from '#kit/logger.ts';
import { runOnce } from '../one-shot.ts';
import { TS_CACHE_HOOKS } from '../process-memory.ts';

/**
 * Fills the stripped-module cache in a one-shot process (scripts/ts-cache-cli.ts), before the runner starts
 * any service, so that each loads its modules already stripped (hooks.mjs, which the builder too runs faster
 * with). The cache only saves memory: a failure is logged and everything starts all the same.
 */
export async function stripSourcesInChild(log: Logger): Promise<void> {
  await runOnce('stripping the TypeScript sources', [`--import=${TS_CACHE_HOOKS}`, resolve(import.meta.dirname, '..', 'ts-cache-cli.ts')]).catch((error: unknown) =>
    log.warn({ err: error }, 'the stripped TypeScript cache was not built; each service strips its own sources (more memory)'),
  );
}
