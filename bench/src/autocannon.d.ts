/** The part of autocannon 9's API the benchmark uses (the package ships no types; its README is the reference). */
declare module 'autocannon' {
  namespace autocannon {
    interface Histogram {
      average: number;
      p50: number;
      p90: number;
      p99: number;
      total: number;
      /** On `requests` only: sent, answered or not. */
      sent?: number;
    }
    interface Request {
      setupRequest?: (request: any, context: object) => any;
      onResponse?: (status: number, body: string, context: object, headers: Record<string, string | string[]>) => void;
    }
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      timeout?: number;
      requests?: Request[];
    }
    interface Result {
      requests: Histogram;
      latency: Histogram;
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
