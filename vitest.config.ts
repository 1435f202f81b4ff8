import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['subgraphs/**/test/**/*.test.ts', 'gateway/test/**/*.test.ts', 'tests/**/*.test.ts', 'stripe-local/test/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    env: { NODE_ENV: 'test' },
    // Files share one PostgreSQL server but each creates its own database; two cores, two workers.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
