import { type Kysely, sql } from 'kysely';
import { idColumn } from './helpers';

// Requests from agencies (issue 13, item 4): a task's lead agency asks to extend its deadline or to hand
// it to another lead, with a reason; the plan's consolidating coordinators approve (the change is then a
// plan revision, `revision_id`) or refuse with a reason. At most one pending request per task and kind.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('task_requests')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    // extend | reassign
    .addColumn('kind', 'text', (c) => c.notNull())
    // The requesting agency (a lead of the task when filed).
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    // extend: the deadline asked for (ISO date); reassign: the agency asked to lead instead.
    .addColumn('new_deadline', 'text')
    .addColumn('new_lead_org_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    // pending | approved | refused
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('revision_id', 'integer', (c) => c.references('plan_revisions.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_requests_task_idx')
    .on('task_requests')
    .columns(['task_id', 'id'])
    .execute();
  await db.schema
    .createIndex('task_requests_plan_state_idx')
    .on('task_requests')
    .columns(['plan_id', 'state', 'id'])
    .execute();
  // The rule "one pending request per task and kind", kept by the database against two filers at once.
  await db.schema
    .createIndex('task_requests_one_pending_idx')
    .on('task_requests')
    .columns(['task_id', 'kind'])
    .unique()
    .where(sql.ref('state'), '=', 'pending')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('task_requests').execute();
}
