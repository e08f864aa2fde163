import type { Migration } from 'kysely';
import * as foundation from './20261126T0700_foundation';
import * as plans from './20261126T0800_plans';

/** Every migration, by name. Names sort by date; a landed migration is never edited. */
export const migrations: Record<string, Migration> = {
  '20261126T0700_foundation': foundation,
  '20261126T0800_plans': plans,
};
