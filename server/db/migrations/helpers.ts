import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Part of the frozen migration set: never import application code from here.

export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Auto-incrementing integer key, spelled the way each dialect wants it. */
export function idColumn(db: Kysely<unknown>) {
  return (col: ColumnDefinitionBuilder) =>
    isPostgres(db) ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}
