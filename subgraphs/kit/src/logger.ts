import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { PrettyOptions } from 'pino-pretty';

export type { Logger };

/** `json`: one JSON object per line (production, and whenever piped); `pretty`: for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

export interface LogFormatInput {
  /** `LOG_FORMAT`: `pretty` or `json` wins over everything else. */
  logFormat?: string | undefined;
  /** `NODE_ENV`: `production` means JSON unless `LOG_FORMAT` says otherwise. */
  nodeEnv?: string | undefined;
  /** Whether stdout is a terminal (`process.stdout.isTTY`). */
  isTTY?: boolean | undefined;
}

/**
 * Which format to log in: `LOG_FORMAT` when set; otherwise pretty on a terminal outside production, JSON
 * everywhere else (production, piped into a file or a log collector, under a supervisor that captures output).
 * An unknown `LOG_FORMAT` is a mistake to fix, not to guess around: it throws.
 */
export function chooseLogFormat({ logFormat, nodeEnv, isTTY }: LogFormatInput): LogFormat {
  const explicit = logFormat?.trim().toLowerCase();
  if (explicit === 'pretty' || explicit === 'json') return explicit;
  if (explicit) throw new Error(`LOG_FORMAT must be "pretty" or "json", not "${logFormat}".`);
  return isTTY === true && nodeEnv !== 'production' ? 'pretty' : 'json';
}

export interface LoggerOptions {
  /** Overrides the choice from `LOG_FORMAT`, `NODE_ENV` and the terminal. */
  format?: LogFormat;
  /** Where lines go (stdout by default); tests pass a collector. */
  destination?: { write(line: string): unknown };
  /** Overrides `LOG_LEVEL`. */
  level?: string;
}

type PrettyFactory = (options: PrettyOptions) => (line: string) => string;

/** pino-pretty is a dev dependency: absent from the production image, where logs are JSON anyway. */
function loadPrettyFactory(): PrettyFactory | undefined {
  try {
    return (createRequire(import.meta.url)('pino-pretty') as { prettyFactory: PrettyFactory }).prettyFactory;
  } catch {
    return undefined;
  }
}

/**
 * A synchronous destination that turns each JSON line into a readable one (pino-pretty's `prettyFactory`,
 * in-process: no worker thread, and no line lost when the process exits right after logging).
 */
function prettyDestination(prettyFactory: PrettyFactory, out: { write(line: string): unknown }): DestinationStream {
  const prettify = prettyFactory({
    translateTime: 'SYS:HH:MM:ss.l',
    // `name` already shows the service: "INFO (gateway): …".
    ignore: 'pid,hostname,service',
    singleLine: false,
  });
  return { write: (line: string) => void out.write(prettify(line)) };
}

/** How long a JSON line may wait in the buffer of `bufferedStdout` before it is written. */
export const LOG_FLUSH_MS = 200;

/**
 * stdout for JSON lines, written a few kilobytes at a time. pino's own default hands every line to libuv's
 * thread pool as a write of its own: under the bench's listing that was one thread hand-off, one write and
 * one wake-up of the event loop per request in each process, 3-5% of a subgraph's CPU. Buffered, a busy
 * process writes once per 4 KiB of lines; a quiet one within LOG_FLUSH_MS. pino flushes what is left when
 * the process exits, an uncaught exception included; only a process killed outright loses the last lines.
 */
function bufferedStdout(): DestinationStream {
  return pino.destination({ dest: process.stdout.fd ?? 1, sync: false, minLength: 4096, periodicFlush: LOG_FLUSH_MS });
}

/**
 * Logs with `service` on every line, to tell the processes apart in a shared stream. JSON lines in production
 * and when stdout is not a terminal; human-readable on a developer's terminal (see `chooseLogFormat`).
 */
export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  const format = options.format ?? chooseLogFormat({ logFormat: process.env.LOG_FORMAT, nodeEnv: process.env.NODE_ENV, isTTY: process.stdout.isTTY });
  const out = options.destination ?? process.stdout;
  const prettyFactory = format === 'pretty' ? loadPrettyFactory() : undefined;
  const logger = pino(
    {
      name: service,
      level: options.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers.authorization', 'req.headers["x-commerce-identity"]'], remove: true },
    },
    prettyFactory ? prettyDestination(prettyFactory, out) : options.destination ? (out as DestinationStream) : bufferedStdout(),
  );
  if (format === 'pretty' && !prettyFactory) logger.warn('LOG_FORMAT=pretty, but pino-pretty (a dev dependency) is not installed: logging JSON lines');
  return logger;
}
