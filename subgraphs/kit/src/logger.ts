import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs, one line per event; `service` tells the processes apart in a shared stream. */
export function createLogger(service: string): Logger {
  return pino({
    name: service,
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'req.headers["x-commerce-identity"]'], remove: true },
  });
}
