import { defineConfig } from 'vitest/config';

// One test run for the whole repository. Unit tests sit next to the code they test;
// tests/ holds what crosses parts (integration against devtenant, browser, bot, package).
export default defineConfig({
  test: {
    include: ['{api,bot,contracts,devtenant,tab,scripts}/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    env: { TZ: 'UTC' },
    // PostgreSQL for the PostgreSQL suites: CONFER_TEST_DATABASE_URL, or a server started for the run.
    globalSetup: ['tests/support/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
