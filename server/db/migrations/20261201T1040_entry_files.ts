import { type Kysely, sql } from 'kysely';
import { idColumn } from './helpers';

// Issue 11: any number of product files per task entry (was one, report_entries.attachment_id), and
// the signed scan of each report with every earlier scan kept. The files themselves stay in
// report_attachments (and the file store, by SHA-256): entries now point to them through
// report_entry_files, in the order they were attached. Existing links are copied over first, then
// the old column goes, so no reader can take the single link for the whole list.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_entry_files')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('report_entries.id').onDelete('cascade'))
    .addColumn('attachment_id', 'integer', (c) => c.notNull().references('report_attachments.id'))
    .addColumn('added_by', 'integer', (c) => c.references('users.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_entry_files_entry_attachment_uq')
    .on('report_entry_files')
    .columns(['entry_id', 'attachment_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('report_entry_files_attachment_idx')
    .on('report_entry_files')
    .column('attachment_id')
    .execute();
  // Each existing link, attributed to whoever uploaded the file, when they did.
  await sql`
    INSERT INTO report_entry_files (entry_id, attachment_id, added_by, added_at)
    SELECT e.id, e.attachment_id, a.uploaded_by, a.uploaded_at
    FROM report_entries e JOIN report_attachments a ON a.id = e.attachment_id
    ORDER BY e.id`.execute(db);
  await db.schema.dropIndex('report_entries_attachment_idx').execute();
  await db.schema.alterTable('report_entries').dropColumn('attachment_id').execute();

  await db.schema
    .createTable('report_signed_scans')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_signed_scans_report_idx')
    .on('report_signed_scans')
    .columns(['report_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_signed_scans').execute();
  await db.schema
    .alterTable('report_entries')
    .addColumn('attachment_id', 'integer', (c) => c.references('report_attachments.id'))
    .execute();
  // Back to one file per entry: the first attached.
  await sql`
    UPDATE report_entries SET attachment_id = (
      SELECT f.attachment_id FROM report_entry_files f WHERE f.entry_id = report_entries.id
      ORDER BY f.id LIMIT 1)`.execute(db);
  await db.schema
    .createIndex('report_entries_attachment_idx')
    .on('report_entries')
    .column('attachment_id')
    .execute();
  await db.schema.dropTable('report_entry_files').execute();
}
