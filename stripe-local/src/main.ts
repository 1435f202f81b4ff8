/**
 * stripe-local as a process, for `npm start` without STRIPE_SECRET_KEY. Reads:
 *   STRIPE_WEBHOOK_SECRET       required; the orders service verifies deliveries with the same value
 *   STRIPE_LOCAL_WEBHOOK_URL    where to deliver events (npm start: the gateway's http://127.0.0.1:4000/webhooks/stripe)
 *   STRIPE_LOCAL_AUTO_DELIVER   `0` turns off delivery as events happen (on by default here)
 *   PORT or STRIPE_LOCAL_PORT   12111 by default (stripe-mock's port); HOST, 127.0.0.1 by default
 */
import { createLogger, idleSecondsFromEnv, isProduction, portFor, returnMemoryWhenIdle, stopOnSignals } from '#kit';
import { startStripeLocal } from './server.ts';

const log = createLogger('stripe-local');
try {
  if (isProduction()) throw new Error('stripe-local is a development and test stand-in for Stripe; it does not run with NODE_ENV=production.');
  const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!webhookSecret) throw new Error('Set STRIPE_WEBHOOK_SECRET: stripe-local signs its webhook deliveries with it.');
  const webhookUrl = process.env.STRIPE_LOCAL_WEBHOOK_URL || undefined;
  const autoDeliver = process.env.STRIPE_LOCAL_AUTO_DELIVER !== '0';
  const server = await startStripeLocal({
    port: portFor('stripe_local', 12111),
    host: process.env.HOST ?? '127.0.0.1',
    webhookUrl,
    webhookSecret,
    autoDeliver,
    log,
  });
  log.info({ url: server.url, webhookUrl, autoDeliver }, 'stripe-local ready: a local stand-in for the Stripe API, nothing leaves this machine');
  returnMemoryWhenIdle({ idleSeconds: idleSecondsFromEnv(), log });
  stopOnSignals(log, () => server.close());
} catch (error) {
  log.fatal({ err: error }, 'stripe-local failed to start');
  process.exit(1);
}
