import { defineConfig } from 'vitest/config';

/**
 * Suites that start real things: the fake Discord with discord.js, worker threads, watchers,
 * processes, and real redis-server / PostgreSQL servers (tests/support/servers).
 */
const e2e = [
  'tests/e2e/**/*.test.ts',
  'tests/support/**/*.test.ts',
  'tests/main.test.ts',
  'tests/adapters/terminal/cliProcess.test.ts',
  'tests/host/openKnowledgeInWorker.test.ts',
  'tests/host/operations.test.ts',
  'tests/host/watchKnowledge.test.ts',
  'tests/host/redis/**/*.test.ts',
  'tests/adapters/http/interactions.test.ts',
  'tests/store/engines.test.ts',
  'tests/store/concurrency.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['tests/support/servers/globalSetup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // `npm test` runs both; `npm run test:unit` and `npm run test:e2e` run one each.
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: e2e } },
      { extends: true, test: { name: 'e2e', include: e2e } },
    ],
  },
});
