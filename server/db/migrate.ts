import { type Kysely, type MigrationResultSet, Migrator, PostgresAdapter, sql } from 'kysely';
import { migrations } from './migrations/index';
import type { Database } from './schema';

/**
 * On PostgreSQL the migration tables are looked for in the connection's own schema. Without it Kysely
 * checks for them in every schema, so another schema's tables (tests run one schema per file, at the
 * same time) make it skip creating its own and fail with "kysely_migration_lock does not exist".
 */
async function migrator(db: Kysely<Database>): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const r = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = r.rows[0]?.schema ?? undefined;
  }
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

/**
 * Kysely's PostgreSQL introspection (which the migrator uses to find its own tables) reads every
 * schema's catalog and calls has_schema_privilege() on each; a schema dropped by another process at
 * that moment (tests drop theirs when a file ends) fails the whole query with SQLSTATE 3F000 naming
 * that other schema. Nothing of ours is wrong then: look again.
 */
export async function retryWhileSchemasVanish<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const vanished = (err as { code?: unknown }).code === '3F000';
      if (!vanished || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  return retryWhileSchemasVanish(async () => {
    const result = await (await migrator(db)).migrateToLatest();
    if (result.error) throw result.error;
    return result;
  });
}

export interface MigrationState {
  applied: number;
  pending: number;
  latest: string | null;
}

export async function migrationState(db: Kysely<Database>): Promise<MigrationState> {
  const all = await retryWhileSchemasVanish(async () => (await migrator(db)).getMigrations());
  const applied = all.filter((m) => m.executedAt !== undefined);
  return {
    applied: applied.length,
    pending: all.length - applied.length,
    latest: applied.at(-1)?.name ?? null,
  };
}
