import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Development settings the runner fills in when the environment leaves them out: role passwords, the seeded
 * staff password and the local Stripe server's key and webhook secret are generated once and kept in
 * `<dataDir>/dev-config.json` (git-ignored), so tokens and logins survive restarts. Production never gets
 * here: it must set everything itself.
 */
export interface DevConfig {
  /** Derives each subgraph role's database password; never given to the services themselves. */
  ROLE_PASSWORD_SECRET: string;
  SEED_STAFF_EMAIL: string;
  SEED_STAFF_PASSWORD: string;
  /**
   * Offline payments (no STRIPE_SECRET_KEY): the key the orders service gives the local Stripe-compatible
   * server (any `sk_test_` key works there), and the secret both sign and verify webhooks with. Unused with
   * a real key, whose webhook secret comes from Stripe.
   */
  STRIPE_LOCAL_SECRET_KEY: string;
  STRIPE_LOCAL_WEBHOOK_SECRET: string;
}

export function loadDevConfig(dataDir: string, env: NodeJS.ProcessEnv): { config: DevConfig; generated: (keyof DevConfig)[] } {
  const file = join(dataDir, 'dev-config.json');
  const stored: Partial<DevConfig> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const generated: (keyof DevConfig)[] = [];
  const pick = (key: keyof DevConfig, make: () => string) => {
    const value = env[key] || stored[key];
    if (value) return value;
    generated.push(key);
    return make();
  };
  const config: DevConfig = {
    ROLE_PASSWORD_SECRET: pick('ROLE_PASSWORD_SECRET', () => randomBytes(32).toString('base64url')),
    SEED_STAFF_EMAIL: pick('SEED_STAFF_EMAIL', () => 'staff@example.com'),
    SEED_STAFF_PASSWORD: pick('SEED_STAFF_PASSWORD', () => randomBytes(9).toString('base64url')),
    // Stripe's own shapes (word characters after the prefix), so every check of the real ones applies.
    STRIPE_LOCAL_SECRET_KEY: pick('STRIPE_LOCAL_SECRET_KEY', () => `sk_test_local${randomBytes(12).toString('hex')}`),
    STRIPE_LOCAL_WEBHOOK_SECRET: pick('STRIPE_LOCAL_WEBHOOK_SECRET', () => `whsec_local${randomBytes(16).toString('hex')}`),
  };
  if (generated.length > 0) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify({ ...stored, ...pickGenerated(config, generated) }, null, 2)}\n`, { mode: 0o600 });
  }
  return { config, generated };
}

function pickGenerated(config: DevConfig, keys: (keyof DevConfig)[]): Partial<DevConfig> {
  return Object.fromEntries(keys.map((key) => [key, config[key]]));
}
