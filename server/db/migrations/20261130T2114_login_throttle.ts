import type { Kysely } from 'kysely';

// Failed-login counters shared by every server process on the database, so a password cannot be
// brute-forced by spreading guesses over processes, and the limiter's memory stays in one bounded
// table (rows whose window has passed are deleted). Keys: 'user:<name>' and 'ip:<address>'.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_throttle_window_idx')
    .on('login_throttle')
    .column('window_started_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_throttle').execute();
}
