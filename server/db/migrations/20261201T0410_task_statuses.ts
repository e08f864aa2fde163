import type { Kysely } from 'kysely';

// Task statuses stored instead of recomputed on every read (server/modules/reporting/task-status-store.ts).
// One row per task and judged year, as the pure rules (shared/domain/task-status) gave it on `computed_on`
// (a Vietnam calendar date). `task_status_plan_years` says which plan-years are stored and for which day
// they were last computed in full: a read finding an older day recomputes the plan-year first, and the
// daily job rolls every stored plan-year to the new day.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('task_statuses')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('days_late', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    // The report the status is taken from (latest submitted or accepted lead entry); a cached copy.
    .addColumn('report_id', 'integer')
    .addColumn('progress', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('computed_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_statuses_pk', ['task_id', 'year'])
    .execute();
  await db.schema
    .createIndex('task_statuses_plan_year_code_idx')
    .on('task_statuses')
    .columns(['plan_id', 'year', 'code'])
    .execute();
  await db.schema
    .createTable('task_status_plan_years')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('computed_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_status_plan_years_pk', ['plan_id', 'year'])
    .execute();
  await db.schema
    .createIndex('task_status_plan_years_computed_idx')
    .on('task_status_plan_years')
    .column('computed_on')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('task_status_plan_years').execute();
  await db.schema.dropTable('task_statuses').execute();
}
