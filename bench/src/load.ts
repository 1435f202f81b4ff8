/**
 * One load round with autocannon: a warm-up, then the measured part, each request built by the operation
 * (rotating its fixtures) and each answer checked: non-2xx, GraphQL `errors` and a mutation's `userErrors`
 * all count as errors, by kind; the gateway's X-Cache header is tallied so the report shows what the
 * shared response cache did.
 */
import autocannon from 'autocannon';

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  /** Answers received in the measured time. */
  requests: number;
  /** Requests sent, answered or not when the round ended: the denominator of per-operation costs. */
  sent: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  /** e.g. { "HTTP 429": 3, "GraphQL INTERNAL_SERVER_ERROR": 1 }. */
  errorKinds: Record<string, number>;
  /** X-Cache values (HIT, MISS, BYPASS) by count; `none` without the header. */
  cache: Record<string, number>;
  /** Connection errors and timeouts (autocannon's own count). */
  transportErrors: number;
}

export interface RoundPlan {
  /** The target's origin, e.g. http://127.0.0.1:31000. */
  origin: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration: number;
  /** A fixed number of requests instead of a duration (single-use fixtures). */
  amount?: number;
  /** The next request to send; called once per request, from every connection. */
  next(): HttpRequest;
  /** Classifies an answer: null when it is a success. */
  check(status: number, body: string, encoding?: string): string | null;
  timeoutSeconds?: number;
}

export async function runLoad(plan: RoundPlan): Promise<LoadResult> {
  const errorKinds: Record<string, number> = {};
  const cache: Record<string, number> = {};
  let errors = 0;
  const result = await autocannon({
    url: plan.origin,
    connections: plan.connections,
    ...(plan.amount !== undefined ? { amount: plan.amount } : { duration: plan.duration }),
    timeout: plan.timeoutSeconds ?? 30,
    requests: [
      {
        setupRequest: (request: any) => {
          const next = plan.next();
          request.method = next.method;
          request.path = next.path;
          request.headers = next.headers;
          request.body = next.body ?? Buffer.alloc(0);
          return request;
        },
        onResponse: (status: number, body: string, _context: unknown, headers: Record<string, string | string[]>) => {
          const value = headers['x-cache'] ?? headers['X-Cache'];
          const status_ = typeof value === 'string' ? value : 'none';
          cache[status_] = (cache[status_] ?? 0) + 1;
          const encoding = headers['content-encoding'] ?? headers['Content-Encoding'];
          const failure = plan.check(status, body, typeof encoding === 'string' ? encoding : undefined);
          if (failure) {
            errors++;
            errorKinds[failure] = (errorKinds[failure] ?? 0) + 1;
          }
        },
      },
    ],
  });
  const requests = result.requests.total;
  return {
    requests,
    sent: Math.max(result.requests.sent ?? requests, requests),
    seconds: result.duration,
    perSecond: result.duration > 0 ? requests / result.duration : 0,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: errors + result.errors,
    errorKinds: result.errors > 0 ? { ...errorKinds, transport: result.errors } : errorKinds,
    cache,
    transportErrors: result.errors,
  };
}
