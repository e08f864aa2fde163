import type { Kysely } from 'kysely';
import { idColumn } from './helpers';

// Plans imported from published documents. The original file is kept on disk (by SHA-256) and
// the reviewed draft is kept with the import, so what was read and what was confirmed stay visible.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_imports')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('draft_json', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('number', 'text')
    .addColumn('issuer', 'text')
    .addColumn('place', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('basis_json', 'text', (c) => c.notNull())
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('regime_json', 'text')
    .addColumn('consolidator_org_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('import_id', 'integer', (c) => c.references('plan_imports.id'))
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_identity_idx').on('plans').columns(['number', 'issued_on']).execute();

  await db.schema
    .createTable('plan_targets')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('min_value', 'double precision')
    .addColumn('max_value', 'double precision')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('from_year', 'integer')
    .addColumn('to_year', 'integer')
    .addColumn('approximate', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_targets_plan_idx').on('plan_targets').column('plan_id').execute();

  await db.schema
    .createTable('plan_duties')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('ordinal', 'text', (c) => c.notNull())
    .addColumn('agency_text', 'text', (c) => c.notNull())
    .addColumn('paragraphs_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_duties_plan_idx').on('plan_duties').column('plan_id').execute();

  await db.schema
    .createTable('plan_duty_agencies')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('duty_id', 'integer', (c) => c.notNull().references('plan_duties.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('agency_text', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('group_key', 'text')
    .execute();
  await db.schema
    .createIndex('plan_duty_agencies_duty_idx')
    .on('plan_duty_agencies')
    .column('duty_id')
    .execute();
  await db.schema
    .createIndex('plan_duty_agencies_org_idx')
    .on('plan_duty_agencies')
    .column('organisation_id')
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('ordinal', 'text', (c) => c.notNull())
    .addColumn('group_label', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('product', 'text')
    .addColumn('deadline_kind', 'text', (c) => c.notNull())
    .addColumn('deadline_from', 'text')
    .addColumn('deadline_to', 'text')
    .addColumn('deadline_text', 'text', (c) => c.notNull())
    .addColumn('search_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_plan_idx').on('tasks').columns(['plan_id', 'position']).execute();

  await db.schema
    .createTable('task_agencies')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull()) // lead | coordinator
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('agency_text', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('group_key', 'text')
    .execute();
  await db.schema.createIndex('task_agencies_task_idx').on('task_agencies').column('task_id').execute();
  await db.schema
    .createIndex('task_agencies_org_idx')
    .on('task_agencies')
    .columns(['organisation_id', 'role'])
    .execute();
  await db.schema
    .createIndex('task_agencies_group_idx')
    .on('task_agencies')
    .columns(['group_key', 'role'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'task_agencies',
    'tasks',
    'plan_duties',
    'plan_targets',
    'plans',
    'plan_imports',
    'documents',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
