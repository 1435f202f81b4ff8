import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from '#kit/logger.ts';

export interface ClientSummary {
  client: string;
  requests: number;
  /** Requests answered with at least one error (refusals included). */
  errors: number;
  /** Latency percentiles over the period, in milliseconds. */
  p50: number;
  p95: number;
}

export interface ClientMetricsOptions {
  /** How often the summary is logged (60 s); 0 logs it only when the server stops. */
  intervalMs?: number;
  /**
   * Latencies kept per client and period for the percentiles (10,000). Beyond that, a uniform sample of
   * the period's requests (reservoir sampling), so memory stays flat under any load; counts stay exact.
   */
  maxSamples?: number;
}

interface Window {
  requests: number;
  errors: number;
  samples: number[];
}

/**
 * Per-client request counts, error counts and latency percentiles, logged as one `graphql clients` line
 * per client that sent anything in the period (`{ client, requests, errors, p50, p95, periodSeconds }`).
 * The request log feeds it (`record`); its plugin starts and stops the timer with the server.
 */
export class ClientMetrics {
  private windows = new Map<string, Window>();
  private periodStart = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private readonly log: Logger;
  private readonly intervalMs: number;
  private readonly maxSamples: number;

  constructor(log: Logger, options: ClientMetricsOptions = {}) {
    this.log = log;
    this.intervalMs = options.intervalMs ?? 60_000;
    this.maxSamples = options.maxSamples ?? 10_000;
  }

  record(client: string, ms: number, failed: boolean): void {
    let window = this.windows.get(client);
    if (!window) this.windows.set(client, (window = { requests: 0, errors: 0, samples: [] }));
    window.requests++;
    if (failed) window.errors++;
    if (window.samples.length < this.maxSamples) window.samples.push(ms);
    else {
      const slot = Math.floor(Math.random() * window.requests);
      if (slot < this.maxSamples) window.samples[slot] = ms;
    }
  }

  /** The period's summaries, and a new period. */
  take(): ClientSummary[] {
    const windows = this.windows;
    this.windows = new Map();
    this.periodStart = performance.now();
    return [...windows]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([client, { requests, errors, samples }]) => {
        const sorted = samples.sort((a, b) => a - b);
        return { client, requests, errors, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
      });
  }

  /** Logs the period's summaries (nothing when no request came). */
  flush(): void {
    const periodSeconds = Math.round((performance.now() - this.periodStart) / 1000);
    for (const summary of this.take()) this.log.info({ ...summary, periodSeconds }, 'graphql clients');
  }

  /** Starts the periodic summary with the server, and logs the last one as it stops. */
  plugin<T extends BaseContext>(): ApolloServerPlugin<T> {
    return {
      serverWillStart: async () => {
        if (this.intervalMs > 0) {
          this.timer = setInterval(() => this.flush(), this.intervalMs);
          this.timer.unref();
        }
        return {
          serverWillStop: async () => {
            clearInterval(this.timer);
            this.flush();
          },
        };
      },
    };
  }
}

/** Nearest-rank percentile of sorted values (0 for none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
