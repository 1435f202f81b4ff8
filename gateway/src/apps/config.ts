import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppMount, PaymentsMode } from './index.ts';

/**
 * Where the builds are (APPS_DIR: a folder holding web/ and pos/ builds; by default each app's
 * clients/<app>/dist) and how the storefront takes cards: STRIPE_PUBLISHABLE_KEY for Stripe's Payment
 * Element, else PAYMENTS_LOCAL_URL (the runner sets it to stripe-local's address) for the test-card form,
 * else no card payments on the page.
 */
export function readAppsConfig(env: NodeJS.ProcessEnv): { mounts: AppMount[]; payments: PaymentsMode } {
  const clients = fileURLToPath(new URL('../../../clients', import.meta.url));
  const dirOf = (name: string) => (env.APPS_DIR ? join(env.APPS_DIR, name) : join(clients, name, 'dist'));
  const publishableKey = env.STRIPE_PUBLISHABLE_KEY;
  if (publishableKey !== undefined && publishableKey !== '' && !/^pk_(test|live)_\w+$/.test(publishableKey)) {
    throw new Error('STRIPE_PUBLISHABLE_KEY must be a Stripe publishable key (pk_test_… or pk_live_…).');
  }
  const payments: PaymentsMode = publishableKey
    ? { mode: 'stripe', publishableKey }
    : env.PAYMENTS_LOCAL_URL
      ? { mode: 'local', stripeLocalUrl: env.PAYMENTS_LOCAL_URL }
      : { mode: 'none' };
  return {
    mounts: [
      { name: 'web', base: '/', dir: dirOf('web') },
      { name: 'pos', base: '/pos/', dir: dirOf('pos') },
    ],
    payments,
  };
}
