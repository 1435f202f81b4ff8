/**
 * Preloaded into the system's processes by the benchmark (NODE_OPTIONS=--import), and inert unless
 * BENCH_STRIPE_REDIRECT is set: then the Stripe SDK's HTTPS requests to api.stripe.com go, as plain HTTP,
 * to stripe-local at that URL.
 *
 * Why: production mode refuses STRIPE_API_URL (a stand-in must never take a live shop's payments;
 * subgraphs/kit/src/payments/stripe-client.ts), and the benchmark runs the system in production mode. So
 * the orders service keeps its production configuration, Stripe's own host, and the request is diverted
 * beneath it, as nock does in tests. The SDK calls `https.request` on the module object for exactly this
 * kind of interception (stripe/esm/net/NodeHttpClient.js).
 */
import http from 'node:http';
import https from 'node:https';

const target = process.env.BENCH_STRIPE_REDIRECT;
if (target) {
  const url = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const original = https.request;
  const redirected = function (this: unknown, ...args: unknown[]) {
    const [options] = args;
    if (options && typeof options === 'object' && !(options instanceof URL)) {
      const given = options as https.RequestOptions;
      if ((given.host ?? given.hostname) === 'api.stripe.com') {
        const { agent: _tls, ciphers: _ciphers, ...plain } = given;
        return http.request({ ...plain, protocol: 'http:', host: url.hostname, hostname: url.hostname, port: Number(url.port), agent }, ...(args.slice(1) as []));
      }
    }
    return (original as (...a: unknown[]) => http.ClientRequest).apply(this, args);
  };
  https.request = redirected as typeof https.request;
}
