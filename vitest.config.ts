import { defineConfig } from 'vitest/config';

// One test run for the whole repository. Unit tests sit next to the code they test;
// tests/ holds what crosses parts (integration against devtenant, browser, bot, package).
export default defineConfig({
  test: {
    include: ['{api,bot,contracts,devtenant,tab,scripts}/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
