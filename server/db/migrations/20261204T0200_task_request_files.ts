import type { Kysely } from 'kysely';

// A request from an agency may carry its document (the agency's letter asking for the change: PDF, DOCX,
// DOC, ODT), kept like other uploads (FileStore by SHA-256, a `documents` row). An approval's plan
// revision links the same file (`plan_revisions.document_file_id`). `task_request_uploads` records who
// uploaded which document for a request: a request may cite only a file its filer uploaded (documents
// are shared by content, one row per SHA-256, so `documents.uploaded_by` names only the first uploader).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('task_requests')
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .execute();
  await db.schema
    .createTable('task_request_uploads')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_request_uploads_pk', ['document_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('task_request_uploads').execute();
  await db.schema.alterTable('task_requests').dropColumn('document_id').execute();
}
