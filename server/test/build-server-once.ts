import { buildServer } from '../../scripts/build-server';

/**
 * Vitest global setup: compiles the server once per run, before any test file, so the tests that start
 * `bin/planwatch.js` as a process (CLI, serve, backup, crash tests) run the current sources, compiled,
 * instead of a stale or missing dist/.
 */
export default async function setup(): Promise<void> {
  await buildServer();
}
