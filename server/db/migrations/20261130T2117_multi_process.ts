import type { Kysely } from 'kysely';
import { isPostgres } from './helpers';

// Several server processes on one database: uploaded files kept in the database (so every process can
// serve them), leases that let one process at a time run a periodic job, and claims on outbox rows so
// each e-mail is sent by exactly one process.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stored_files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  // Which process is sending a row, and until when its claim holds (a crashed sender's rows become
  // claimable again afterwards). Both null = queued.
  await db.schema.alterTable('email_outbox').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('email_outbox').addColumn('claimed_until', 'text').execute();

  // The expired-session sweep deletes by expiry.
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sessions_expires_idx').execute();
  await db.schema.alterTable('email_outbox').dropColumn('claimed_until').execute();
  await db.schema.alterTable('email_outbox').dropColumn('claimed_by').execute();
  await db.schema.dropTable('job_leases').execute();
  await db.schema.dropTable('stored_files').execute();
}
