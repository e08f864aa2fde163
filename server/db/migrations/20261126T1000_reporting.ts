import { type Kysely, sql } from 'kysely';
import { idColumn } from './helpers';

// The reporting cycle: periods, one report per agency and period, entries per task, every submitted
// version (never overwritten), product files, directives, in-app notifications and the e-mail outbox.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reporting_periods')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // annual | mid_term | final | ad_hoc
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('data_closing_on', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // open | closed
    .addColumn('extensions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('opened_by', 'integer', (c) => c.references('users.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('reporting_periods_plan_idx')
    .on('reporting_periods')
    .columns(['plan_id', 'kind', 'year'])
    .execute();
  // One annual / mid-term / final period per plan and year; ad-hoc requests as many as needed.
  await db.schema
    .createIndex('reporting_periods_regular_uq')
    .on('reporting_periods')
    .columns(['plan_id', 'kind', 'year'])
    .unique()
    .where(sql.ref('kind'), '<>', 'ad_hoc')
    .execute();
  await db.schema
    .createIndex('reporting_periods_state_idx')
    .on('reporting_periods')
    .column('state')
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('period_id', 'integer', (c) =>
      c.notNull().references('reporting_periods.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('state', 'text', (c) => c.notNull()) // draft | submitted | accepted | returned
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('summary', 'text')
    .addColumn('difficulties', 'text')
    .addColumn('proposals', 'text')
    .addColumn('dispatch_number', 'text')
    .addColumn('dispatch_date', 'text')
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('returned_at', 'text')
    .addColumn('returned_by', 'integer', (c) => c.references('users.id'))
    .addColumn('returned_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('reports_period_org_uq')
    .on('reports')
    .columns(['period_id', 'organisation_id'])
    .unique()
    .execute();
  await db.schema.createIndex('reports_org_idx').on('reports').column('organisation_id').execute();

  await db.schema
    .createTable('report_attachments')
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
    .createIndex('report_attachments_report_idx')
    .on('report_attachments')
    .column('report_id')
    .execute();

  await db.schema
    .createTable('report_entries')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull()) // lead | support
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('progress', 'text') // not_started | in_progress | completed
    .addColumn('completed_on', 'text')
    .addColumn('result', 'text')
    .addColumn('product_number', 'text')
    .addColumn('product_date', 'text')
    .addColumn('product_summary', 'text')
    .addColumn('attachment_id', 'integer', (c) => c.references('report_attachments.id'))
    .addColumn('difficulties', 'text')
    .addColumn('proposals', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_entries_report_task_uq')
    .on('report_entries')
    .columns(['report_id', 'task_id'])
    .unique()
    .execute();
  await db.schema.createIndex('report_entries_task_idx').on('report_entries').column('task_id').execute();
  await db.schema
    .createIndex('report_entries_attachment_idx')
    .on('report_entries')
    .column('attachment_id')
    .execute();

  await db.schema
    .createTable('report_versions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_versions_report_no_uq')
    .on('report_versions')
    .columns(['report_id', 'version_no'])
    .unique()
    .execute();

  await db.schema
    .createTable('directives')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id').onDelete('cascade'))
    .addColumn('report_id', 'integer', (c) => c.references('reports.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('directives_task_idx').on('directives').column('task_id').execute();
  await db.schema.createIndex('directives_report_idx').on('directives').column('report_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();

  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('email_outbox_pending_idx')
    .on('email_outbox')
    .columns(['sent_at', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'email_outbox',
    'notifications',
    'directives',
    'report_versions',
    'report_entries',
    'report_attachments',
    'reports',
    'reporting_periods',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
