/**
 * The services' logs stay in the run's temporary folder (deleted after a successful run); their warnings
 * and errors are worth keeping beside the results: a restart, a timeout, a failed event handler explain a
 * strange row. pino writes JSON lines, `level` 40 and above being warn, error and fatal.
 */
import { createReadStream, createWriteStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Copies every warning and error line of `dir`'s logs to `target`, each prefixed with its file; how many. */
export async function keepWarnings(dir: string, target: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  let kept = 0;
  const out = createWriteStream(target);
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.log')).sort()) {
    const lines = createInterface({ input: createReadStream(join(dir, file)), crlfDelay: Infinity });
    for await (const line of lines) {
      const level = /"level":(\d+)/.exec(line)?.[1];
      // Not JSON: the runner's banner, or a crash's stack trace on stderr, which is the interesting kind.
      if ((level !== undefined && Number(level) >= 40) || (level === undefined && /error|Error|^\s+at /.test(line))) {
        out.write(`${file}: ${line}\n`);
        kept++;
      }
    }
  }
  await new Promise<void>((done) => out.end(done));
  return kept;
}
