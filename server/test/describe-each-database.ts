import { describe } from 'vitest';
import { type Dialect, TEST_DIALECTS } from './databases';

/** Runs the same suite once per available database, as Kysely's own tests do. */
export function describeEachDatabase(name: string, suite: (dialect: Dialect) => void): void {
  for (const dialect of TEST_DIALECTS) describe(`${name} [${dialect}]`, () => suite(dialect));
}
