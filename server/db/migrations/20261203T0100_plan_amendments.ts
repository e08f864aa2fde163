import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

// Amending documents (issue 13, item 2): a document that supplements or adjusts a plan is uploaded, read
// into proposed changes, reviewed and applied as one revision. `plan_amendments` is that revision: the
// document (number, date, its file in `documents`), the reason, and its state — a draft being reviewed,
// applied, or reverted. A revert is an amendment of its own (`reverts_id`), so the history shows it.
// Each applied change stays a `plan_revisions` row, now grouped by `amendment_id`; `undo_json` holds
// what the change replaced (the task's columns and agencies) so a revert puts back exactly that.
// `document_file_id` is the amending document's file on a single change.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_amendments')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    // amendment | revert
    .addColumn('kind', 'text', (c) => c.notNull())
    // draft | applied | reverted (a revert is 'applied')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reverts_id', 'integer', (c) => c.references('plan_amendments.id'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('document_number', 'text')
    .addColumn('document_date', 'text')
    .addColumn('document_title', 'text')
    .addColumn('reason', 'text')
    // The proposal read from the document (JSON), kept while it is reviewed.
    .addColumn('proposal_json', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('applied_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('applied_at', 'text')
    .execute();
  await db.schema
    .createIndex('plan_amendments_plan_idx')
    .on('plan_amendments')
    .columns(['plan_id', 'id'])
    .execute();
  await db.schema
    .alterTable('plan_revisions')
    .addColumn('amendment_id', 'integer', (c) => c.references('plan_amendments.id'))
    .execute();
  await db.schema.alterTable('plan_revisions').addColumn('undo_json', 'text').execute();
  await db.schema
    .alterTable('plan_revisions')
    .addColumn('document_file_id', 'integer', (c) => c.references('documents.id'))
    .execute();
  await db.schema
    .createIndex('plan_revisions_amendment_idx')
    .on('plan_revisions')
    .columns(['amendment_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('plan_revisions_amendment_idx').execute();
  await db.schema.alterTable('plan_revisions').dropColumn('document_file_id').execute();
  await db.schema.alterTable('plan_revisions').dropColumn('undo_json').execute();
  await db.schema.alterTable('plan_revisions').dropColumn('amendment_id').execute();
  await db.schema.dropTable('plan_amendments').execute();
}
