import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts'],
    // HTTP tests run real databases (SQLite file + PostgreSQL schema per file); give them room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests that spawn bin/planwatch.js run the compiled build: made once here from the current sources.
    globalSetup: ['server/test/build-server-once.ts'],
  },
});
