import type { Kysely } from 'kysely';

// A request from an agency may carry its document (the agency's letter asking for the change: PDF, DOCX,
// DOC, ODT), kept like other uploads (FileStore by SHA-256, a `documents` row). An approval's plan
// revision links the same file (`plan_revisions.document_file_id`).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('task_requests')
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('task_requests').dropColumn('document_id').execute();
}
